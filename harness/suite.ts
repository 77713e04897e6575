/**
 * The setup every end-to-end suite shares, for vitest only: the launcher and page helpers stay free of vitest so the
 * tools (demo, bench, eval) can use them outside a test run.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './browser';
import { serveFixtures, type FixtureServer, type Route } from './server';

export interface SuiteOptions extends LaunchOptions {
  /** Folders to serve under URL prefixes, as `serveFixtures` takes them. With neither this nor `routes`, no server. */
  serve?: Record<string, string>;
  /** Pages generated on the fly, as `serveFixtures` takes them. */
  routes?: Record<string, Route>;
  /** A folder the suite writes screenshots into; made before anything starts. */
  screenshots?: string;
}

export interface ExtensionSuite {
  /** Chromium with the built extension, started in `beforeAll`. */
  readonly browser: ExtensionBrowser;
  /** The suite's pages on 127.0.0.1, started in `beforeAll`. */
  readonly server: FixtureServer;
}

/**
 * Registers, in the calling `describe` block, a `beforeAll` that serves the suite's pages and launches Chromium with
 * the built extension, and an `afterAll` that closes both. A suite's own `beforeAll` registered after this call runs
 * after it (vitest runs before-hooks in order), so it can add to the browser (routes, listeners).
 *
 * Both are getters: they exist only once `beforeAll` has run, so read them in tests and hooks, not in the describe
 * body itself.
 */
export function useExtension(options: SuiteOptions = {}): ExtensionSuite {
  const { serve, routes, screenshots, ...launch } = options;
  let browser: ExtensionBrowser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    if (screenshots) mkdirSync(screenshots, { recursive: true });
    if (serve || routes) server = await serveFixtures(serve ?? {}, routes);
    browser = await launchWithExtension(launch);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser is not running: it starts in beforeAll (read it in a test or a hook)');
      return browser;
    },
    get server() {
      if (!server) {
        throw new Error(
          serve || routes
            ? 'The server is not running: it starts in beforeAll (read it in a test or a hook)'
            : 'This suite serves no pages: give useExtension `serve` or `routes`',
        );
      }
      return server;
    },
  };
}
