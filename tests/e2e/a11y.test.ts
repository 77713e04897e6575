/**
 * Accessibility beyond the popup and options axe runs (popup.test.ts, options.test.ts): axe-core on the open
 * popover in every state, on the options page's storage notice, and a keyboard walk proving every control of the
 * popover, the popup and the options page is reached by Tab and works from the keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { cardClosed, cardDialog, cardFrame, hoverTerm, openScanned, sendToPage } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';
import { axeViolations, serious } from './axe';

describe('accessibility', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' } });

  const open = (path: string) => openScanned(suite.browser, suite.server.url(path));

  const command = (page: Page, message: object) => sendToPage(suite.browser, page, message);

  /**
   * Presses Tab until focus has cycled, and returns the controls that were never reached: every visible, enabled,
   * focusable element (looking into open shadow roots under `scope`) that Tab did not land on. The list is kept in
   * the page's memory, so the DOM is not touched. `target` is the page or the frame holding `scope` (the card's).
   */
  async function unreachedByTab(
    page: Page,
    scope: string,
    maxPresses: number,
    target: Page | Frame = page,
  ): Promise<string[]> {
    const total = await target.evaluate((sel) => {
      const FOCUSABLE =
        'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
      const found: Element[] = [];
      const visit = (root: ParentNode) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.matches(FOCUSABLE) && el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'))
            found.push(el);
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      const root = document.querySelector(sel)!;
      if (root.matches(FOCUSABLE)) found.push(root);
      visit(root.shadowRoot ?? root);
      (window as unknown as { __controls: Element[]; __reached: Set<number> }).__controls = found;
      (window as unknown as { __reached: Set<number> }).__reached = new Set();
      return found.length;
    }, scope);
    expect(total).toBeGreaterThan(0);
    for (let i = 0; i < maxPresses; i++) {
      await page.keyboard.press('Tab');
      const done = await target.evaluate(() => {
        const w = window as unknown as { __controls: Element[]; __reached: Set<number> };
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const index = el ? w.__controls.indexOf(el) : -1;
        if (index >= 0) w.__reached.add(index);
        // Tab enters a radio group once, at its checked radio; arrow keys move inside it (checked separately).
        if (el instanceof HTMLInputElement && el.type === 'radio') {
          w.__controls.forEach((c, i) => {
            if (c instanceof HTMLInputElement && c.type === 'radio' && c.name === el.name && c.form === el.form)
              w.__reached.add(i);
          });
        }
        return w.__reached.size === w.__controls.length;
      });
      if (done) break;
    }
    return target.evaluate(() => {
      const w = window as unknown as { __controls: Element[]; __reached: Set<number> };
      return w.__controls
        .filter((_, i) => !w.__reached.has(i))
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    });
  }

  it('the open popover passes axe-core in every state, on light and dark pages', async () => {
    for (const [path, term] of [
      ['/terms.html', 'metformin'],
      ['/dark.html', 'hypoglycemia'],
    ] as const) {
      const page = await open(path);
      const dialog = await hoverTerm(page, term);
      const card = await cardFrame(page);
      await page.waitForTimeout(200); // the 120 ms fade-in: contrast is measured on the final colours
      expect(await axeViolations(card, '#card')).toEqual([]);
      await dialog.getByRole('button', { name: 'Read more' }).click();
      expect(await axeViolations(card, '#card')).toEqual([]);
      await dialog.getByRole('list').getByRole('button').first().click();
      await dialog.getByRole('button', { name: /^Back to/ }).waitFor();
      expect(await axeViolations(card, '#card')).toEqual([]);
      await page.close();
    }
  });

  it('the "no entry" card passes axe-core', async () => {
    const page = await open('/terms.html');
    await page.evaluate(() => {
      const node = document.getElementById('p4')!.firstChild as Text;
      const start = node.data.indexOf('the weather today');
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 'the weather today'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await command(page, { type: 'explain-selection' });
    await (await cardDialog(page)).getByRole('heading', { name: /No entry/ }).waitFor();
    await page.waitForTimeout(200);
    expect(await axeViolations(await cardFrame(page), '#card')).toEqual([]);
    await page.close();
  });

  it('the popover is usable by keyboard alone: every control reached by Tab, each works, Escape returns focus', async () => {
    const page = await open('/terms.html');
    await command(page, { type: 'navigate', direction: 1 });
    const dialog = await cardDialog(page);
    const title = await dialog.getByRole('heading').first().textContent();
    // Expanded, so Read more's content and its links are part of the walk.
    await dialog.getByRole('button', { name: 'Read more' }).focus();
    await page.keyboard.press('Enter');
    await dialog.locator('.more').waitFor();
    expect(await unreachedByTab(page, '#card', 40, await cardFrame(page))).toEqual([]);

    // A related term opens with Enter, Back with Enter, and Escape closes and hands focus back.
    await dialog.getByRole('list').getByRole('button').first().focus();
    const related = await dialog.getByRole('list').getByRole('button').first().textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe(related);
    await dialog.getByRole('button', { name: /^Back to/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe(title);
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('BODY');
    await page.close();
  });

  it('every control of the popup is reached by Tab', async () => {
    const popup = await suite.browser.openPopup();
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.getByRole('heading', { name: 'TermLens', level: 1 }).waitFor();
    expect(await unreachedByTab(popup, 'body', 800)).toEqual([]);
    await popup.close();
  });

  it('every control of the options page is reached by Tab, and the storage notice passes axe-core', async () => {
    await suite.browser.worker.evaluate(() =>
      chrome.storage.local.set({ settings: { style: 'neon', disabledSites: ['example.org'] } }),
    );
    const page = await suite.browser.context.newPage();
    await page.goto(suite.browser.extensionUrl('options.html'));
    await page.getByRole('table', { name: 'Keyboard shortcuts' }).waitFor();
    await expect.poll(() => page.locator('#storage-notice').textContent()).toContain('how terms are marked');
    expect(serious(await axeViolations(page))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await unreachedByTab(page, 'body', 120)).toEqual([]);
    // Inside a radio group the arrow keys choose, and the choice is saved.
    await page.getByRole('radio', { name: /Dotted underline/ }).focus();
    await page.keyboard.press('ArrowDown');
    const storedStyle = () =>
      suite.browser.worker.evaluate(
        async () => ((await chrome.storage.local.get('settings')).settings as { style?: string }).style,
      );
    await expect.poll(storedStyle).toBe('background');
    await page.close();
    await suite.browser.worker.evaluate(() => chrome.storage.local.clear());
  });
});
