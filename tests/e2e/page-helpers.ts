import type { Frame, Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** Terms are painted in `termlens`, values of known measures ("A1C 7.2%") in `termlens-value`. */
export type HighlightName = 'termlens' | 'termlens-value';

/** The texts TermLens has marked in a document, in registry order (read from the page's own CSS.highlights). */
export function markedTexts(target: Page | Frame, name: HighlightName = 'termlens'): Promise<string[]> {
  return target.evaluate((n) =>
    [...((CSS.highlights.get(n) ?? []) as Iterable<AbstractRange>)].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    }),
  name);
}

/** Waits until the first scan of the page has been recorded. */
export async function waitForScan(target: Page | Frame, count = 1): Promise<void> {
  await target.waitForFunction((n) => performance.getEntriesByName('termlens:scan').length >= n, count);
}

/**
 * Centre of the first marked range whose text equals `text`, in viewport coordinates. Terms are registered when they
 * near the viewport, in an IntersectionObserver callback that may come a frame after the scan's measure: wait for it.
 */
export async function pointOfTerm(page: Page, text: string, line = 0, name: HighlightName = 'termlens'): Promise<{ x: number; y: number }> {
  for (let waited = 0; ; waited += 50) {
    const point = await markedPoint(page, text, line, name);
    if (point) return point;
    if (waited >= 3000) throw new Error(`"${text}" is not marked on the page`);
    await page.waitForTimeout(50);
  }
}

function markedPoint(page: Page, text: string, line: number, name: HighlightName): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([wanted, lineIndex, highlight]) => {
      for (const r of (CSS.highlights.get(highlight) ?? []) as Iterable<AbstractRange>) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() !== wanted) continue;
        const rect = live.getClientRects()[lineIndex as number];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [text, line, name] as const,
  );
}

/**
 * The frame that draws the explanation card (an extension page; the page itself cannot reach it: it sits in a closed
 * shadow root). Tests reach it as the browser does, as a frame of the page.
 */
export async function cardFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  for (let waited = 0; ; waited += 25) {
    const frame = page.frames().find((f) => f.url().includes('/card.html'));
    if (frame) return frame;
    if (waited >= timeoutMs) throw new Error('No explanation card opened');
    await page.waitForTimeout(25);
  }
}

/**
 * The open card's dialog, once it is on screen: the card announces itself to screen readers (its status line) only
 * when the page shows it, not while it is being prepared out of sight.
 */
export async function cardDialog(page: Page, timeoutMs = 15_000): Promise<Locator> {
  for (let waited = 0; ; waited += 25) {
    // The newest: a card just closed lingers (hidden) for a moment.
    const frame = page.frames().findLast((f) => f.url().includes('/card.html'));
    const shown = await frame
      ?.evaluate(() => Boolean(document.getElementById('card')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim()))
      .catch(() => false);
    if (frame && shown) return frame.getByRole('dialog');
    if (waited >= timeoutMs) throw new Error(frame ? 'The explanation card never showed' : 'No explanation card opened');
    await page.waitForTimeout(25);
  }
}

/**
 * Waits until no card is open: no card frame shows anything, and our element (a random custom tag under <html>, the
 * one thing of ours a page can see while a card is open) is gone.
 */
export async function cardClosed(page: Page, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; ; waited += 25) {
    const showing = await Promise.all(
      page.frames().filter((f) => f.url().includes('/card.html')).map((f) =>
        f.evaluate(() => Boolean(document.getElementById('card')?.shadowRoot?.querySelector('[role="dialog"]'))).catch(() => false),
      ),
    );
    // A page that broke its own built-ins (tests/e2e/hostile-pages.ts) cannot be asked: then the frames say it.
    const ours = await page
      .evaluate(() => [...document.documentElement.children].some((el) => el.hasAttribute('popover') && /^[a-z]{4}-[a-z]{5}$/i.test(el.tagName)))
      .catch(() => false);
    if (!ours && !showing.includes(true)) return;
    if (waited >= timeoutMs) throw new Error(`The explanation card did not close (our element on the page: ${ours}, a card frame showing: ${showing.includes(true)})`);
    await page.waitForTimeout(25);
  }
}

/** Hovers a marked term and waits for its explanation to open; returns the card's dialog. */
export async function hoverTerm(page: Page, text: string, name: HighlightName = 'termlens'): Promise<Locator> {
  const { x, y } = await pointOfTerm(page, text, 0, name);
  await page.mouse.move(x - 2, y);
  await page.mouse.move(x, y);
  return cardDialog(page);
}

/** The page's serialised DOM: what must stay byte-identical while TermLens works. */
export function serialise(page: Page): Promise<string> {
  return page.evaluate(() => new XMLSerializer().serializeToString(document));
}

/** Opens `url` in the extension's browser and waits for TermLens's first scan of it. */
export async function openScanned(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForScan(page);
  return page;
}

/**
 * Sends `message` to the page's top frame the way the background does when a keyboard command fires (headless
 * Chromium cannot press extension shortcuts). Without the "tabs" permission URLs are hidden from queries, so the tab
 * is found by bringing it to the front.
 */
export async function sendToPage(browser: ExtensionBrowser, page: Page, message: object): Promise<void> {
  await page.bringToFront();
  await browser.worker.evaluate(async (msg) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, msg, { frameId: 0 });
  }, message);
}

/** Writes settings straight into storage, as if another window had changed them. */
export async function storeSettings(browser: ExtensionBrowser, settings: object): Promise<void> {
  await browser.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}
