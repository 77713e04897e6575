/**
 * The gate: may a page's text get any mark at all? Asked once of the whole text (the page's `textContent`, one
 * native call) before the page pays for being read block by block, so a page that names nothing we explain, or an
 * off-topic page whose only candidates are topic-only words, costs almost nothing (see entrypoints/gate.ts).
 *
 * The answer must never be "no" where a block-by-block reading (core/session) could mark something. It reads the
 * same matcher without the page's context, and every context rule (core/context) only takes marks away, except
 * two that need a mark of their own first: a topic-only wording is marked once the page is on topic, and the page
 * is on topic only through unambiguous terms of the evidence categories; a `withEntry` wording is marked once the
 * page names the entry unambiguously. So a text may be marked exactly when it has an unambiguous match outside the
 * topic-only categories, or a value of a measure (when values are explained).
 *
 * One limit: `textContent` runs adjacent text nodes together, so a term glued to its neighbour's letters by markup
 * alone (`<li>Insulin</li><li>Metformin</li>`) is not seen here. A page that is about such terms names them in
 * its prose too.
 */
import type { Lang } from './glossary/types';
import type { Matcher } from './matcher/types';
import { topicOnlyByEntry, type TopicFacts } from './context/topic';
import { findValues, mayHaveValues } from './values/find';

export interface GateDeps {
  matcher: Matcher;
  termOf(entryId: string): TopicFacts | undefined;
}

/** `lang`: the language `deps.matcher` reads, and the one values are looked for in ("7,2 %" is a value in Spanish). */
export function mayBeMarked(text: string, deps: GateDeps, values: boolean, lang: Lang = 'en'): boolean {
  for (const m of deps.matcher.findMatches(text)) {
    if (!m.topicOnly && !m.withEntry && !topicOnlyByEntry(deps.termOf(m.entryId))) return true;
  }
  return values && mayHaveValues(text, lang) && findValues(text, lang).length > 0;
}
