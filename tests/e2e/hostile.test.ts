/**
 * Hostile and odd pages: TermLens keeps working (or steps aside), throws nothing uncaught in its isolated world, and
 * the page stays responsive: its own timers keep firing while TermLens scans, and it answers the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { serveFixtures, type FixtureServer } from '../../harness/server';
import {
  cardClosed,
  cardDialog,
  inspectorOf,
  inTermLens,
  markedTexts,
  measuresOf,
  pointOfTerm,
  serialise,
  waitForScan,
} from '../../harness/page-helpers';
import { inspectPage, type PageInspector } from '../../harness/inspect';
import { useExtension } from '../../harness/suite';
import * as P from './hostile-pages';

interface ScanDetail {
  chars: number;
  matches: number;
  slices: number;
  mode: string;
}

describe('hostile and odd pages', () => {
  // A second server on another port is another origin: the cross-origin frame comes from there.
  let other: FixtureServer;
  beforeAll(async () => {
    other = await serveFixtures({}, { '/cross-frame.html': () => P.CROSS_FRAME });
  });
  afterAll(async () => {
    await other?.close();
  });
  const suite = useExtension({
    routes: {
      '/globals.html': () => P.GLOBALS_PAGE,
      '/csp.html': () => ({ body: P.CSP_PAGE, headers: { 'content-security-policy': P.CSP_HEADER } }),
      '/huge-text.html': () => P.HUGE_TEXT_PAGE,
      '/deep.html': () => P.DEEP_PAGE,
      '/tiny.html': () => P.TINY_PAGE,
      '/rtl.html': () => P.RTL_PAGE,
      '/unicode.html': () => P.UNICODE_PAGE,
      '/frames.html': () => P.framesPage(other.origin),
      '/svg.html': () => P.SVG_PAGE,
      '/image.svg': () => ({ body: P.SVG_DOCUMENT, headers: { 'content-type': 'image/svg+xml' } }),
      '/mutating.html': () => P.MUTATING_PAGE,
    },
  });

  /**
   * Opens a page with a ticker in it (a `setTimeout(0)` loop started before any page script, with the real timer
   * functions, so a page that breaks its globals cannot stop it) and a DevTools view of errors in every world.
   */
  async function open(path: string): Promise<{ page: Page; inspector: PageInspector }> {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __ticks: number[] };
      const set = window.setTimeout.bind(window);
      const now = performance.now.bind(performance);
      const ticks: number[] = [];
      w.__ticks = ticks;
      let count = 0;
      const tick = () => {
        ticks[count++] = now();
        if (count < 200_000) set(tick, 0);
      };
      set(tick, 0);
    });
    const inspector = await inspectorOf(page);
    await page.goto(suite.server.url(path), { timeout: 60_000 });
    return { page, inspector };
  }

  /** The first scan, and how many of the page's own timer callbacks ran while it was under way. */
  async function firstScan(page: Page): Promise<ScanDetail & { ticksDuring: number }> {
    await waitForScan(page, 1, 60_000);
    const [m] = await measuresOf(page, 'scan');
    if (!m) throw new Error('The page was not read');
    // The page's timers and TermLens's world share one clock: the frame's performance.now().
    const during = await page.evaluate(
      ([start, end]) => (window as unknown as { __ticks: number[] }).__ticks.filter((t) => t > start && t < end).length,
      [m.start, m.end] as const,
    );
    return { ...(m.detail as ScanDetail), ticksDuring: during };
  }

  /** While a scan was split into several slices, the page's own timers must have run between them. */
  function expectResponsive(scan: ScanDetail & { ticksDuring: number }): void {
    if (scan.slices > 1) expect(scan.ticksDuring).toBeGreaterThan(0);
  }

  async function navigateCommand(page: Page): Promise<void> {
    await page.bringToFront();
    await suite.browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'navigate', direction: 1 }, { frameId: 0 });
    });
  }

  it('sees errors thrown in TermLens’s isolated world (so the checks below can fail)', async () => {
    const { page, inspector } = await open('/rtl.html');
    await waitForScan(page);
    await inspector.evaluateInExtension('setTimeout(() => { throw new Error("probe") }, 0); 1');
    await expect.poll(() => inspector.extensionErrors.join()).toContain('probe');
    await page.close();
  });

  it('works on a page that redefined CSS, Range, MutationObserver, Array.prototype and more', async () => {
    const { page, inspector } = await open('/globals.html');
    // The page broke the built-ins Playwright's own helpers need in the page's world; the helpers read TermLens's.
    await waitForScan(page);
    expect((await markedTexts(page)).sort()).toEqual(['Low blood sugar', 'hypoglycemia', 'metformin']);
    await navigateCommand(page);
    await expect((await cardDialog(page)).getByRole('heading').first().textContent()).resolves.toBe('Metformin');
    await page.keyboard.press('Escape');
    await cardClosed(page);
    // Edits follow too: the page's broken MutationObserver is not ours.
    await inspector.evaluateInExtension(`document.getElementById('b').firstChild.data = 'Now about HbA1c.'; 1`);
    await expect.poll(async () => (await markedTexts(page)).sort()).toEqual(['HbA1c', 'metformin']);
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });

  it('works under a strict Content-Security-Policy with Trusted Types, styled, without violations', async () => {
    const { page, inspector } = await open('/csp.html');
    await waitForScan(page);
    expect((await markedTexts(page)).sort()).toEqual(['HbA1c', 'insulin resistance', 'metformin']);
    const { x, y } = await pointOfTerm(page, 'metformin');
    await page.mouse.move(x - 2, y);
    await page.mouse.move(x, y);
    const card = await cardDialog(page);
    // The popover's own styles applied (a blocked stylesheet would leave the card unstyled: no border radius).
    await expect(card.evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).resolves.toBe('10px');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(inspector.extensionErrors).toEqual([]);
    expect(inspector.errors).toEqual([]);
    await page.close();
  });

  it('scans a single text node of a million characters', async () => {
    const { page, inspector } = await open('/huge-text.html');
    const scan = await firstScan(page);
    expect(await page.evaluate(() => document.getElementById('huge')!.firstChild!.textContent!.length)).toBe(P.MILLION);
    expect(await page.evaluate(() => document.getElementById('huge')!.childNodes.length)).toBe(1);
    expect(scan.matches).toBe(P.MILLION_TERMS);
    expectResponsive(scan);
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });

  it('scans 10,000-deep nesting down to the bottom', async () => {
    const { page, inspector } = await open('/deep.html');
    const scan = await firstScan(page);
    expect(scan.matches).toBe(P.DEPTH / 1000 + 1);
    expectResponsive(scan);
    // Every term is painted, the one at the very bottom included, though no element around them has a box.
    const marked = await markedTexts(page);
    expect(marked).toHaveLength(P.DEPTH / 1000 + 1);
    expect(marked.at(-1)).toBe('metformin');
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });

  it('scans 200,000 tiny text nodes, with terms cut across nodes, in slices', async () => {
    const { page, inspector } = await open('/tiny.html');
    const scan = await firstScan(page);
    expect(scan.matches).toBe(P.TINY_TERMS);
    expect(scan.slices).toBeGreaterThan(1);
    expectResponsive(scan);
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });

  it('marks terms in right-to-left text and explains them on hover', async () => {
    const { page, inspector } = await open('/rtl.html');
    await waitForScan(page);
    expect((await markedTexts(page)).sort()).toEqual([
      'HbA1c',
      'hypoglycemia',
      'hypoglycemia',
      'insulin resistance',
      'metformin',
      'metformin',
    ]);
    for (const [text, heading] of [
      ['metformin', 'Metformin'],
      ['HbA1c', 'HbA1c'],
    ] as const) {
      const { x, y } = await pointOfTerm(page, text);
      await page.mouse.move(x - 2, y);
      await page.mouse.move(x, y);
      await expect
        .poll(async () =>
          (await cardDialog(page))
            .getByRole('heading')
            .first()
            .textContent()
            .catch(() => ''),
        )
        .toBe(heading);
      await page.keyboard.press('Escape');
      await cardClosed(page);
      await page.mouse.move(1, 1);
    }
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });

  it('handles emoji, broken surrogate pairs and combining marks without splitting a character', async () => {
    const { page, inspector } = await open('/unicode.html');
    await waitForScan(page);
    expect((await markedTexts(page)).sort()).toEqual(
      [
        'HbA1c',
        'hypoglycemia',
        'hypoglycemia',
        'insulin resistance',
        'metformin',
        'metformin',
        'metformin',
        'metformin',
      ].sort(),
    );
    // No range starts or ends inside a surrogate pair or just before a combining mark.
    const splits = await inTermLens(page, (record) => {
      const bad: string[] = [];
      const cuts = (node: Node, offset: number) => {
        if (node.nodeType !== 3) return false;
        const data = (node as Text).data;
        const before = data.charCodeAt(offset - 1);
        const after = data.charCodeAt(offset);
        const pairCut = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
        return pairCut || /\p{M}/u.test(data[offset] ?? '');
      };
      for (const r of [record?.names?.term, record?.names?.linked].flatMap((n) => [
        ...(CSS.highlights.get(n ?? '') ?? []),
      ])) {
        if (cuts(r.startContainer, r.startOffset) || cuts(r.endContainer, r.endOffset))
          bad.push(`${r.startOffset}-${r.endOffset}`);
      }
      return bad;
    });
    expect(splits).toEqual([]);
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });

  it('works in srcdoc, script-written, nested and cross-origin frames, and stays quiet in a sandboxed one', async () => {
    const { page, inspector } = await open('/frames.html');
    await waitForScan(page);
    // The frame whose own paragraphs (not the parent's script source) hold the text.
    const byText = (needle: string) => (f: Frame) =>
      f.evaluate((n) => [...document.querySelectorAll('p')].some((p) => p.textContent?.includes(n)), needle);
    const findFrame = async (needle: string) => {
      for (const f of page.frames())
        if (f !== page.mainFrame() && (await byText(needle)(f).catch(() => false))) return f;
      return null;
    };
    for (const [needle, term] of [
      ['srcdoc frame', 'hypoglycemia'],
      ['script-written', 'ketones'],
      ['Outer frame', 'HbA1c'],
      ['Inner frame', 'insulin resistance'],
      ['cross-origin', 'metformin'],
    ] as const) {
      await expect.poll(() => findFrame(needle)).not.toBeNull();
      const f = (await findFrame(needle))!;
      await (await f.frameElement()).scrollIntoViewIfNeeded(); // marks are painted near the viewport
      await expect.poll(() => markedTexts(f).catch(() => [] as string[]), { timeout: 10_000 }).toContain(term);
    }
    expect(await markedTexts(page)).toEqual(['metformin']);
    // The ad-like frame (one line of text) got one look and nothing more: no reading, no marks.
    const ad = (await findFrame('Ad: ask about'))!;
    expect(await measuresOf(ad, 'scan')).toEqual([]);
    expect(await markedTexts(ad)).toEqual([]);
    // So did the frame of an ad's size, however much text it holds (its size is all the gate looked at).
    const adSized = (await findFrame('ask your doctor about insulin'))!;
    await page.waitForTimeout(1200); // past the gate's second look
    expect(await measuresOf(adSized, 'scan')).toEqual([]);
    expect(await markedTexts(adSized)).toEqual([]);
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });

  it('leaves SVG text alone and runs quietly in an SVG document', async () => {
    const { page, inspector } = await open('/svg.html');
    await waitForScan(page);
    expect(await markedTexts(page)).toEqual(['Metformin']);
    const svg = await suite.browser.context.newPage();
    const svgInspector = await inspectPage(svg, suite.browser.extensionId);
    await svg.goto(suite.server.url('/image.svg'));
    const before = await serialise(svg);
    await svg.waitForFunction(() => document.readyState === 'complete');
    await svg.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(await serialise(svg)).toBe(before);
    expect(svgInspector.extensionErrors).toEqual([]);
    expect(inspector.extensionErrors).toEqual([]);
    await svg.close();
    await page.close();
  });

  it('keeps up with a page that never stops changing, and the page keeps its frame rate', async () => {
    const { page, inspector } = await open('/mutating.html');
    await waitForScan(page);
    // The page's animation frames keep coming while TermLens follows every change.
    const frames = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
    await page.waitForFunction((n) => (window as unknown as { __frames: number }).__frames > n + 30, frames);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.evaluate(() => ((window as unknown as { __stop: boolean }).__stop = true));
    await page.waitForFunction(() => (window as unknown as { __settled?: boolean }).__settled === true);
    await expect
      .poll(async () => (await markedTexts(page)).sort())
      .toEqual(['hypoglycemia', 'insulin resistance', 'metformin']);
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });
});
