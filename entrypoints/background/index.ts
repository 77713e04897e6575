import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import {
  askTab,
  isBackgroundRequest,
  type BackgroundReply,
  type BackgroundRequest,
  type ContentMessages,
  type ContentReply,
  type ContentType,
  type EntriesReply,
  type GateReply,
  type ValueReply,
} from '../../utils/messages';
import { readPage, exactTerm, mayNeedReading } from './sessions';
import { isHighlightingOn, siteKey, withSite, type Settings } from '../../core/settings';
import { loadSettings, updateSettings } from '../../utils/settings-store';

const MENU_ID = 'termlens-explain';

/** The toolbar button's API: `action` in MV3 (Chrome), `browserAction` in the MV2 Firefox build. */
function toolbar(): typeof browser.action {
  return browser.action ?? browser.browserAction;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

// A tab without our content script (browser pages, the web store) simply has nobody to answer: undefined.
function askPage<K extends ContentType>(
  tabId: number,
  type: K,
  body: ContentMessages[K]['body'],
  frameId?: number,
): Promise<ContentReply<K> | undefined> {
  return askTab(browser.tabs, { tabId, frameId }, type, body);
}

/** The content script (entrypoints/content/), injected into a frame only once the gate has seen text worth reading. */
const CONTENT_SCRIPT = '/content.js';

async function injectContentScript(tabId: number, frameId: number): Promise<boolean> {
  try {
    if (browser.scripting)
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CONTENT_SCRIPT] });
    else await browser.tabs.executeScript(tabId, { file: CONTENT_SCRIPT, frameId, matchAboutBlank: true });
    return true;
  } catch {
    // The frame went away, or it is one no extension may script (a browser page inside a frame).
    return false;
  }
}

function showStatus(tabId: number, count: number, active: boolean): void {
  // The badge says how many terms this page explains, or that TermLens is off here.
  void toolbar().setBadgeBackgroundColor({ tabId, color: active ? '#0f766e' : '#6b7280' });
  void toolbar().setBadgeText({ tabId, text: active ? (count ? String(count) : '') : 'off' });
}

/** Settings as every gate needs them, read from storage once per worker lifetime and again after each change. */
let settingsNow: Promise<Settings> | null = null;

/** A page's gate (entrypoints/gate/) asks whether its text needs reading; if so, the reader is injected first. */
async function openGate(text: string, sender: Browser.runtime.MessageSender): Promise<GateReply> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined) return { verdict: 'off' };
  // A failed read is not kept: the gate asks again, and so does the next page.
  const settings = await (settingsNow ??= loadSettings().catch((error: unknown) => {
    settingsNow = null;
    throw error;
  }));
  if (!isHighlightingOn(settings, siteKey(sender.url ?? ''))) {
    if (frameId === 0) showStatus(tabId, 0, false);
    return { verdict: 'off' };
  }
  if (!mayNeedReading(text, settings.explainValues)) {
    if (frameId === 0) showStatus(tabId, 0, true);
    return { verdict: 'quiet' };
  }
  return { verdict: (await injectContentScript(tabId, frameId)) ? 'read' : 'quiet' };
}

/** Explains the selection in a frame; where the gate found nothing to read there, its content script comes first. */
async function explainSelection(tabId: number, frameId?: number): Promise<void> {
  if ((await askPage(tabId, 'explain-selection', {}, frameId)) !== undefined) return;
  if (await injectContentScript(tabId, frameId ?? 0)) await askPage(tabId, 'explain-selection', {}, frameId ?? 0);
}

/** The fuzzy search is loaded only when a selection needs it, so the worker starts light. */
let searchReady: Promise<(text: string) => string | null> | null = null;
/** The entry a selected text names: the term itself if the selection is one, else the fuzzy search's best guess. */
function bestMatch(text: string): Promise<string | null> {
  const exact = exactTerm(text);
  if (exact) return Promise.resolve(exact);
  searchReady ??= Promise.all([import('../../core/search'), import('../../glossary')]).then(([search, glossary]) => {
    const engine = search.createSearch(glossary.GLOSSARY);
    return (t: string) => engine.bestMatch(t)?.id ?? null;
  });
  return searchReady.then((find) => find(text));
}

/** Popover text lives here, not in every frame's content script: a page asks for an entry when it is about to show it. */
function entriesFor(id: string): Promise<EntriesReply> {
  return import('../../glossary').then(({ entryById }) => {
    const entry = entryById(id);
    if (!entry) return { entries: [] };
    const related = entry.related.map(entryById).filter((e) => e !== undefined);
    return { entries: [entry, ...related] };
  });
}

/**
 * A value's explanation (its texts, ranges and sources) is built here on demand, like an entry's text, in the language
 * of the text the value was found in.
 */
function explainValue(match: unknown, lang: 'es' | undefined): Promise<ValueReply> {
  return import('../../core/values/remote').then(({ explainSent }) => ({ explanation: explainSent(match, lang) }));
}

export default defineBackground(() => {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) settingsNow = null;
  });

  browser.runtime.onInstalled.addListener(() => {
    // The browser's language, like the manifest's strings: a menu item is made once, and cannot follow the setting.
    const title = browser.i18n.getMessage('contextMenuExplain');
    browser.contextMenus.create({ id: MENU_ID, title, contexts: ['selection'] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void explainSelection(tab.id, info.frameId);
  });

  browser.commands.onCommand.addListener(async (command) => {
    const tabId = await activeTabId();
    if (tabId === undefined) return;
    if (command === 'next-term') await askPage(tabId, 'navigate', { direction: 1 });
    else if (command === 'previous-term') await askPage(tabId, 'navigate', { direction: -1 });
    else if (command === 'toggle-site') {
      // The page names its site (the background cannot read tab URLs without the "tabs" permission).
      const site = await askPage(tabId, 'site', {}, 0);
      if (site) await updateSettings((s) => withSite(s, site, !isHighlightingOn(s, site)));
    } else if (command === 'explain-selection') await explainSelection(tabId);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own content scripts and pages: never a web page or another extension.
    if (sender.id !== browser.runtime.id || !isBackgroundRequest(message)) return undefined;
    return answer(message, sender);
  });
});

/** The background's answer to each request; a promise where it has to load or wait for something first. */
function answer(
  message: BackgroundRequest,
  sender: Browser.runtime.MessageSender,
): Promise<BackgroundReply<BackgroundRequest['type']>> | undefined {
  switch (message.type) {
    case 'status': {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) showStatus(tabId, message.count, message.active);
      return undefined;
    }
    case 'open-glossary': {
      const params = new URLSearchParams();
      if (message.id) params.set('entry', message.id);
      if (message.query) params.set('q', message.query);
      void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${params}`) });
      return undefined;
    }
    case 'best-match':
      return bestMatch(message.text).then((id) => ({ id }));
    case 'entries':
      return entriesFor(message.id);
    case 'explain-value':
      return explainValue(message.match, message.lang);
    case 'gate':
      return openGate(message.text, sender);
    case 'read':
      return Promise.resolve(readPage(message));
  }
}
