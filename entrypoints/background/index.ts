import { browser, type Browser } from 'wxt/browser';
import { isBackgroundRequest, type ContentRequest, type EntriesReply, type LookupReply, isReadRequest, type ReadReply, type ValueReply } from '../../utils/messages';
import { readPage, exactTerm } from './sessions';
import { isHighlightingOn, withSite } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';

const MENU_ID = 'termlens-explain';

/** The toolbar button's API: `action` in MV3 (Chrome), `browserAction` in the MV2 Firefox build. */
function toolbar(): typeof browser.action {
  return browser.action ?? browser.browserAction;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function sendToTab(tabId: number, message: ContentRequest, frameId?: number): Promise<unknown> {
  // A tab without our content script (browser pages, the web store) simply has nobody to answer.
  return browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }).catch(() => undefined);
}

/** The fuzzy search is loaded only when a selection needs it, so the worker starts light. */
let searchReady: Promise<(text: string) => string | null> | null = null;
/** The entry a selected text names: the term itself if the selection is one, else the fuzzy search's best guess. */
function lookup(text: string): Promise<string | null> {
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

/** A value's explanation (its texts, ranges and sources) is built here on demand, like an entry's text. */
function explainValue(match: unknown): Promise<ValueReply> {
  return import('../../core/values/remote').then(({ explainSent }) => ({ explanation: explainSent(match) }));
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Explain “%s” with TermLens', contexts: ['selection'] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void sendToTab(tab.id, { type: 'explain-selection' }, info.frameId);
  });

  browser.commands.onCommand.addListener(async (command) => {
    const tabId = await activeTabId();
    if (tabId === undefined) return;
    if (command === 'next-term') await sendToTab(tabId, { type: 'navigate', direction: 1 });
    else if (command === 'previous-term') await sendToTab(tabId, { type: 'navigate', direction: -1 });
    else if (command === 'toggle-site') {
      // The page names its site (the background cannot read tab URLs without the "tabs" permission).
      const site = await sendToTab(tabId, { type: 'site' }, 0);
      if (typeof site === 'string' && site) await updateSettings((s) => withSite(s, site, !isHighlightingOn(s, site)));
    }
    else if (command === 'explain-selection') await sendToTab(tabId, { type: 'explain-selection' });
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own content scripts and pages: never a web page or another extension.
    if (sender.id !== browser.runtime.id || !isBackgroundRequest(message)) return undefined;
    switch (message.type) {
      case 'status': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        // The badge says how many terms this page explains, or that TermLens is off here.
        void toolbar().setBadgeBackgroundColor({ tabId, color: message.active ? '#0f766e' : '#6b7280' });
        void toolbar().setBadgeText({ tabId, text: message.active ? (message.count ? String(message.count) : '') : 'off' });
        return undefined;
      }
      case 'open-glossary': {
        const params = new URLSearchParams();
        if (message.id) params.set('entry', message.id);
        if (message.query) params.set('q', message.query);
        void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${params}`) });
        return undefined;
      }
      case 'lookup':
        return lookup(message.text).then((id): LookupReply => ({ id }));
      case 'entries':
        return entriesFor(message.id);
      case 'explain-value':
        return explainValue(message.match);
      case 'read':
        return isReadRequest(message) ? Promise.resolve<ReadReply>(readPage(message)) : undefined;
    }
  });
});
