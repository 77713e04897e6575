import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  cardClosed,
  cardDialog,
  cardFrame,
  highlightSize,
  hoverTerm,
  markedTexts,
  pointOfTerm,
  serialise,
  waitForScan,
  openScanned,
  sendToPage,
  storeSettings,
  valuesInOrder,
} from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';
import { axeViolations } from './axe';

const SHOTS = 'test-output';
const VALUES = 'value' as const;

/** Every value on values.html, in document order; everything else there (dates, "type 2", doses...) is not one. */
const EXPECTED_VALUES = ['7%', '53 mmol/mol', '126 mg/dL', '32', '65%', '5.7–6.4%', '≥126 mg/dL'];

/** values.html on a dark background, to see the card and the marks as a reader of a dark site does. */
function darkValuesPage(): string {
  return readFileSync('tests/fixtures/pages/values.html', 'utf8').replace(
    '</style>',
    'body{background:#111418;color:#e6e6e6}td,th{border-color:#444}</style>',
  );
}

describe('numbers explained on the page', () => {
  const suite = useExtension({
    serve: { '/': 'tests/fixtures/pages' },
    routes: { '/values-dark.html': darkValuesPage },
    screenshots: SHOTS,
  });

  const open = (path: string) => openScanned(suite.browser, suite.server.url(path));

  const command = (page: Page, message: object) => sendToPage(suite.browser, page, message);

  const setStored = (settings: object) => storeSettings(suite.browser, settings);

  it('marks exactly the values, apart from terms, and never counts them as terms', async () => {
    const page = await open('/values.html');
    await expect.poll(() => valuesInOrder(page)).toEqual(EXPECTED_VALUES);
    const terms = await markedTexts(page);
    // Terms are still marked (A1C, BMI, type 2 diabetes...), and no value is painted as a term.
    expect(terms).toEqual(expect.arrayContaining(['A1C', 'HbA1c']));
    for (const v of EXPECTED_VALUES) expect(terms).not.toContain(v);
    // "On this page" (and the badge) list glossary terms only.
    await page.bringToFront();
    const reply = (await suite.browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'page-terms' }, { frameId: 0 });
    })) as { terms: { id: string; count: number }[] };
    expect(reply.terms.map((t) => t.id)).toEqual(expect.arrayContaining(['hba1c']));
    expect(reply.terms.every((t) => t.id !== '')).toBe(true);
    await page.close();
  });

  it('explains a value on hover: conversions, range, dialog name; Escape closes; the DOM stays byte-identical', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/values.html'), { waitUntil: 'domcontentloaded' });
    const before = await serialise(page);
    await waitForScan(page);
    await expect.poll(() => markedTexts(page, VALUES)).toContain('7%');

    await hoverTerm(page, '7%', VALUES);
    const card = await cardFrame(page);
    const dialog = card.getByRole('dialog', { name: 'A1C 7%' });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('53 mmol/mol');
    expect(text).toContain('154 mg/dL');
    expect(text).toMatch(/American Diabetes Association/);
    expect(text).not.toMatch(/\b(?:dose|take more|increase your)\b/i);
    // The hit band is told apart for screen readers too.
    await expect(dialog.locator('[aria-current="true"]').first().textContent()).resolves.toMatch(/^Diabetes/);
    await expect(
      dialog
        .getByRole('link', { name: /^Source:/ })
        .first()
        .getAttribute('target'),
    ).resolves.toBe('_blank');
    // The polite announcement names the card and its verdict.
    await expect(card.getByRole('status').textContent()).resolves.toMatch(/^Explanation opened: A1C 7%\. /);
    await page.waitForTimeout(300); // let the fade-in finish so the screenshot shows what a reader sees
    await page.screenshot({ path: `${SHOTS}/value-popover.png` });

    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(card, '#card')).toEqual([]);

    await page.keyboard.press('Escape');
    await cardClosed(page);
    await page.mouse.move(1, 1);

    await hoverTerm(page, '53 mmol/mol', VALUES);
    const second = (await cardFrame(page)).getByRole('dialog', { name: 'A1C 53 mmol/mol' });
    await expect(second.textContent()).resolves.toContain('7.0%');
    await second.getByRole('button', { name: 'Close explanation' }).click();
    await cardClosed(page);

    expect(await serialise(page)).toBe(before);
    await page.close();
  });

  it('keyboard next reaches values, focusing their card', async () => {
    const page = await open('/values.html');
    await expect.poll(() => valuesInOrder(page)).toEqual(EXPECTED_VALUES);
    const headings: string[] = [];
    for (let i = 0; i < 12 && !headings.some((h) => h === 'A1C 53 mmol/mol'); i++) {
      await command(page, { type: 'navigate', direction: 1 });
      const dialog = await cardDialog(page);
      await expect
        .poll(
          async () =>
            (await dialog
              .getByRole('heading')
              .first()
              .textContent()
              .catch(() => '')) ?? '',
        )
        .not.toBe(headings.at(-1) ?? '');
      headings.push((await dialog.getByRole('heading').first().textContent()) ?? '');
      await expect
        .poll(async () =>
          (await cardFrame(page)).evaluate(() => document.hasFocus() && document.activeElement?.id === 'card'),
        )
        .toBe(true);
    }
    // Terms and values come in document order: the A1C term, then its value.
    expect(headings).toContain('A1C 7%');
    expect(headings).toContain('A1C 53 mmol/mol');
    expect(headings.indexOf('A1C 7%')).toBeLessThan(headings.indexOf('A1C 53 mmol/mol'));
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await page.close();
  });

  it('follows a dark page', async () => {
    const page = await open('/values-dark.html');
    await expect.poll(() => markedTexts(page, VALUES)).toContain('126 mg/dL');
    const dialog = await hoverTerm(page, '126 mg/dL', VALUES);
    await expect((await cardFrame(page)).locator('#card').getAttribute('data-theme')).resolves.toBe('dark');
    await expect(dialog.textContent()).resolves.toContain('7.0 mmol/L');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/value-popover-dark.png` });
    await page.close();
  });

  it('drops a value whose text changes, and the setting turns values off and on live', async () => {
    const page = await open('/values.html');
    await expect.poll(() => valuesInOrder(page)).toEqual(EXPECTED_VALUES);
    await page.evaluate(() => {
      document.getElementById('v4')!.textContent = 'My Libre says time in range went up this week.';
    });
    await expect.poll(() => valuesInOrder(page)).toEqual(EXPECTED_VALUES.filter((v) => v !== '65%'));
    const terms = await markedTexts(page);
    await setStored({ explainValues: false });
    await expect.poll(async () => (await highlightSize(page, VALUES)) ?? 0).toBe(0);
    // Terms stay; "mg/dL", which gave way to the values holding it, is marked as a term again.
    await expect.poll(() => markedTexts(page)).toEqual(expect.arrayContaining([...terms, 'mg/dL']));
    await setStored({ explainValues: true });
    await expect.poll(() => valuesInOrder(page)).toEqual(EXPECTED_VALUES.filter((v) => v !== '65%'));
    await setStored({ disabledSites: ['127.0.0.1'] });
    await expect.poll(() => highlightSize(page, VALUES)).toBeNull();
    await setStored({});
    await page.close();
  });
});

describe('numbers explained by touch', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' }, hasTouch: true });

  it('a tap on a value opens its card, a tap outside closes it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/values.html'));
    await waitForScan(page);
    await expect.poll(() => markedTexts(page, VALUES)).toContain('32');
    const { x, y } = await pointOfTerm(page, '32', 0, VALUES);
    await page.touchscreen.tap(x, y);
    await (await cardFrame(page)).getByRole('dialog', { name: 'BMI 32' }).waitFor();
    await page.touchscreen.tap(5, 760);
    await cardClosed(page);
    await page.close();
  });
});
