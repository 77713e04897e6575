import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { serveFixtures, type FixtureServer } from './server';
import { waitForScan } from './page-helpers';

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await serveFixtures({ '/': 'tests/fixtures/pages' });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts its background service worker', () => {
    expect(browser.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  });

  it('runs the content script on a page served from 127.0.0.1', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/smoke.html'));
    await waitForScan(page);
    await page.close();
  });

  it('renders the popup page', async () => {
    const popup = await browser.openPopup();
    await expect(popup.getByRole('heading', { name: 'TermLens' }).isVisible()).resolves.toBe(true);
    await popup.close();
  });

  it('sends no request beyond 127.0.0.1 and the extension', () => {
    const outside = browser.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:|chrome-extension:|data:|about:)/.test(u));
    expect(outside).toEqual([]);
  });
});
