/**
 * Cards fit the screen: on a laptop screen (1366×682 of page) a card that fits neither above nor below its term,
 * the expanded term card and the value card all stay inside the viewport, with their title, chips, sources and
 * actions on screen, and no inner scrollbar while there is room. Only a screen too short for the card scrolls it.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { cardFrame, hoverTerm, openScanned } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';

const SHOTS = 'test-output';

describe('cards fit the screen', () => {
  const suite = useExtension({
    serve: { '/': 'tests/fixtures/pages' },
    screenshots: SHOTS,
    viewport: { width: 1366, height: 682 },
  });

  /**
   * The card's frame on the page, and whether the card scrolls inside it when it need not: only a card taller than
   * the whole screen (less its 8 px edges) may scroll.
   */
  async function frameState(
    page: Page,
  ): Promise<{ top: number; bottom: number; left: number; right: number; scrolls: boolean; frame: Frame }> {
    const frame = await cardFrame(page);
    const element = await frame.frameElement();
    const box = (await element.boundingBox())!;
    const screen = page.viewportSize()!.height - 16;
    // The card scrolls in its own box (#card), not the frame's root (entrypoints/card/index.html says why).
    const scrolls = await frame.evaluate((room) => {
      const box = document.getElementById('card')!;
      return box.scrollHeight > box.clientHeight + 1 && box.clientHeight < room - 1;
    }, screen);
    return { top: box.y, bottom: box.y + box.height, left: box.x, right: box.x + box.width, scrolls, frame };
  }

  /** On screen, once scrolled to inside the card if the card is taller than the screen. */
  async function expectOnScreen(page: Page, locator: Locator): Promise<void> {
    await locator.scrollIntoViewIfNeeded();
    const viewport = page.viewportSize()!;
    const box = (await locator.boundingBox())!;
    expect(box, (await locator.textContent()) ?? '').not.toBeNull();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  }

  it('keeps a card that fits neither above nor below its term inside the viewport, and expanded without a scrollbar', async () => {
    const page = await openScanned(suite.browser, suite.server.url('/terms.html'));
    const viewport = page.viewportSize()!;
    const dialog = await hoverTerm(page, 'GLP-1 receptor agonist');
    await dialog.getByRole('button', { name: 'Read more' }).click();
    await page.waitForTimeout(400);
    const state = await frameState(page);
    expect(state.top).toBeGreaterThanOrEqual(0);
    expect(state.bottom).toBeLessThanOrEqual(viewport.height);
    expect(state.right).toBeLessThanOrEqual(viewport.width);
    expect(state.scrolls).toBe(false);
    await expectOnScreen(page, dialog.getByRole('heading').first());
    await expectOnScreen(page, dialog.getByRole('link').last());
    await expectOnScreen(page, dialog.getByRole('button', { name: /Don’t highlight/ }));
    await page.screenshot({ path: `${SHOTS}/card-fit-expanded.png` });
    await page.close();
  });

  it('shows a value card whole, sources and all', async () => {
    const page = await openScanned(suite.browser, suite.server.url('/values.html'));
    const viewport = page.viewportSize()!;
    const dialog = await hoverTerm(page, '7%', 'value');
    await page.waitForTimeout(400);
    const state = await frameState(page);
    expect(state.top).toBeGreaterThanOrEqual(0);
    expect(state.bottom).toBeLessThanOrEqual(viewport.height);
    expect(state.scrolls).toBe(false);
    await expectOnScreen(page, dialog.getByRole('heading').first());
    await expectOnScreen(page, dialog.getByRole('link').last());
    await page.screenshot({ path: `${SHOTS}/card-fit-value.png` });
    await page.close();
  });

  it('scrolls inside the card only on a screen too short for it, with its title still on screen', async () => {
    const page = await openScanned(suite.browser, suite.server.url('/terms.html'));
    await page.setViewportSize({ width: 900, height: 260 });
    const dialog = await hoverTerm(page, 'metformin');
    await dialog.getByRole('button', { name: 'Read more' }).click();
    await page.waitForTimeout(400);
    const state = await frameState(page);
    expect(state.top).toBeGreaterThanOrEqual(0);
    expect(state.bottom).toBeLessThanOrEqual(260);
    expect(
      await state.frame.evaluate(
        () => document.getElementById('card')!.scrollHeight > document.getElementById('card')!.clientHeight,
      ),
    ).toBe(true);
    await expectOnScreen(page, dialog.getByRole('heading').first());
    await page.screenshot({ path: `${SHOTS}/card-fit-short-screen.png` });
    await page.close();
  });
});
