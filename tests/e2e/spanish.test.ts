/**
 * Spanish pages in a real Chromium with the built extension: Spanish wordings are marked and everyday Spanish is not,
 * a term found in Spanish opens a Spanish card (axe clean, marked lang="es", one click to English), and an English
 * paragraph on the same page gets English.
 */
import { describe, expect, it } from 'vitest';
import { cardClosed, cardFrame, hoverTerm, markedTexts, openScanned, serialise } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';
import { axeViolations } from './axe';

const SHOTS = 'test-output';

describe('Spanish pages', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' }, screenshots: SHOTS });
  const open = (path: string) => openScanned(suite.browser, suite.server.url(path));

  it('marks the Spanish wordings a reader meets, and not the pen, the water pump, Ada or the association', async () => {
    const page = await open('/spanish.html');
    await expect
      .poll(async () => await markedTexts(page))
      .toEqual(
        expect.arrayContaining([
          'diabetes tipo 2',
          'resistencia a la insulina',
          'prueba de hemoglobina glicosilada',
          'glucemia',
          'páncreas',
          'HbA1c',
          'hipoglicemia',
          'monitor continuo de glucosa',
          'plumas de insulina',
          'bomba de insulina',
          'metformina',
          'Metformin',
          'type 2 diabetes',
          'low blood sugar',
        ]),
      );
    // The traps paragraph: a fountain pen, a water pump, a woman called Ada, and "Diabetes" in an association's name.
    const marked = await markedTexts(page);
    for (const text of ['pluma', 'bomba', 'Ada', 'Diabetes']) expect(marked).not.toContain(text);
    await page.close();
  });

  it('opens a Spanish card for a Spanish term, axe clean, and switches it to English in one click', async () => {
    const page = await open('/spanish.html');
    const dialog = await hoverTerm(page, 'metformina');
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('Metformina');
    await expect(dialog.getAttribute('lang')).resolves.toBe('es');
    await dialog.getByRole('button', { name: 'Leer más' }).click();
    await expect(
      dialog
        .getByRole('link', { name: /^Fuente:/ })
        .first()
        .getAttribute('href'),
    ).resolves.toMatch(/^https:\/\/medlineplus\.gov\/spanish\//);
    const card = await cardFrame(page);
    expect(await axeViolations(card, '#card')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/spanish-card.png` });
    await dialog.getByRole('button', { name: 'English' }).click();
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('Metformin');
    await expect(dialog.getAttribute('lang')).resolves.toBe('en');
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await page.close();
  });

  it('gives the English paragraph of a Spanish page an English card, and a short block marked lang="en" too', async () => {
    const page = await open('/spanish.html');
    for (const [text, heading] of [
      ['Metformin', 'Metformin'],
      ['Insulin pump', 'Insulin pump'],
    ] as const) {
      const dialog = await hoverTerm(page, text);
      await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe(heading);
      await expect(dialog.getAttribute('lang')).resolves.toBe('en');
      await page.keyboard.press('Escape');
      await cardClosed(page);
      await page.mouse.move(1, 1);
    }
    await page.close();
  });

  it('leaves a Spanish page’s DOM byte-identical', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/spanish.html'), { waitUntil: 'domcontentloaded' });
    const before = await serialise(page);
    await expect.poll(async () => (await markedTexts(page)).length).toBeGreaterThan(5);
    expect(await serialise(page)).toBe(before);
    await page.close();
  });
});
