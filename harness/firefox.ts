import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_BUILD } from './browser';
import { countInk, type Rgb } from './ink';

function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}. Install it with "sudo apt-get install -y firefox-esr" or set FIREFOX_PATH to a Firefox binary.`,
    );
  }
  return path;
}

/** A fixed internal UUID for the add-on, so its pages have a known address (moz-extension://<uuid>/popup.html). */
const UUID = '4b1c3a52-6f0e-4a47-9d3b-1e2f3a4b5c6d';

export interface FirefoxWithExtension {
  browser: Browser;
  newPage(): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core (24: version 25 needs Node 22), with
 * the built MV2 add-on installed as a temporary add-on. Firefox needs `--remote-allow-system-access` before BiDi
 * reaches extension frames and pages.
 */
export async function launchFirefox(): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run "npm run build" first.`);
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: UUID }),
      // Nothing of Firefox's own goes out either (no telemetry, no update checks, no remote settings).
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    async newPage() {
      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 800 });
      return page;
    },
    extensionUrl: (path) => `moz-extension://${UUID}/${path.replace(/^\//, '')}`,
    close: () => browser.close(),
  };
}

/** Every string marked on the page, in any of TermLens's highlights (read from the page's registry), sorted. */
function allMarkedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const [, highlight] of CSS.highlights) {
      for (const r of highlight) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        texts.push(live.toString());
      }
    }
    return texts.sort();
  });
}

/** Waits until the page's marks stop changing (the reading is done), and returns them. */
export async function settledMarks(page: Page, timeoutMs = 20_000): Promise<string[]> {
  let last = '';
  for (let waited = 0; waited < timeoutMs; waited += 500) {
    const now = await allMarkedTexts(page);
    if (now.length && JSON.stringify(now) === last) return now;
    last = JSON.stringify(now);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error('TermLens marked nothing on the page, or never stopped changing its marks');
}

/** The centre of the first marked range reading `text` that is on screen. */
export function pointOf(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    for (const [, highlight] of CSS.highlights) {
      for (const r of highlight) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const box = live.getClientRects()[0];
        if (live.toString() === wanted && box && box.top > 0 && box.bottom < innerHeight)
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  }, text);
}

/**
 * How many pixels of `rgb` a screenshot shows around the on-screen mark reading `text` (see harness/ink.ts): whether
 * Firefox paints the mark, not only registers it.
 */
export async function markInk(firefox: FirefoxWithExtension, page: Page, text: string, rgb: Rgb): Promise<number> {
  const mark = await pointOf(page, text);
  if (!mark) throw new Error(`"${text}" is not marked on screen`);
  const png = await page.screenshot({
    clip: { x: mark.x - 30, y: mark.y - 10, width: 60, height: 24 },
    encoding: 'base64',
  });
  const blank = await firefox.newPage();
  try {
    return await blank.evaluate(countInk, [png, rgb] as [string, Rgb]);
  } finally {
    await blank.close();
  }
}

/**
 * The text of the card on screen, read in its own frame (an extension page); '' while none shows. A card is rendered
 * out of sight while the pointer settles, and announces itself (its status line) only once the page shows it.
 */
export async function cardText(page: Page): Promise<string> {
  const texts = await Promise.all(
    page
      .frames()
      .filter((f: Frame) => f !== page.mainFrame())
      .map((f) =>
        f
          .evaluate(() => {
            const root = location.protocol === 'moz-extension:' ? document.getElementById('card')?.shadowRoot : null;
            return root?.querySelector('[role="status"]')?.textContent?.trim() ? (root.textContent ?? '') : '';
          })
          .catch(() => ''),
      ),
  );
  return texts.filter(Boolean).at(-1) ?? '';
}
