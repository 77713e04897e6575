import { describe, expect, it } from 'vitest';
import { waitForScan } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';

describe('the built extension in Chromium', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' } });

  it('starts its background service worker', () => {
    expect(suite.browser.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  });

  it('runs the content script on a page served from 127.0.0.1', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/smoke.html'));
    await waitForScan(page);
    await page.close();
  });

  it('renders the popup page', async () => {
    const popup = await suite.browser.openPopup();
    await expect(popup.getByRole('heading', { name: 'TermLens' }).isVisible()).resolves.toBe(true);
    await popup.close();
  });

  it('sends no request beyond 127.0.0.1 and the extension', () => {
    const outside = suite.browser.requests.filter(
      (u) => !/^(http:\/\/127\.0\.0\.1:|chrome-extension:|data:|about:)/.test(u),
    );
    expect(outside).toEqual([]);
  });
});
