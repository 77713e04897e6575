import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  cardClosed,
  cardDialog,
  cardFrame,
  highlightSize,
  hoverTerm,
  markedTexts,
  markInk,
  pointOfTerm,
  serialise,
  waitForScan,
  openScanned,
  sendToPage,
  storeSettings,
} from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';
import { LIGHT_TERM_LINE } from '../../harness/ink';

const SHOTS = 'test-output';

describe('terms on the page', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages', '/demo/': 'demo' }, screenshots: SHOTS });

  const open = (path: string) => openScanned(suite.browser, suite.server.url(path));

  const command = (page: Page, message: object) => sendToPage(suite.browser, page, message);

  const setStored = (settings: object) => storeSettings(suite.browser, settings);

  it('marks terms in all their spellings and nothing in skipped or hidden places', async () => {
    const page = await open('/terms.html');
    const marked = await markedTexts(page);
    expect(marked).toEqual(
      expect.arrayContaining([
        'HbA1c',
        'insulin resistance',
        'metformin',
        'Ozempic',
        'GLP-1 receptor agonist',
        'hypoglycemia',
      ]),
    );
    const all = marked.join(' | ');
    expect(all).not.toMatch(/prediabetes|ketones|Canada|pump/);
    expect(marked.filter((t) => t === 'metformin')).toHaveLength(1); // the textarea's copy is not marked
    await page.close();
  });

  it('marks a topic-only word met before the page shows it is about diabetes, and only then', async () => {
    const page = await open('/topic-later.html');
    // The first paragraph's pump, pen and meter could be anything until the page says what it is about. (Marks in
    // view are registered within a frame or two; give them time, so an empty list means held back, not late.)
    await page.waitForTimeout(300);
    expect(await markedTexts(page)).toEqual([]);
    await page.evaluate(() => (window as unknown as { addMore: () => void }).addMore());
    await expect
      .poll(async () => (await markedTexts(page)).sort())
      .toEqual(
        expect.arrayContaining([
          'pump',
          'pen',
          'meter',
          'type 1 diabetes',
          'A1C',
          'insulin',
          'continuous glucose monitor',
        ]),
      );
    await page.close();
  });

  it('leaves the page DOM byte-identical', async () => {
    const page = await suite.browser.context.newPage();
    // Serialise before the content script can run (document_idle) by pausing at DOMContentLoaded.
    await page.goto(suite.server.url('/terms.html'), { waitUntil: 'domcontentloaded' });
    const before = await serialise(page);
    await waitForScan(page);
    expect((await markedTexts(page)).length).toBeGreaterThan(3);
    expect(await serialise(page)).toBe(before);
    await page.close();
  });

  it('opens the right entry on hover, with a screen-reader name, and closes on Escape', async () => {
    const page = await open('/terms.html');
    for (const [text, heading] of [
      ['metformin', /metformin/i],
      ['Ozempic', /semaglutide/i],
      ['HbA1c', /a1c/i],
    ] as const) {
      const dialog = await hoverTerm(page, text);
      await expect(dialog.getByRole('heading').first().textContent()).resolves.toMatch(heading);
      await expect(dialog.getAttribute('aria-labelledby')).resolves.toBeTruthy();
      await page.keyboard.press('Escape');
      await cardClosed(page);
      await page.mouse.move(1, 1);
    }
    await page.close();
  });

  it('follows a related term inside the popover and comes back', async () => {
    const page = await open('/terms.html');
    const dialog = await hoverTerm(page, 'metformin');
    const first = await dialog.getByRole('heading').first().textContent();
    const chip = dialog.getByRole('list').getByRole('button').first();
    const relatedName = (await chip.textContent()) ?? '';
    await chip.click();
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe(relatedName);
    await dialog.getByRole('button', { name: /^Back to/ }).click();
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe(first);
    await dialog.getByRole('button', { name: 'Read more' }).click();
    await expect(
      dialog
        .getByRole('link', { name: /^Source:/ })
        .first()
        .getAttribute('target'),
    ).resolves.toBe('_blank');
    await page.screenshot({ path: `${SHOTS}/popover-expanded.png` });
    await page.close();
  });

  it('moves through every term by keyboard command, focusing the popover; Escape returns', async () => {
    const page = await open('/terms.html');
    const marked = await markedTexts(page);
    const seen: string[] = [];
    for (let i = 0; i < marked.length; i++) {
      await command(page, { type: 'navigate', direction: 1 });
      const dialog = await cardDialog(page);
      seen.push((await dialog.getByRole('heading').first().textContent()) ?? '');
      // Focus is inside the card, so Tab reaches its links and buttons.
      await expect
        .poll(async () =>
          (await cardFrame(page)).evaluate(() => document.hasFocus() && document.activeElement?.id === 'card'),
        )
        .toBe(true);
    }
    expect(seen).toHaveLength(marked.length);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await page.close();
  });

  it('flips the popover to stay inside the viewport at the bottom-right edge', async () => {
    const page = await open('/edge.html');
    const box = await (await hoverTerm(page, 'prediabetes')).boundingBox();
    const term = await pointOfTerm(page, 'prediabetes');
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(term.y); // flipped above the term
    await page.waitForTimeout(300); // let the fade-in finish so the screenshot shows what a reader sees
    await page.screenshot({ path: `${SHOTS}/popover-flipped.png` });
    await page.close();
  });

  it('follows a dark page: dark popover and a light underline', async () => {
    const page = await open('/dark.html');
    await hoverTerm(page, 'hypoglycemia');
    await expect((await cardFrame(page)).locator('#card').getAttribute('data-theme')).resolves.toBe('dark');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/popover-dark-page.png` });
    await page.close();
  });

  it('turns a site off and on live, from storage, without a reload', async () => {
    const page = await open('/terms.html');
    const count = (await markedTexts(page)).length;
    expect(count).toBeGreaterThan(0);
    await setStored({ disabledSites: ['127.0.0.1'] });
    await expect.poll(() => highlightSize(page)).toBeNull();
    await setStored({ disabledSites: [] });
    await expect.poll(() => highlightSize(page)).toBe(count);
    await page.close();
  });

  it('marks content added after load, drops stale marks, and rescans edited text', async () => {
    const page = await open('/dynamic.html');
    await page.waitForFunction(() => document.querySelector('#first'));
    await expect.poll(() => markedTexts(page)).toContain('insulin resistance');
    await page.evaluate(() => (window as unknown as { addMore: () => void }).addMore());
    await expect.poll(() => markedTexts(page)).toContain('continuous glucose monitor');
    await page.evaluate(() => (window as unknown as { editFirst: () => void }).editFirst());
    await expect.poll(() => markedTexts(page)).toContain('metformin');
    expect(await markedTexts(page)).not.toContain('insulin resistance');
    await page.close();
  });

  it('scans same-origin iframes and open shadow roots, and hover works inside a shadow root', async () => {
    const page = await open('/frames.html');
    const frame = page.frames().find((f) => f.url().endsWith('/frame-inner.html'))!;
    await waitForScan(frame);
    await expect.poll(() => markedTexts(frame)).toContain('prediabetes');
    await expect.poll(() => markedTexts(page)).toEqual(expect.arrayContaining(['metformin', 'hypoglycemia']));
    const dialog = await hoverTerm(page, 'hypoglycemia');
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toMatch(/hypoglycemia/i);
    await page.close();
  });

  it('paints its marks where the reader sees them: in the page and in an open shadow root', async () => {
    const page = await open('/frames.html');
    await expect.poll(() => markedTexts(page)).toEqual(expect.arrayContaining(['metformin', 'hypoglycemia']));
    expect(await markInk(page, 'metformin', LIGHT_TERM_LINE)).toBeGreaterThan(4);
    expect(await markInk(page, 'hypoglycemia', LIGHT_TERM_LINE)).toBeGreaterThan(4); // inside the web component
    await page.close();
  });

  it('explains selected text: exact, misspelled, and plainly says when nothing matches', async () => {
    const page = await open('/terms.html');
    const select = (id: string, text: string) =>
      page.evaluate(
        ([pid, wanted]) => {
          const node = document.getElementById(pid)!.firstChild as Text;
          const start = node.data.indexOf(wanted);
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + wanted.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
        },
        [id, text] as const,
      );
    for (const [id, text, heading] of [
      ['p2', 'metformin', /^Metformin$/],
      ['p4', 'insulin resistence', /^Insulin resistance$/],
      ['p4', 'the weather today', /No entry for “the weather today”/],
    ] as const) {
      await select(id, text);
      await command(page, { type: 'explain-selection' });
      const dialog = await cardDialog(page);
      await expect
        .poll(() =>
          dialog
            .getByRole('heading')
            .first()
            .textContent()
            .catch(() => ''),
        )
        .toMatch(heading);
      await page.keyboard.press('Escape');
      await cardClosed(page);
    }
    await page.close();
  });

  it('sent no request beyond 127.0.0.1', () => {
    const outside = suite.browser.requests.filter(
      (u) => !/^(http:\/\/127\.0\.0\.1:|chrome-extension:|data:|about:)/.test(u),
    );
    expect(outside).toEqual([]);
  });
});

describe('touch', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' }, hasTouch: true });

  it('a tap on a term opens it, a tap outside closes it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/terms.html'));
    await waitForScan(page);
    const { x, y } = await pointOfTerm(page, 'metformin');
    await page.touchscreen.tap(x, y);
    await cardDialog(page);
    await page.touchscreen.tap(5, 600);
    await cardClosed(page);
    await page.close();
  });
});
