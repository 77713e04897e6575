import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { countInk, type Rgb } from './ink';
import { inspectPage, type PageInspector } from './inspect';
import type { IsolatedRecord, RecordedMeasure } from '../utils/isolated-record';
import type { PageNames } from '../utils/random-id';

/**
 * Terms are painted in one highlight (and terms in links in a second), values of known measures ("A1C 7.2%") in
 * another, misspellings of terms ("metforman") in a fourth; all names are random.
 */
export type MarkKind = 'term' | 'value' | 'guess';

const extensionIds = new WeakMap<BrowserContext, string>();
const inspectors = new WeakMap<Page, Promise<PageInspector>>();

/** Called once per browser launched with the extension: tests then reach TermLens's world in any of its pages. */
export function rememberExtension(context: BrowserContext, extensionId: string): void {
  extensionIds.set(context, extensionId);
}

/** One DevTools session per page, kept for its life. */
export function inspectorOf(page: Page): Promise<PageInspector> {
  let inspector = inspectors.get(page);
  if (!inspector) {
    const id = extensionIds.get(page.context());
    if (!id) throw new Error('This page is not in a browser launched with the extension (launchWithExtension)');
    inspector = inspectPage(page, id);
    inspectors.set(page, inspector);
  }
  return inspector;
}

/**
 * Runs `fn(record, arg)` in TermLens's isolated world of `target`, where `record` is what TermLens notes of its work
 * there (utils/isolated-record.ts; undefined before it ran). This is how tests see what TermLens did: nothing of it is
 * left where the page could read it. `fn` is sent as source, so it may use only its arguments and the world's globals.
 */
export async function inTermLens<R, A = undefined>(
  target: Page | Frame,
  fn: (record: IsolatedRecord | undefined, arg: A) => R,
  arg?: A,
): Promise<Awaited<R>> {
  const page = 'mainFrame' in target ? target : target.page();
  const frame = 'mainFrame' in target ? undefined : target;
  // `__name`: what esbuild wraps named inner functions in when it keeps names (tsx does).
  const expression = `(() => { const __name = (f) => f; return (${fn.toString()})(globalThis.termlens, ${JSON.stringify(arg ?? null)}); })()`;
  return (await inspectorOf(page)).evaluateInExtension<Awaited<R>>(expression, frame);
}

/** This page's random names for TermLens's highlights and elements, as its content script chose them. */
export async function pageNames(target: Page | Frame): Promise<PageNames> {
  const names = await inTermLens(target, (record) => record?.names ?? null);
  if (!names) throw new Error('The content script has not run in this frame');
  return names;
}

/** What TermLens recorded in `target` under `name` (its readings, cards shown). */
export function measuresOf(target: Page | Frame, name: RecordedMeasure['name']): Promise<RecordedMeasure[]> {
  return inTermLens(target, (record, n) => record?.measures.filter((m) => m.name === n) ?? [], name);
}

/**
 * The texts TermLens has marked in a document: terms in registry order, then terms inside links (a highlight of their
 * own), or values.
 */
export function markedTexts(target: Page | Frame, kind: MarkKind = 'term'): Promise<string[]> {
  return inTermLens(
    target,
    (record, k) => {
      const n = record?.names;
      const names = !n ? [] : k === 'term' ? [n.term, n.linked] : k === 'guess' ? [n.guess] : [n.value];
      return names
        .flatMap((name) => [...(CSS.highlights.get(name) ?? [])])
        .map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        });
    },
    kind,
  );
}

/** The value marks in document order (the Highlight's own order is the order they came near the viewport). */
export function valuesInOrder(target: Page | Frame): Promise<string[]> {
  return inTermLens(target, (record) => {
    const name = record?.names?.value;
    const ranges = [...((name && CSS.highlights.get(name)) || [])].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live;
    });
    return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  });
}

/** How many ranges TermLens's highlights of `kind` hold; null when they are not in the registry. */
export function highlightSize(target: Page | Frame, kind: MarkKind = 'term'): Promise<number | null> {
  return inTermLens(
    target,
    (record, k) => {
      const n = record?.names;
      const highlights = (!n ? [] : k === 'term' ? [n.term, n.linked] : k === 'guess' ? [n.guess] : [n.value]).map(
        (name) => CSS.highlights.get(name),
      );
      return highlights.length && highlights.every(Boolean) ? highlights.reduce((sum, h) => sum + h!.size, 0) : null;
    },
    kind,
  );
}

/** Waits until `count` readings of the page have been recorded (the gate's "nothing to read" counts as one). */
export async function waitForScan(target: Page | Frame, count = 1, timeoutMs = 30_000): Promise<void> {
  const page = 'mainFrame' in target ? target : target.page();
  for (let waited = 0; ; waited += 50) {
    const done = await inTermLens(
      target,
      (record) => record?.measures.filter((m) => m.name === 'scan' || m.name === 'gate').length ?? 0,
    ).catch(() => 0);
    if (done >= count) return;
    if (waited >= timeoutMs)
      throw new Error(`TermLens did not read the page ${count} time(s) within ${timeoutMs} ms (read ${done})`);
    await page.waitForTimeout(50);
  }
}

/**
 * Centre of the first marked range whose text equals `text`, in viewport coordinates. Terms are registered when they
 * near the viewport, which may come a frame after the scan's measure: wait for it.
 */
export async function pointOfTerm(
  page: Page,
  text: string,
  line = 0,
  kind: MarkKind = 'term',
): Promise<{ x: number; y: number }> {
  const box = await boxOfTerm(page, text, line, kind);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The box (viewport coordinates) of line `line` of the first marked range whose text equals `text`; waits for it. */
async function boxOfTerm(page: Page, text: string, line: number, kind: MarkKind): Promise<Box> {
  for (let waited = 0; ; waited += 50) {
    const box = await markedBox(page, text, line, kind);
    if (box) return box;
    if (waited >= 3000) throw new Error(`"${text}" is not marked on the page`);
    await page.waitForTimeout(50);
  }
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function markedBox(page: Page, text: string, line: number, kind: MarkKind): Promise<Box | null> {
  return inTermLens(
    page,
    (record, [wanted, lineIndex, k]) => {
      const n = record?.names;
      for (const r of (!n ? [] : k === 'term' ? [n.term, n.linked] : k === 'guess' ? [n.guess] : [n.value]).flatMap(
        (name) => [...(CSS.highlights.get(name) ?? [])],
      )) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() !== wanted) continue;
        const rect = live.getClientRects()[lineIndex];
        if (rect) return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
      }
      return null;
    },
    [text, line, kind] as [string, number, MarkKind],
  );
}

/**
 * How many pixels of `rgb` (within 40 per channel) a screenshot shows in the marked `text` and just below it, where
 * its underline is drawn: whether the reader sees the mark, not only whether it is registered.
 */
export async function markInk(page: Page, text: string, rgb: Rgb): Promise<number> {
  const box = await boxOfTerm(page, text, 0, 'term');
  const clip = {
    x: Math.floor(box.x),
    y: Math.floor(box.y),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height) + 6,
  };
  const png = (await page.screenshot({ clip })).toString('base64');
  const decoder = await page.context().newPage();
  try {
    return await decoder.evaluate(countInk, [png, rgb] as [string, Rgb]);
  } finally {
    await decoder.close();
  }
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
      ?.evaluate(() =>
        Boolean(document.getElementById('card')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim()),
      )
      .catch(() => false);
    if (frame && shown) return frame.getByRole('dialog');
    if (waited >= timeoutMs)
      throw new Error(frame ? 'The explanation card never showed' : 'No explanation card opened');
    await page.waitForTimeout(25);
  }
}

/**
 * Waits until no card is open: no card frame shows anything, and our element (a random custom tag under <html>, the
 * one element of ours a page can see while a card is open) is gone.
 */
export async function cardClosed(page: Page, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; ; waited += 25) {
    const showing = await Promise.all(
      page
        .frames()
        .filter((f) => f.url().includes('/card.html'))
        .map((f) =>
          f
            .evaluate(() => Boolean(document.getElementById('card')?.shadowRoot?.querySelector('[role="dialog"]')))
            .catch(() => false),
        ),
    );
    // Asked in TermLens's own world: a page that broke its own built-ins (tests/e2e/hostile-pages.ts) cannot spoil it.
    const ours = await inTermLens(page, (record) =>
      Boolean(record?.names && document.querySelector(record.names.card)),
    ).catch(() => false);
    if (!ours && !showing.includes(true)) return;
    if (waited >= timeoutMs)
      throw new Error(
        `The explanation card did not close (our element on the page: ${ours}, a card frame showing: ${showing.includes(true)})`,
      );
    await page.waitForTimeout(25);
  }
}

/** Hovers a marked term and waits for its explanation to open; returns the card's dialog. */
export async function hoverTerm(page: Page, text: string, kind: MarkKind = 'term'): Promise<Locator> {
  const { x, y } = await pointOfTerm(page, text, 0, kind);
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
 * The browser's id for the tab showing `page`. Without the "tabs" permission tabs cannot be found by URL, so the tab
 * is found by bringing it to the front.
 */
export async function frontTabId(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

/**
 * Sends `message` to the page's top frame the way the background does when a keyboard command fires (headless
 * Chromium cannot press extension shortcuts).
 */
export async function sendToPage(browser: ExtensionBrowser, page: Page, message: object): Promise<void> {
  const tabId = await frontTabId(browser, page);
  await browser.worker.evaluate(([id, msg]) => chrome.tabs.sendMessage(id, msg, { frameId: 0 }), [
    tabId,
    message,
  ] as const);
}

/** Writes settings straight into storage, as if another window had changed them. */
export async function storeSettings(browser: ExtensionBrowser, settings: object): Promise<void> {
  await browser.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}
