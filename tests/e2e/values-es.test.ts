/**
 * Numbers written the Spanish way, on a Spanish page in a real Chromium with the built extension: the values are
 * marked ("7,2 %", "126 mg/dl", "31,2"), a thousand written "1.000" is not, a value opens a Spanish card (axe clean,
 * marked lang="es", Spanish labels and sources), and the English paragraph of the same page gets an English card.
 */
import { describe, expect, it } from 'vitest';
import {
  cardClosed,
  cardFrame,
  hoverTerm,
  markedTexts,
  openScanned,
  serialise,
  valuesInOrder,
  waitForScan,
} from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';
import { axeViolations } from './axe';

const SHOTS = 'test-output';
const VALUES = 'value' as const;

/** Every value on values-es.html, in document order; the study's "1.000 pacientes", "tipo 2" and "130/80" are not. */
const EXPECTED_VALUES = ['7,2 %', '126 mg/dl', '31,2', '5,7 al 6,4 %', '6.1%'];

describe('numbers explained on a Spanish page', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' }, screenshots: SHOTS });
  const open = (path: string) => openScanned(suite.browser, suite.server.url(path));

  it('marks exactly the values written the Spanish way, and not a thousand, a type or a blood pressure', async () => {
    const page = await open('/values-es.html');
    await expect.poll(() => valuesInOrder(page)).toEqual(EXPECTED_VALUES);
    const terms = await markedTexts(page);
    for (const v of EXPECTED_VALUES) expect(terms).not.toContain(v);
    await page.close();
  });

  it('explains a Spanish value in a Spanish card: conversions, range, sources; Escape closes', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/values-es.html'), { waitUntil: 'domcontentloaded' });
    const before = await serialise(page);
    await waitForScan(page);
    await expect.poll(() => markedTexts(page, VALUES)).toContain('7,2 %');

    await hoverTerm(page, '7,2 %', VALUES);
    const card = await cardFrame(page);
    const dialog = card.getByRole('dialog', { name: 'HbA1c 7,2 %' });
    await dialog.waitFor();
    await expect(dialog.getAttribute('lang')).resolves.toBe('es');
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('7,2 % está en el rango de diabetes.');
    expect(text).toContain('55 mmol/mol');
    expect(text).toContain('160 mg/dl (8,9 mmol/l)');
    expect(text).toContain('Rangos de la Asociación Americana de la Diabetes (ADA).');
    // "después de seis meses con el nuevo plan": a sentence about care gets the ADA's goal, in Spanish.
    expect(text).toContain('la ADA sugiere una meta de HbA1c por debajo del 7 % (53 mmol/mol)');
    expect(text).toContain('Con fines educativos, no es consejo médico.');
    expect(text).not.toMatch(/Read more|Ranges from|For education/);
    await expect(dialog.locator('[aria-current="true"]').first().textContent()).resolves.toMatch(/^Diabetes/);
    const sources = dialog.getByRole('link', { name: /^Fuente:/ });
    await expect(sources.first().getAttribute('href')).resolves.toMatch(
      /^https:\/\/www\.niddk\.nih\.gov\/health-information\/informacion-de-la-salud\//,
    );
    await expect(
      dialog
        .getByRole('link', { name: /American Diabetes Association\) \(en inglés\)$/ })
        .first()
        .getAttribute('hreflang'),
    ).resolves.toBe('en');
    await expect(card.getByRole('status').textContent()).resolves.toMatch(/^Explicación abierta: HbA1c 7,2 %\. /);
    await dialog.getByRole('button', { name: 'Leer más' }).click();
    await expect(dialog.textContent()).resolves.toContain('La HbA1c es un análisis de sangre');
    await page.waitForTimeout(300); // let the fade-in finish so the screenshot shows what a reader sees
    await page.screenshot({ path: `${SHOTS}/value-popover-es.png` });
    expect(await axeViolations(card, '#card')).toEqual([]);

    await page.keyboard.press('Escape');
    await cardClosed(page);
    await page.mouse.move(1, 1);

    await hoverTerm(page, '126 mg/dl', VALUES);
    const second = (await cardFrame(page)).getByRole('dialog', { name: 'Glucosa en ayunas 126 mg/dl' });
    await expect(second.textContent()).resolves.toContain('7,0 mmol/l');
    await second.getByRole('button', { name: 'Cerrar la explicación' }).click();
    await cardClosed(page);

    expect(await serialise(page)).toBe(before);
    await page.close();
  });

  it('gives the English paragraph of a Spanish page an English value card', async () => {
    const page = await open('/values-es.html');
    await expect.poll(() => markedTexts(page, VALUES)).toContain('6.1%');
    const dialog = await hoverTerm(page, '6.1%', VALUES);
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('A1C 6.1%');
    await expect(dialog.getAttribute('lang')).resolves.toBeNull();
    await expect(dialog.textContent()).resolves.toContain('Ranges from the American Diabetes Association.');
    await page.close();
  });
});
