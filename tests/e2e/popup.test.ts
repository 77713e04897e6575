import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForScan, storeSettings, cardDialog, frontTabId, highlightSize } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';
import { axeViolations } from './axe';

const SHOTS = 'test-output';
const POPUP_SIZE = { width: 380, height: 560 };

describe('the popup glossary', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' }, screenshots: SHOTS });

  /** Opens the popup page at the toolbar popup's size. */
  async function popup(query = ''): Promise<Page> {
    const page = await suite.browser.openPopup(query);
    await page.setViewportSize(POPUP_SIZE);
    await page.getByRole('heading', { name: 'TermLens', level: 1 }).waitFor();
    return page;
  }

  /** A fixture page in its own tab, scanned, with the tab id the popup needs to talk to it. */
  async function fixtureTab(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(path));
    await waitForScan(page);
    const tabId = await frontTabId(suite.browser, page);
    expect(tabId).toBeGreaterThanOrEqual(0);
    return { page, tabId };
  }

  const highlightCount = async (page: Page) => (await highlightSize(page)) ?? 0;
  const search = (page: Page) => page.getByRole('combobox', { name: 'Search the glossary' });
  const options = (page: Page) => page.getByRole('option');

  const setStored = (settings: object) => storeSettings(suite.browser, settings);

  it('focuses the search box on open and finds a misspelled term first', async () => {
    const page = await popup();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search');
    for (const [typed, first] of [
      ['insulin resistence', 'Insulin resistance'],
      ['ozempik', 'Semaglutide'],
      ['metformn', 'Metformin'],
      ['hypoglycaemia', 'Hypoglycemia'],
    ] as const) {
      await search(page).fill(typed);
      await expect(options(page).first().locator('.result-term').textContent()).resolves.toBe(first);
    }
    await page.close();
  });

  it('emphasises the matched part of each result', async () => {
    const page = await popup();
    await search(page).fill('semaglu');
    await expect(options(page).first().locator('mark').first().textContent()).resolves.toBe('Semaglu');
    await search(page).fill('ozempic');
    const first = options(page).first();
    await expect(first.locator('.result-term').textContent()).resolves.toBe('Semaglutide');
    await expect(first.locator('.result-alias mark').textContent()).resolves.toBe('Ozempic');
    await page.close();
  });

  it('moves through results with the arrow keys, opens one with Enter, and goes back', async () => {
    const page = await popup();
    await search(page).pressSequentially('insulin p');
    const count = await options(page).count();
    expect(count).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    const chosen = options(page).nth(1);
    await expect(chosen.getAttribute('aria-selected')).resolves.toBe('true');
    const chosenId = await chosen.getAttribute('id');
    await expect(search(page).getAttribute('aria-activedescendant')).resolves.toBe(chosenId);
    const term = await chosen.locator('.result-term').textContent();

    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: term ?? '' });
    await heading.waitFor();
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');
    await expect(options(page).first().isVisible()).resolves.toBe(false);

    // Back sits just before the focused heading.
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Back');
    await page.keyboard.press('Enter');
    await options(page).first().waitFor();
    await expect(search(page).inputValue()).resolves.toBe('insulin p');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search');
    await expect(chosen.getAttribute('aria-selected')).resolves.toBe('true');

    // Enter with nothing chosen opens the best match; Escape goes back.
    await search(page).fill('a1c');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'HbA1c' }).waitFor();
    await page.keyboard.press('Escape');
    await options(page).first().waitFor();
    await page.close();
  });

  it('opens an entry from a deep link, with related terms and sources in new tabs', async () => {
    const page = await popup('?entry=hba1c');
    const heading = page.getByRole('heading', { level: 2, name: 'HbA1c' });
    await heading.waitFor();
    await expect(page.getByText('Why it matters').isVisible()).resolves.toBe(true);
    const sources = page.locator('.sources a');
    expect(await sources.count()).toBeGreaterThan(0);
    for (const link of await sources.all()) {
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      await expect(link.getAttribute('href')).resolves.toMatch(/^https:\/\//);
    }
    // A related term opens in place, and Back returns to HbA1c.
    const related = page.locator('.related a').first();
    const relatedName = (await related.textContent()) ?? '';
    await related.click();
    await page.getByRole('heading', { level: 2, name: relatedName }).waitFor();
    await page.getByRole('button', { name: 'Back to HbA1c' }).click();
    await heading.waitFor();
    // Back from the deep-linked entry lands on the glossary's A to Z list.
    await page.getByRole('button', { name: /^Back to/ }).click();
    await page.getByRole('heading', { name: /^Browse \d+ terms$/ }).waitFor();
    await page.close();
  });

  it('pre-fills a search from ?q=', async () => {
    const page = await popup(`?q=${encodeURIComponent('glp1')}`);
    await expect(search(page).inputValue()).resolves.toBe('glp1');
    await expect(options(page).first().locator('.result-term').textContent()).resolves.toMatch(/^GLP-1/);
    await page.close();
  });

  it('browses A to Z and by category when the box is empty', async () => {
    const page = await popup();
    const letters = page.getByRole('navigation', { name: 'Jump to letter' }).getByRole('button');
    expect(await letters.count()).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Terms starting with M' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('letter-M');
    await page.getByRole('button', { name: 'Metformin', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Metformin' }).waitFor();
    await page.getByRole('button', { name: /^Back to/ }).click();
    // Focus returns to the entry it came from.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Metformin');

    await page.getByRole('button', { name: 'By category' }).click();
    await expect(page.getByRole('button', { name: 'By category' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const medicines = page.locator('details.category summary', { hasText: 'Medicines' });
    await medicines.click();
    await expect(
      page.locator('details.category[open]').getByRole('button', { name: 'Semaglutide', exact: true }).isVisible(),
    ).resolves.toBe(true);
    await page.close();
  });

  it('says plainly when TermLens does not run on the page', async () => {
    // The popup page itself is an extension page: no content script answers there.
    const self = await popup();
    const tabId = await suite.browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    const page = await popup(`?tab=${tabId}`);
    await page.getByText('TermLens does not run on this page.', { exact: false }).waitFor();
    await expect(page.getByRole('switch', { name: /^Highlight on/ }).count()).resolves.toBe(0);
    await page.close();
    await self.close();
  });

  it('lists the terms on the page and switches the site off and on, live', async () => {
    await setStored({ enabled: true, disabledSites: [] });
    const fixture = await fixtureTab('/popup-terms.html');
    expect(await highlightCount(fixture.page)).toBeGreaterThan(0);
    const page = await popup(`?tab=${fixture.tabId}`);

    const onPage = page.getByRole('region', { name: 'On this page' });
    const hba1c = onPage.getByRole('button', { name: /^HbA1c\W+2 times$/ });
    await hba1c.waitFor();

    const siteSwitch = page.getByRole('switch', { name: 'Highlight on 127.0.0.1' });
    await expect(siteSwitch.isChecked()).resolves.toBe(true);
    await siteSwitch.uncheck();
    await expect.poll(() => highlightCount(fixture.page)).toBe(0);
    const stored = suite.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    await expect(stored).resolves.toMatchObject({
      disabledSites: ['127.0.0.1'],
    });
    await onPage.getByText('Highlighting is off on 127.0.0.1.').waitFor();

    await siteSwitch.check();
    await expect.poll(() => highlightCount(fixture.page)).toBeGreaterThan(0);
    await hba1c.waitFor();

    // The global switch turns every site off; the site switch then cannot be used.
    const globalSwitch = page.getByRole('switch', { name: 'Highlight terms on web pages' });
    await globalSwitch.uncheck();
    await expect.poll(() => highlightCount(fixture.page)).toBe(0);
    await expect(siteSwitch.isDisabled()).resolves.toBe(true);
    await onPage.getByText('Highlighting is off everywhere.').waitFor();
    await globalSwitch.check();
    await expect.poll(() => highlightCount(fixture.page)).toBeGreaterThan(0);

    await page.close();
    await fixture.page.close();
  });

  it('shows a term from "On this page" in the page and closes', async () => {
    await setStored({ enabled: true, disabledSites: [] });
    const fixture = await fixtureTab('/popup-terms.html');
    const page = await popup(`?tab=${fixture.tabId}`);
    await Promise.all([page.waitForEvent('close'), page.getByRole('button', { name: /^Metformin\W+once$/ }).click()]);
    await (await cardDialog(fixture.page)).getByRole('heading', { name: 'Metformin' }).waitFor();
    await fixture.page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe-core in every view, ${scheme}`, async () => {
      await setStored({ enabled: true, disabledSites: [] });
      const fixture = await fixtureTab('/popup-terms.html');
      const page = await suite.browser.openPopup(`?tab=${fixture.tabId}`);
      await page.setViewportSize(POPUP_SIZE);
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('region', { name: 'On this page' }).getByRole('button').first().waitFor();

      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/popup-home-${scheme}.png` });

      await search(page).fill('insulin resistence');
      await page.keyboard.press('ArrowDown');
      await options(page).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/popup-results-${scheme}.png` });

      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Insulin resistance' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/popup-entry-${scheme}.png` });

      await search(page).fill('');
      await page.getByRole('button', { name: 'By category' }).click();
      await page.locator('details.category summary').first().click();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/popup-categories-${scheme}.png` });

      await page.close();
      await fixture.page.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`speaks Spanish when the Spanish interface is chosen, and passes axe-core in every view, ${scheme}`, async () => {
      await setStored({ enabled: true, disabledSites: [], interfaceLanguage: 'es' });
      try {
        const fixture = await fixtureTab('/popup-terms.html');
        const page = await suite.browser.openPopup(`?tab=${fixture.tabId}`);
        await page.setViewportSize(POPUP_SIZE);
        await page.emulateMedia({ colorScheme: scheme });
        const onPage = page.getByRole('region', { name: 'En esta página' });
        // The glossary speaks Spanish too: the page's terms by their Spanish names.
        await onPage.getByRole('button', { name: /^Hemoglobina glicosilada \(HbA1c\)\W+2 veces$/ }).waitFor();
        await expect(page.evaluate(() => [document.documentElement.lang, document.title])).resolves.toEqual([
          'es',
          'Glosario de TermLens',
        ]);
        const buscar = page.getByRole('combobox', { name: 'Buscar en el glosario' });
        await buscar.waitFor();
        await page.getByRole('button', { name: 'Opciones' }).waitFor();
        await page.getByRole('switch', { name: 'Resaltar en 127.0.0.1' }).waitFor();
        await page.getByRole('switch', { name: 'Resaltar términos en las páginas web' }).waitFor();
        await page.getByRole('heading', { name: /^Explorar \d+ términos$/ }).waitFor();
        await page.getByRole('button', { name: 'Términos que empiezan por M' }).waitFor();
        await expect(page.getByText('Con fines educativos, no es consejo médico.').isVisible()).resolves.toBe(true);
        // The longer Spanish labels still leave the lists their room, and the popup its one scrolling region.
        expect((await page.locator('footer.bottom').boundingBox())!.height).toBeLessThanOrEqual(64);
        await expect(page.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight)).resolves.toBe(
          false,
        );
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/popup-es-home-${scheme}.png` });

        await buscar.fill('insulin resistence');
        await page.keyboard.press('ArrowDown');
        await options(page).first().waitFor();
        await page.getByRole('listbox', { name: 'Entradas que coinciden con insulin resistence' }).waitFor();
        expect(await axeViolations(page)).toEqual([]);

        await page.keyboard.press('Enter');
        // An English query still finds its entry, shown in Spanish.
        await page.getByRole('heading', { level: 2, name: 'Resistencia a la insulina' }).waitFor();
        await page.getByRole('button', { name: 'Volver a los resultados de la búsqueda' }).waitFor();
        await page.getByRole('heading', { level: 3, name: 'Fuentes' }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/popup-es-entry-${scheme}.png` });

        await buscar.fill('');
        await page.getByRole('button', { name: 'Por categoría' }).click();
        await page.locator('details.category summary', { hasText: 'Medicamentos' }).click();
        expect(await axeViolations(page)).toEqual([]);

        await page.close();
        await fixture.page.close();
      } finally {
        // The tests after this one read the popup in English.
        await setStored({ enabled: true, disabledSites: [] });
      }
    });
  }

  it('fits the toolbar popup: 380px wide, at most 560px tall, one scrolling region', async () => {
    const page = await popup();
    const size = await page.evaluate(() => ({
      width: document.body.getBoundingClientRect().width,
      height: document.documentElement.scrollHeight,
      pageScrolls: document.scrollingElement!.scrollHeight > window.innerHeight,
      lang: document.documentElement.lang,
    }));
    expect(size).toEqual({ width: 380, height: 560, pageScrolls: false, lang: 'en' });
    await expect(page.getByText('For education, not medical advice.').isVisible()).resolves.toBe(true);
    // The switches and the disclaimer leave the lists their room: the footer was 92 px and left browsing 3 rows.
    const footer = await page.locator('footer.bottom').boundingBox();
    expect(footer!.height).toBeLessThanOrEqual(64);
    await page.close();
  });
});
