/**
 * The only script every page and frame runs (declared in wxt.config.ts; entry in ./index.ts). It looks at the page's text once, as one
 * native `textContent` read, and asks the background whether anything in it could be marked (core/gate.ts). Only
 * then does the background inject the content script (entrypoints/content/), which reads the page block by block.
 * A page with nothing to explain, a site the reader turned off, an ad frame: each pays for this file and one message.
 *
 * Why it is an unlisted script and not a WXT content script: WXT's content-script context (about 2 ms a frame,
 * measured) dispatches an event and posts a message to the page naming our extension id; and why it does without
 * webextension-polyfill (about 1.5 ms a frame): both browsers' own `runtime` and `storage` APIs return promises for
 * the three calls made here. The content script it hands over to does without both too (wxt.config.ts).
 */
import type { browser } from 'wxt/browser';
import { siteKey } from '../core/settings';
import { isRecord } from '../core/guards';
import { recordMeasure } from '../utils/isolated-record';
import { isGateReply, RETRY_MS, type BackgroundRequestOf, type ContentReply, type GateReply } from '../utils/messages';

/** The extension API this script uses: the browser's own (see above), typed as the polyfill's. */
export type GateApi = Pick<typeof browser, 'runtime' | 'storage'>;

/**
 * A frame narrower or shorter than this (in CSS pixels) is an ad or a widget: the standard ad sizes (300×250, 160×600,
 * 728×90, 320×50) all are, a frame holding an article a person reads is not. Its size is read first because it costs
 * nothing, while the first look at a frame's document costs about 0.7 ms (the DOM's bindings are built for this
 * script's world on first use).
 */
const MIN_FRAME_WIDTH = 320;
const MIN_FRAME_HEIGHT = 100;
/**
 * A frame with less text than this does nothing more (ad frames, widgets, trackers): about two sentences, fewer than
 * any paragraph that could hold a term worth explaining. The top frame always asks.
 */
const MIN_FRAME_TEXT = 200;
/** A frame its parent fills or sizes by script after load (about:blank frames written by the parent, embeds that grow) gets a second look this much later. */
const SECOND_LOOK_MS = 1000;
/** Text a changing page adds is gathered this long before it is asked about (a feed adds posts in bursts). */
export const FOLLOW_MS = 300;
/**
 * At most this much text per question (one send stays near a millisecond): a long page is asked about part by part,
 * and its first part nearly always decides. Parts overlap by more than the longest term, so none is cut in two.
 */
export const ASK_CHARS = 128 * 1024;
const ASK_OVERLAP = 200;

const bodyText = (): string => document.body?.textContent ?? '';
const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
/** True if `worth()` holds now or at the second look. */
const looksLike = async (worth: () => boolean): Promise<boolean> => worth() || (await wait(SECOND_LOOK_MS), worth());

/** Looks at the document once, asks, and then waits for what the answer asks it to watch. */
export async function openGate(getApi: () => GateApi | undefined): Promise<void> {
  const top = window === window.top;
  if (!top && !(await looksLike(() => innerWidth >= MIN_FRAME_WIDTH && innerHeight >= MIN_FRAME_HEIGHT))) return;
  if (!top && !(await looksLike(() => bodyText().length >= MIN_FRAME_TEXT))) return;
  const api = getApi();
  if (!api) return; // the extension was updated or removed since this page loaded
  const startedAt = performance.now();
  const site = siteKey(location.href);
  let verdict: GateReply['verdict'] | 'asking' = 'asking';
  let stopWatching = (): void => undefined;
  const handedOver = () => verdict === 'read';

  // The popup and the site switch ask the top frame about its page; once the content script runs, it answers.
  const onMessage = (message: unknown, _sender: unknown, respond: (reply: unknown) => void): undefined => {
    if (!isRecord(message)) return;
    if (message.type === 'site') respond(site satisfies ContentReply<'site'>);
    else if (message.type === 'page-terms') {
      respond({ site, active: verdict !== 'off', terms: [] } satisfies ContentReply<'page-terms'>);
    }
  };
  if (top) api.runtime.onMessage.addListener(onMessage);

  // Not askBackground (utils/messages.ts): its table of every reply's guard would ride in every frame.
  const question = async (text: string): Promise<GateReply['verdict']> => {
    for (let attempt = 0; ; attempt++) {
      const request: BackgroundRequestOf<'gate'> = { type: 'gate', text };
      const reply: unknown = await api.runtime.sendMessage(request).catch(() => undefined);
      if (isGateReply(reply)) return reply.verdict;
      if (attempt >= RETRY_MS.length) return 'quiet';
      await wait(RETRY_MS[attempt]!);
    }
  };
  const ask = async (text: string): Promise<void> => {
    let next: GateReply['verdict'];
    for (let at = 0; ; at += ASK_CHARS - ASK_OVERLAP) {
      if (handedOver()) return;
      next = await question(text.slice(at, at + ASK_CHARS));
      if (next !== 'quiet' || at + ASK_CHARS >= text.length) break;
    }
    // Questions can overlap (added text, shadow roots): once the page is handed over, later answers do not count.
    if (next === verdict || handedOver()) return;
    verdict = next;
    stopWatching();
    if (verdict === 'read') {
      api.runtime.onMessage.removeListener(onMessage);
    } else if (verdict === 'quiet') {
      // Tests and `npm run bench` wait for a page's first reading; this one found nothing to read.
      recordMeasure('gate', startedAt, { matches: 0, chars: text.length });
      stopWatching = followChanges(ask);
      const hidden = shadowText(document);
      if (hidden) void ask(hidden);
    } else {
      stopWatching = whenSettingsChange(api, () => void ask(bodyText()));
    }
  };
  await ask(bodyText());
}

/** `textContent` stops at shadow roots: the text of open ones (web components, embeds) is asked about on its own. */
function shadowText(root: Document | ShadowRoot): string {
  let text = '';
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) text += '\u0000' + el.shadowRoot.textContent + shadowText(el.shadowRoot);
  return text;
}

/** Asks again about the text a page adds (single-page apps, feeds, pages that fill in after load). */
function followChanges(ask: (text: string) => Promise<void>): () => void {
  let added: string[] = [];
  let chars = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        added.push((r.target as CharacterData).data);
        chars += (r.target as CharacterData).data.length;
      } else {
        for (const node of r.addedNodes) {
          const text = node.textContent ?? '';
          added.push(text);
          chars += text.length;
        }
      }
    }
    if (chars > 0 && timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        const text = added.join('\u0000');
        added = [];
        chars = 0;
        void ask(text);
      }, FOLLOW_MS);
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}

/** On a site the reader turned off, the switch turning it back on must take effect at once. */
function whenSettingsChange(api: GateApi, changed: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && 'settings' in changes) changed();
  };
  api.storage.onChanged.addListener(listener);
  return () => api.storage.onChanged.removeListener(listener);
}
