import type { Frame, Page } from 'playwright-core';

/** The texts TermLens has marked in a document, in registry order (read from the page's own CSS.highlights). */
export function markedTexts(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() =>
    [...((CSS.highlights.get('termlens') ?? []) as Iterable<AbstractRange>)].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    }),
  );
}

/** Waits until the first scan of the page has been recorded. */
export async function waitForScan(target: Page | Frame, count = 1): Promise<void> {
  await target.waitForFunction((n) => performance.getEntriesByName('termlens:scan').length >= n, count);
}

/** Centre of the first marked range whose text equals `text`, in viewport coordinates. */
export async function pointOfTerm(page: Page, text: string, line = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([wanted, lineIndex]) => {
      for (const r of (CSS.highlights.get('termlens') ?? []) as Iterable<AbstractRange>) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() !== wanted) continue;
        const rect = live.getClientRects()[lineIndex as number];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [text, line] as const,
  );
  if (!point) throw new Error(`"${text}" is not marked on the page`);
  return point;
}

/** Hovers a marked term and waits for its explanation to open. */
export async function hoverTerm(page: Page, text: string): Promise<void> {
  const { x, y } = await pointOfTerm(page, text);
  await page.mouse.move(x - 2, y);
  await page.mouse.move(x, y);
  await page.getByRole('dialog').waitFor({ state: 'visible' });
}

/** The page's serialised DOM: what must stay byte-identical while TermLens works. */
export function serialise(page: Page): Promise<string> {
  return page.evaluate(() => new XMLSerializer().serializeToString(document));
}
