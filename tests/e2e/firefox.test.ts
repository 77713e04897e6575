/**
 * Firefox ESR, for real: the built MV2 add-on in Debian's Firefox, driven over WebDriver BiDi (harness/firefox.ts).
 * The demo article gets the same marks as in Chromium; hovering opens a term's card and a value's card; a Spanish
 * page gets Spanish marks and a Spanish card; the popup page searches the glossary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../../harness/browser';
import { serveFixtures, type FixtureServer } from '../../harness/server';
import { markedTexts, openScanned } from '../../harness/page-helpers';
import { LIGHT_TERM_LINE } from '../../harness/ink';
import {
  cardText,
  launchFirefox,
  markInk,
  pointOf,
  settledMarks,
  type FirefoxWithExtension,
} from '../../harness/firefox';

const SHOTS = 'test-output';
const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('Firefox ESR', () => {
  let firefox: FirefoxWithExtension;
  let server: FixtureServer;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveFixtures({ '/': resolve('demo'), '/pages/': resolve('tests/fixtures/pages') });
    firefox = await launchFirefox();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  async function hover(page: Page, text: string): Promise<string> {
    const point = await pointOf(page, text);
    if (!point) throw new Error(`"${text}" is not marked on screen`);
    await page.mouse.move(point.x - 3, point.y);
    await page.mouse.move(point.x, point.y);
    for (let waited = 0; waited < 10_000; waited += 100) {
      const shown = await cardText(page);
      if (shown) return shown;
      await wait(100);
    }
    throw new Error(`No card opened on "${text}"`);
  }

  it('marks the demo article exactly as Chromium does', async () => {
    const page = await firefox.newPage();
    await page.goto(server.url('/article.html'));
    const inFirefox = await settledMarks(page);
    await page.close();

    const chromium = await launchWithExtension();
    try {
      const chromePage = await openScanned(chromium, server.url('/article.html'));
      await expect.poll(async () => (await markedTexts(chromePage)).length).toBeGreaterThan(0);
      const inChromium = [
        ...(await markedTexts(chromePage, 'term')),
        ...(await markedTexts(chromePage, 'value')),
      ].sort();
      expect(inFirefox.length).toBeGreaterThan(50);
      expect(inFirefox).toEqual(inChromium);
    } finally {
      await chromium.close();
    }
  });

  it('opens a term’s card and a value’s card by hovering, and Escape closes them', async () => {
    const page = await firefox.newPage();
    await page.goto(server.url('/article.html'));
    await settledMarks(page);
    // The marks are painted, not only registered: Firefox does not pass highlight styles down the tree as Chromium
    // does, so its rules must match every element (components/page-marks-css.ts).
    expect(await markInk(firefox, page, 'insulin resistance', LIGHT_TERM_LINE)).toBeGreaterThan(4);
    const term = await hover(page, 'insulin resistance');
    expect(term).toContain('Insulin resistance');
    expect(term).toMatch(/Source: .*\(NIDDK\)/);
    await page.screenshot({ path: `${SHOTS}/firefox-term-card.png` });
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await expect.poll(() => cardText(page), { timeout: 5000 }).toBe('');

    const value = await hover(page, '7.9%');
    expect(value).toContain('7.9%');
    expect(value).toMatch(/diabetes range/i);
    await page.screenshot({ path: `${SHOTS}/firefox-value-card.png` });
    await page.close();
  });

  it('reads a Spanish page in Spanish: Spanish wordings marked, the water pump not, and a Spanish card', async () => {
    const page = await firefox.newPage();
    await page.goto(server.url('/pages/spanish.html'));
    const marked = await settledMarks(page);
    expect(marked).toEqual(expect.arrayContaining(['diabetes tipo 2', 'bomba de insulina', 'metformina', 'Metformin']));
    expect(marked).not.toContain('bomba');
    const card = await hover(page, 'metformina');
    expect(card).toContain('Metformina');
    expect(card).toContain('Medicamentos');
    expect(card).toMatch(/Fuente: .*\(MedlinePlus\)/);
    await page.screenshot({ path: `${SHOTS}/firefox-spanish-card.png` });
    await page.close();
  });

  it('opens the popup page, and its search forgives a typo', async () => {
    const page = await firefox.newPage();
    // BiDi never reports the load event of extension pages: go, then ask the page itself.
    void page.goto(firefox.extensionUrl('popup.html?q=insulin%20resistence')).catch(() => undefined);
    await expect
      .poll(() => page.evaluate(() => document.body?.innerText ?? '').catch(() => ''), { timeout: 15_000 })
      .toContain('Insulin resistance');
    await page.screenshot({ path: `${SHOTS}/firefox-popup.png` });
    await page.close();
  });
});
