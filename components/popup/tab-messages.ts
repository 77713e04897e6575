import { browser } from 'wxt/browser';
import type { ContentRequest, PageTerm, PageTermsReply } from '../../utils/messages';

/** Only the top frame answers for the page; frames would each claim their own site and terms. */
const TOP_FRAME = { frameId: 0 };

function isPageTerm(t: unknown): t is PageTerm {
  const term = t as Partial<PageTerm> | null;
  return typeof term === 'object' && term !== null && typeof term.id === 'string' && typeof term.term === 'string' && typeof term.count === 'number';
}

function isPageTermsReply(r: unknown): r is PageTermsReply {
  const reply = r as Partial<PageTermsReply> | null;
  return (
    typeof reply === 'object' &&
    reply !== null &&
    typeof reply.site === 'string' &&
    typeof reply.active === 'boolean' &&
    Array.isArray(reply.terms) &&
    reply.terms.every(isPageTerm)
  );
}

function send(tabId: number, message: ContentRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, TOP_FRAME);
}

/** The page's terms, or null when no TermLens content script answers (browser pages, the web store, PDFs). */
export async function askPageTerms(tabId: number): Promise<PageTermsReply | null> {
  try {
    const reply = await send(tabId, { type: 'page-terms' });
    return isPageTermsReply(reply) ? reply : null;
  } catch {
    return null;
  }
}

/** Asks the page to scroll to the term and explain it; false when the page could not. */
export async function showTermInTab(tabId: number, id: string): Promise<boolean> {
  try {
    return (await send(tabId, { type: 'show-term', id })) === true;
  } catch {
    return false;
  }
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
