/**
 * `wxt/browser` for the scripts that run in the reader's page (the gate and the content script; wxt.config.ts
 * points that import here for them): the browser's own extension API, typed as webextension-polyfill's.
 *
 * Why not the polyfill there: it costs a page about 4 ms to set up, measured in a real Chromium (tools/bench.ts
 * and the README's Performance section), and every call these scripts make (runtime messaging, storage, getURL)
 * already returns a promise in both browsers. The one difference they must mind: Chrome's `onMessage` does not
 * take a returned promise as the answer, so their listeners answer with `sendResponse`. The extension's own pages
 * and the background keep the polyfill.
 */
import { nativeExtensionApi } from '../../utils/native-api';

// Injected by a live extension, so its API is there.
export const browser = nativeExtensionApi()!;
