import { browser } from 'wxt/browser';
import { entryById } from '../../glossary';
import { askTab, type PageTerm, type PageTermCount, type PageTermsReply } from '../../utils/messages';

/** Only the top frame answers for the page; frames would each claim their own site and terms. */
const TOP_FRAME = 0;

/** The page's terms, or null when no TermLens content script answers (browser pages, the web store, PDFs). */
export async function askPageTerms(tabId: number): Promise<PageTermsReply | null> {
  const reply = await askTab(browser.tabs, { tabId, frameId: TOP_FRAME }, 'page-terms', {});
  return reply ? { ...reply, terms: namedTerms(reply.terms) } : null;
}

/** The page sends ids and counts; their names come from the popup's own glossary. Most frequent first. */
function namedTerms(counts: readonly PageTermCount[]): PageTerm[] {
  return counts
    .flatMap(({ id, count }): PageTerm[] => {
      const entry = entryById(id);
      return entry ? [{ id, term: entry.term, category: entry.category, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
}

/** Asks the page to scroll to the term and explain it; false when the page could not. */
export async function showTermInTab(tabId: number, id: string): Promise<boolean> {
  return (await askTab(browser.tabs, { tabId, frameId: TOP_FRAME }, 'show-term', { id })) === true;
}

/**
 * The tab whose page the popup talks about: the one named in the URL, else the active tab. Null when the glossary
 * was opened as a tab of its own (then it has no page to talk about, and the active tab is itself).
 */
export async function findTargetTab(requested: number | null): Promise<number | null> {
  if (requested !== null) return requested;
  if (await browser.tabs.getCurrent()) return null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
