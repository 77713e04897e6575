/**
 * Misspelt terms on a forum thread (tests/fixtures/pages/forum-misspellings.html, real posts): marked apart from
 * exact terms, explained by a card that says what the page wrote and what it probably means, and left alone on the
 * site after one click on "Not …". The trap post's real words near terms (insulating, insulation, pump, meter) get
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardClosed, cardFrame, hoverTerm, markedTexts, openScanned } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';

const SHOTS = 'test-output';
const GUESS = 'guess' as const;

async function guessesSettle(page: Page, wanted: (marked: string[]) => boolean): Promise<string[]> {
  for (let waited = 0; ; waited += 50) {
    const marked = await markedTexts(page, GUESS);
    if (wanted(marked) || waited > 10_000) return marked;
    await page.waitForTimeout(50);
  }
}

describe('misspelt terms', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' }, screenshots: SHOTS });

  it('marks the misspellings apart from the exact terms, and no real word near a term', async () => {
    const page = await openScanned(suite.browser, suite.server.url('/forum-misspellings.html'));
    const guesses = await guessesSettle(page, (m) => m.length >= 4);
    expect(guesses).toEqual(['Meformin', 'Choleterol', 'Keytones', 'Empaglifozin']);
    const terms = await markedTexts(page);
    expect(terms).toEqual(expect.arrayContaining(['metformin', 'type 2 diabetes']));
    expect([...terms, ...guesses].join(' | ')).not.toMatch(/insulat|\bpump\b|\bmeter\b/);
    await page.close();
  });

  it('finds a listed misspelling in the popup search, and never shows it among the names of its entry', async () => {
    const popup = await suite.browser.context.newPage();
    await popup.goto(suite.browser.extensionUrl('popup.html?entry=metformin'));
    await expect.poll(() => popup.locator('.aliases').innerText()).toContain('Also called');
    expect(await popup.locator('.aliases').innerText()).not.toMatch(/metforim|metphormin|metmorfin/i);
    await popup.goto(suite.browser.extensionUrl('popup.html?q=metmorfin'));
    await expect.poll(() => popup.getByRole('main').innerText()).toContain('Metformin');
    await popup.close();
  });

  it('opens a card that says what the page wrote, and "Not this" leaves the word alone on the site', async () => {
    const page = await openScanned(suite.browser, suite.server.url('/forum-misspellings.html'));
    await guessesSettle(page, (m) => m.includes('Meformin'));
    const dialog = await hoverTerm(page, 'Meformin', GUESS);
    await expect.poll(() => dialog.getAttribute('aria-labelledby')).toContain('-guess');
    const card = await cardFrame(page);
    const named = card.getByRole('dialog', { name: '“Meformin”: probably Metformin' });
    expect(await named.count()).toBe(1);
    expect(await card.locator('.card').innerText()).toContain('“Meformin”: probably');
    await page.waitForTimeout(300); // the fade-in, so the screenshot shows what a reader sees
    await page.screenshot({ path: `${SHOTS}/misspelling-card.png` });

    await card.getByRole('button', { name: /Not Metformin\?/ }).click();
    await cardClosed(page);
    const after = await guessesSettle(page, (m) => !m.includes('Meformin') && m.length === 3);
    expect(after).toEqual(['Choleterol', 'Keytones', 'Empaglifozin']);
    await page.close();

    const again = await openScanned(suite.browser, suite.server.url('/forum-misspellings.html'));
    expect(await guessesSettle(again, (m) => m.length >= 3)).toEqual(['Choleterol', 'Keytones', 'Empaglifozin']);

    // The options page lists the word; "Mark again" gives it back to the open page at once.
    const options = await suite.browser.context.newPage();
    await options.goto(suite.browser.extensionUrl('options.html'));
    const listed = options.getByRole('list', { name: 'Words left alone' });
    await expect.poll(() => listed.innerText()).toContain('“meformin” on 127.0.0.1');
    await listed.getByRole('button', { name: /Mark again/ }).click();
    expect(await guessesSettle(again, (m) => m.includes('Meformin'))).toEqual([
      'Meformin',
      'Choleterol',
      'Keytones',
      'Empaglifozin',
    ]);
    await options.close();
    await again.close();
  });
});
