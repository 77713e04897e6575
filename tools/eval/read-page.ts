import type { Page } from 'playwright-core';
import type { Span } from './score';
import { pageNames } from '../../harness/page-helpers';

export interface PageReading {
  /** The page's visible text, one line per block, inline markup joined ("HbA" + "1c"). */
  text: string;
  /** Everything TermLens marked at any point while the page was scrolled top to bottom. */
  spans: Span[];
}

/**
 * Reads the page's text and TermLens's marks from the document's own `CSS.highlights` registry, under the random
 * names the content script chose for this page (asked in its isolated world). Terms are registered only near the
 * viewport on very long pages, so the page is scrolled top to bottom and the marks of every stop are kept.
 */
export async function readPage(page: Page): Promise<PageReading> {
  const spans = new Map<string, Span>();
  let text = '';
  const names = await pageNames(page).catch(() => null);
  const highlights = names
    ? ([
        [names.term, 'term'],
        [names.linked, 'term'],
        [names.value, 'value'],
      ] as [string, Span['kind']][])
    : [];
  const collect = async () => {
    const reading = await page.evaluate(collectMarks, highlights);
    text = reading.text;
    for (const s of reading.spans) spans.set(`${s.kind}:${s.start}:${s.end}`, s);
  };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = await page.evaluate(() => window.innerHeight);
  for (let y = 0; ; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await settle(page);
    await collect();
    if (y + step >= height) break;
  }
  return { text, spans: [...spans.values()].sort((a, b) => a.start - b.start) };
}

/** Two frames and the scan's idle work: long enough for the IntersectionObserver and any rescan to have run. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            'requestIdleCallback' in window
              ? requestIdleCallback(() => done(), { timeout: 500 })
              : setTimeout(done, 50),
          ),
        ),
      ),
  );
  await page.waitForTimeout(60);
}

/**
 * Runs inside the page: its flat visible text and every marked range as offsets into it. (No named inner functions:
 * the bundler would wrap them in a helper that does not exist in the page.)
 */
function collectMarks(highlights: [string, Span['kind']][]): PageReading {
  const offsets = new Map<Node, number>();
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  let text = '';
  let lastBlock: Element | null = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let n: Node | null = walker.nextNode();
  while (n) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (skip.has(el.tagName)) {
        // Step over the subtree: its text is not the page's prose.
        let next: Node | null = walker.nextSibling();
        while (!next && walker.parentNode()) next = walker.nextSibling();
        n = next;
        continue;
      }
      if (el.tagName === 'BR') text += '\n';
    } else if (n.nodeType === 3) {
      let block = n.parentElement;
      while (block && block !== document.body && getComputedStyle(block).display.startsWith('inline'))
        block = block.parentElement;
      if (block !== lastBlock && text.length && !text.endsWith('\n')) text += '\n';
      lastBlock = block;
      offsets.set(n, text.length);
      text += (n as Text).data;
    }
    n = walker.nextNode();
  }
  const spans: Span[] = [];
  for (const [name, kind] of highlights) {
    for (const r of (CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>) {
      const a = offsets.get(r.startContainer);
      const b = offsets.get(r.endContainer);
      if (a !== undefined && b !== undefined) spans.push({ start: a + r.startOffset, end: b + r.endOffset, kind });
    }
  }
  return { text, spans };
}
