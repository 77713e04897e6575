import type Browser from 'webextension-polyfill';

type Native = { runtime?: { id?: string } };

/**
 * The browser's own extension API, typed as webextension-polyfill's, for the scripts that run in the reader's page
 * (entrypoints/content/page-browser.ts says why they do without the polyfill). Firefox names it `browser`, Chrome
 * `chrome`. Undefined once the extension was updated or removed since the page loaded (its runtime has no id).
 */
export function nativeExtensionApi(): typeof Browser | undefined {
  const scope = globalThis as unknown as { browser?: Native; chrome?: Native };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  return api?.runtime?.id ? (api as unknown as typeof Browser) : undefined;
}
