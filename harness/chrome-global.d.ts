// Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` is the extension API.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
