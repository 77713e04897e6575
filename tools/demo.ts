/**
 * Opens Chromium with the built extension on the bundled demo article.
 * With a display: a normal window you can use (close it to end the demo).
 * Without one (a server, CI): headless, and it writes screenshots of the highlighted page, an open popover and the
 * popup into demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../harness/browser';
import { serveFixtures } from '../harness/server';
import { frontTabId, hoverTerm, waitForScan } from '../harness/page-helpers';

const OUT = resolve('demo-output');

async function main(): Promise<void> {
  const headed = Boolean(process.env.DISPLAY) && process.env.CI !== 'true' && !process.argv.includes('--headless');
  const server = await serveFixtures({ '/': resolve('demo') });
  const browser = await launchWithExtension({ headless: !headed, viewport: { width: 1100, height: 820 } });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url('/article.html'));
  await waitForScan(page);

  if (headed) {
    console.log(
      `TermLens demo is open in Chromium on ${server.url('/article.html')}. Hover a dotted term; close the window to finish.`,
    );
    await new Promise<void>((done) => browser.context.on('close', () => done()));
    await server.close();
    return;
  }

  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: `${OUT}/1-highlighted-page.png` });

  // Hover a term the way a reader would, and wait for the explanation to finish fading in.
  await hoverTerm(page, 'insulin resistance');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/2-popover.png` });

  // The toolbar popup as a reader opens it over the article: the terms on this page and the site switch. (Opened as
  // a tab, it is told which tab it belongs to: headless Chromium cannot click the toolbar.)
  await page.keyboard.press('Escape');
  const tabId = await frontTabId(browser, page);
  const popup = await browser.openPopup(`?tab=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.getByText('On this page').first().waitFor();
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: `${OUT}/3-popup.png` });
  await popup.getByRole('searchbox').or(popup.getByRole('combobox')).first().fill('insulin resistence');
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: `${OUT}/4-popup-search.png` });

  const outside = browser.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:|chrome-extension:|data:|about:)/.test(u));
  console.log(
    `Demo screenshots written to ${OUT}/ (1-highlighted-page.png, 2-popover.png, 3-popup.png, 4-popup-search.png).`,
  );
  console.log(`Requests that left 127.0.0.1: ${outside.length}`);
  await browser.close();
  await server.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
