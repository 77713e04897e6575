/**
 * Page integrity: TermLens never changes the page it runs on. On every saved real page and every fixture, the DOM
 * serialisation is byte-identical before and after a scan and an opened explanation (highlight mode); in the wrap
 * fallback the page's own text node objects come back, in order and with their text, once the site is switched off;
 * and a page's own scripts (a React app) keep rendering without errors while terms are marked.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  markedTexts,
  serialise,
  waitForScan,
  cardDialog,
  cardClosed,
  inspectorOf,
  inTermLens,
  pageNames,
} from '../../harness/page-helpers';
import type { PageInspector } from '../../harness/inspect';
import { useExtension } from '../../harness/suite';

/** The saved real pages live next to the project (../shared/corpus/pages), or wherever TERMLENS_CORPUS points. */
const CORPUS = process.env.TERMLENS_CORPUS ?? resolve('..', 'shared', 'corpus', 'pages');
const CORPUS_PAGES = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => `/corpus/${f}`)
  : [];
if (!CORPUS_PAGES.length)
  console.warn(`No saved pages at ${CORPUS}: only the project's own pages are checked for integrity.`);
/** Fixtures whose DOM only their own inline scripts change before DOMContentLoaded (dynamic.html edits itself later). */
const FIXTURE_PAGES = [
  '/terms.html',
  '/edge.html',
  '/dark.html',
  '/popup-terms.html',
  '/frames.html',
  '/smoke.html',
  '/values.html',
  '/demo/article.html',
];

interface ScanDetail {
  matches: number;
  /** Absent when the gate (entrypoints/gate/) found nothing to read: then no content script runs in the page. */
  mode?: 'highlight-api' | 'wrap';
  kind?: 'gate' | 'initial' | 'update';
}

describe('page integrity', () => {
  const suite = useExtension({
    serve: {
      '/': 'tests/fixtures/pages',
      '/demo/': 'demo',
      ...(CORPUS_PAGES.length ? { '/corpus/': CORPUS } : {}),
      '/vendor/react/': 'node_modules/react/umd',
      '/vendor/react-dom/': 'node_modules/react-dom/umd',
    },
  });

  const setSiteOn = (on: boolean) =>
    suite.browser.worker.evaluate(
      (off) => chrome.storage.local.set({ settings: { disabledSites: off ? ['127.0.0.1'] : [] } }),
      !on,
    );

  const scans = async (page: Page) =>
    (
      await inTermLens(page, (record) => record?.measures.filter((m) => m.name === 'scan' || m.name === 'gate') ?? [])
    ).map((m) => ({ ...m.detail, kind: m.name === 'gate' ? 'gate' : (m.detail as ScanDetail).kind }) as ScanDetail);

  /**
   * Opens a page and, before the content script has run (document_idle comes after DOMContentLoaded), records its
   * serialisation and keeps references to its text nodes in the page, where they change nothing.
   */
  async function openUntouched(path: string): Promise<{ page: Page; before: string; inspector: PageInspector }> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(path), { waitUntil: 'domcontentloaded' });
    const before = await serialise(page);
    await page.evaluate(() => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      (window as unknown as { __texts: [Text, string][] }).__texts = nodes.map((n) => [n, n.data]);
    });
    const inspector = await inspectorOf(page);
    await waitForScan(page);
    return { page, before, inspector };
  }

  /** Whether the document holds exactly the text node objects it held before TermLens ran, with the same text. */
  const sameTextNodes = (page: Page) =>
    page.evaluate(() => {
      const kept = (window as unknown as { __texts: [Text, string][] }).__texts;
      const now: Text[] = [];
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) now.push(n as Text);
      if (now.length !== kept.length) return `${now.length} text nodes, was ${kept.length}`;
      const moved = kept.findIndex(([node, data], i) => now[i] !== node || node.data !== data);
      return moved < 0 ? 'same' : `text node ${moved} differs: ${JSON.stringify(now[moved]?.data.slice(0, 60))}`;
    });

  /** Our wrap-mode marks in the document and in its open shadow roots. */
  const countMarks = async (page: Page) => {
    // No names: the content script never ran here (the gate left the page alone), so no marks either.
    const tag = await inTermLens(page, (record) => record?.names?.mark ?? null);
    if (!tag) return 0;
    return page.evaluate((t) => {
      let count = 0;
      const visit = (root: Document | ShadowRoot) => {
        count += root.querySelectorAll(t).length;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
      };
      visit(document);
      return count;
    }, tag);
  };

  /** Opens the explanation of the next term by the keyboard command (it scrolls the term into view), then closes it. */
  async function openAndCloseExplanation(page: Page): Promise<void> {
    await page.bringToFront();
    await suite.browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'navigate', direction: 1 }, { frameId: 0 });
    });
    // Some pages have dialogs of their own (medicalnewstoday's picture viewer): ours is in our host element.
    await cardDialog(page);
    await page.keyboard.press('Escape');
    await cardClosed(page);
  }

  /**
   * Switches the content script of this page to the wrap fallback, the way a browser without the Highlight API runs
   * it: the API is deleted inside TermLens's isolated world only (the page keeps its own), then the site is switched
   * off and on, which builds a fresh highlighter.
   */
  async function switchToWrapMode(page: Page, inspector: PageInspector): Promise<void> {
    const { term } = await pageNames(page);
    await inspector.evaluateInExtension('delete CSS.highlights');
    await setSiteOn(false);
    // Asked in the page's world, which still has the API: TermLens's own no longer does.
    await page.waitForFunction((name) => !CSS.highlights.has(name), term);
    await setSiteOn(true);
    await expect.poll(async () => (await scans(page)).some((scan) => scan.mode === 'wrap')).toBe(true);
  }

  for (const path of [...FIXTURE_PAGES, ...CORPUS_PAGES]) {
    it(`leaves ${path} as it was: highlight mode, an opened explanation, wrap mode switched off`, async () => {
      await setSiteOn(true);
      const { page, before, inspector } = await openUntouched(path);
      const [first] = await scans(page);
      if (first?.kind === 'gate') {
        // Nothing here could be marked: the gate looked at the text and left the page alone.
        expect(await serialise(page)).toBe(before);
        expect(await sameTextNodes(page)).toBe('same');
        expect(inspector.extensionErrors).toEqual([]);
        expect(await countMarks(page)).toBe(0);
        await inspector.detach();
        await page.close();
        return;
      }
      expect(first?.mode).toBe('highlight-api');

      // Highlight mode: painting and explaining change nothing in the DOM.
      expect(await serialise(page)).toBe(before);
      if (first!.matches > 0) {
        await openAndCloseExplanation(page);
        expect(await serialise(page)).toBe(before);
      }
      expect(await sameTextNodes(page)).toBe('same');

      // Wrap mode: the same terms are wrapped, the text reads the same, and switching off restores every node.
      const textBefore = await page.evaluate(() => document.body.textContent);
      await switchToWrapMode(page, inspector);
      const wrapped = (await scans(page)).find((s) => s.mode === 'wrap')!;
      expect(wrapped.matches).toBe(first!.matches);
      const marks = await countMarks(page);
      if (wrapped.matches > 0) expect(marks).toBeGreaterThanOrEqual(wrapped.matches);
      else expect(marks).toBe(0);
      expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);

      await setSiteOn(false);
      await expect.poll(() => countMarks(page)).toBe(0);
      expect(await serialise(page)).toBe(before);
      expect(await sameTextNodes(page)).toBe('same');
      expect(inspector.extensionErrors).toEqual([]);
      await inspector.detach();
      await page.close();
    });
  }

  it('explains a hovered term in wrap mode too, and restores the page after', async () => {
    await setSiteOn(true);
    const { page, before, inspector } = await openUntouched('/terms.html');
    await switchToWrapMode(page, inspector);
    const { mark: tag } = await pageNames(page);
    const mark = page.locator(tag, { hasText: 'metformin' }).first();
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect((await cardDialog(page)).getByRole('heading').first().textContent()).resolves.toBe('Metformin');
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await setSiteOn(false);
    await page.waitForFunction((t) => document.querySelectorAll(t).length === 0, tag);
    expect(await serialise(page)).toBe(before);
    expect(inspector.extensionErrors).toEqual([]);
    await page.close();
  });

  /** Clicks the React app's button `times` times, checking after each render that React's DOM is what React wrote. */
  async function driveReactApp(page: Page, times: number): Promise<void> {
    const terms = ['metformin', 'insulin resistance', 'HbA1c', 'hypoglycemia'];
    for (let n = 1; n <= times; n++) {
      await page.click('#next');
      await page.waitForFunction((want) => document.getElementById('count')?.textContent === String(want), n);
      const dom = await page.evaluate(() => ({
        status: document.getElementById('status')!.textContent,
        single: document.getElementById('single')!.textContent,
        items: [...document.querySelectorAll('#list li')].map((li) => li.textContent),
      }));
      expect(dom).toEqual({
        status: `Check ${n}: ${n % 2 ? 'metformin taken' : 'HbA1c due'}, and insulin resistance today.`,
        single: n % 2 ? 'Take metformin with food.' : 'Watch for hypoglycemia at night.',
        items: terms.slice(0, (n % terms.length) + 1).map((t) => `About ${t}`),
      });
    }
  }

  it('lets a React app re-render while its terms are highlighted, without errors, and follows the new text', async () => {
    await setSiteOn(true);
    const page = await suite.browser.context.newPage();
    const inspector = await inspectorOf(page);
    await page.goto(suite.server.url('/react-app.html'));
    await waitForScan(page);
    await expect
      .poll(() => markedTexts(page))
      .toEqual(expect.arrayContaining(['HbA1c', 'insulin resistance', 'hypoglycemia']));
    await driveReactApp(page, 9);
    // n = 9: "metformin taken" replaced "HbA1c due", "Take metformin with food." replaced "hypoglycemia at night" and
    // the list holds metformin and insulin resistance: the marks follow the text React wrote, the stale ones are gone.
    await expect
      .poll(async () => (await markedTexts(page)).sort())
      .toEqual(['insulin resistance', 'insulin resistance', 'metformin', 'metformin', 'metformin'].sort());
    expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
    expect(inspector.errors).toEqual([]);
    await page.close();
  });

  it('lets a React app re-render in wrap mode too, and gives it back its nodes when switched off', async () => {
    await setSiteOn(true);
    const page = await suite.browser.context.newPage();
    const inspector = await inspectorOf(page);
    await page.goto(suite.server.url('/react-app.html'));
    await waitForScan(page);
    await switchToWrapMode(page, inspector);
    expect(await countMarks(page)).toBeGreaterThan(0);
    await driveReactApp(page, 9);
    const { mark: tag } = await pageNames(page);
    await expect
      .poll(() => page.evaluate((t) => [...document.querySelectorAll(t)].map((m) => m.textContent).sort(), tag))
      .toEqual(['insulin resistance', 'insulin resistance', 'metformin', 'metformin', 'metformin'].sort());
    await setSiteOn(false);
    await expect.poll(() => countMarks(page)).toBe(0);
    await driveReactApp(page, 0);
    await page.click('#next');
    await page.waitForFunction(() => document.getElementById('count')?.textContent === '10');
    expect(await page.evaluate(() => document.getElementById('status')!.textContent)).toBe(
      'Check 10: HbA1c due, and insulin resistance today.',
    );
    expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
    expect(inspector.errors).toEqual([]);
    await page.close();
  });
});
