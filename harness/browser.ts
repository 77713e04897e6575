import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveFixtures } from './server';
import { rememberExtension, waitForScan } from './page-helpers';

export const CHROME_BUILD = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');
export const FIREFOX_BUILD = resolve(import.meta.dirname, '..', '.output', 'firefox-mv2');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with "sudo apt-get install -y chromium" or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every URL any page or the extension asked for, to prove nothing leaves 127.0.0.1. */
  requests: string[];
  /** Opens the popup page as a tab (the toolbar popup cannot be clicked headless). */
  openPopup(query?: string): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * The service worker can be up before Chromium has registered the content scripts; a page opened in that gap never
 * gets one. Load a tiny page until the content script answers, so every test starts with a ready extension.
 */
async function waitForContentScripts(context: BrowserContext, ready: (page: Page) => Promise<void>): Promise<void> {
  const server = await serveFixtures(
    {},
    { '/ready.html': () => '<!doctype html><html lang="en"><body><p>Ready for insulin.</p></body></html>' },
  );
  // Reuse the start page and leave it open: a persistent context whose last page closes shuts the browser down.
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.goto(server.url(`/ready.html?attempt=${attempt}`));
      const done = await ready(page).then(
        () => true,
        () => false,
      );
      if (done) return;
    }
    throw new Error('The TermLens content script never ran: is the build in .output/chrome-mv3 complete?');
  } finally {
    await page.goto('about:blank');
    await server.close();
  }
}

export interface LaunchOptions {
  /** The built extension to load: default this build's (.output/chrome-mv3); the bench passes an older release. */
  dist?: string;
  viewport?: { width: number; height: number };
  /** Default true; the demo shows a real window when there is a display. */
  headless?: boolean;
  /** Emulates a touch screen (for tap tests). */
  hasTouch?: boolean;
  /**
   * Resolves once TermLens has read `page`, rejects if not within 1.5 s; default `waitForScan` (the bench passes one
   * that knows older builds).
   */
  readPage?: (page: Page) => Promise<void>;
}

/** Starts Debian's Chromium, headless, with the built MV3 extension loaded. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? CHROME_BUILD;
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`No built extension at ${dist}: run "npm run build" first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'termlens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // '--headless=new' below: the old headless mode cannot load extensions
    viewport: options.viewport ?? { width: 1200, height: 800 },
    hasTouch: options.hasTouch ?? false,
    args: [
      ...(options.headless === false ? [] : ['--headless=new']),
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  rememberExtension(context, extensionId);
  await waitForContentScripts(context, options.readPage ?? ((page) => waitForScan(page, 1, 1500)));
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    worker,
    requests,
    extensionUrl,
    async openPopup(query = '') {
      const page = await context.newPage();
      await page.goto(extensionUrl(`popup.html${query}`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
