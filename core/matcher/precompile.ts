/**
 * The matcher's data, prepared at build time and shipped in the background: the glossary's normalised keys, sorted,
 * with what each belongs to. The worker builds the trie from sorted keys in a few milliseconds (no sorting, no
 * normalising, no lookups), once per lifetime, and keeps it warm for every page.
 *
 * With it comes a light index of the entries (id, term, category): enough for the page sessions' context rules and
 * category filters.
 */
import type { Category, GlossaryEntry, Lang } from '../glossary/types';
import { collectPatterns, wordedIn, type Pattern } from './patterns';
import { assembleMatcher } from './index';
import { buildTrie } from './trie';
import type { Matcher } from './types';

/** What the matcher's sessions know of an entry: enough for the context rules and the category filters. */
export interface TermInfo {
  id: string;
  term: string;
  category: Category;
  /** Only when false: the entry's category rule is waived (core/context/topic.ts). */
  topicOnly?: false;
}

const FLAG_ANY_CASE = 1;
const FLAG_STOP = 2;
const FLAG_TOPIC_ONLY = 4;
const FLAG_WITH_ENTRY = 8;
const FLAG_PROPER = 16;

export interface PrecompiledMatcher {
  /** Every entry in glossary order; patterns refer to them by position. */
  terms: TermInfo[];
  /** Normalised keys in code-unit order, one per line (a key never contains a line break). */
  keys: string;
  /** Per key: the ordinal of its entry in `terms`. */
  entry: number[];
  /** Per key: FLAG_ANY_CASE, FLAG_STOP, FLAG_TOPIC_ONLY, FLAG_WITH_ENTRY and FLAG_PROPER bits. */
  flags: number[];
  /** Case-exact spellings, for the keys that have them: [key position, forms]. */
  cased: [number, string[]][];
}

export function precompileMatcher(allEntries: readonly GlossaryEntry[], lang: Lang = 'en'): PrecompiledMatcher {
  // The terms as the language writes them: the context rules compare a page's long forms with them.
  const entries = wordedIn(allEntries, lang);
  const patterns = collectPatterns(allEntries, lang).sort((a, b) => (a.key < b.key ? -1 : 1));
  const ordinals = new Map(entries.map((e, i) => [e.id, i]));
  return {
    terms: entries.map(({ id, term, category, topicOnly }) => ({
      id,
      term,
      category,
      ...(topicOnly === false ? { topicOnly } : {}),
    })),
    keys: patterns.map((p) => p.key).join('\n'),
    entry: patterns.map((p) => ordinals.get(p.entryId) ?? 0),
    flags: patterns.map(
      (p) =>
        (p.anyCase ? FLAG_ANY_CASE : 0) |
        (p.stop ? FLAG_STOP : 0) |
        (p.topicOnly ? FLAG_TOPIC_ONLY : 0) |
        (p.withEntry ? FLAG_WITH_ENTRY : 0) |
        (p.proper ? FLAG_PROPER : 0),
    ),
    cased: patterns.flatMap((p, i): [number, string[]][] => (p.casedForms.length ? [[i, p.casedForms]] : [])),
  };
}

/** Rebuilds the matcher from build-time data. */
export function loadPrecompiledMatcher(data: PrecompiledMatcher): Matcher {
  const keys = data.keys ? data.keys.split('\n') : [];
  const cased = new Map(data.cased);
  const patterns = keys.map((key, i): Pattern => {
    const flags = data.flags[i] ?? 0;
    const pattern: Pattern = {
      key,
      entryId: data.terms[data.entry[i] ?? 0]?.id ?? '',
      anyCase: (flags & FLAG_ANY_CASE) !== 0,
      casedForms: cased.get(i) ?? [],
    };
    if (flags & FLAG_STOP) pattern.stop = true;
    if (flags & FLAG_TOPIC_ONLY) pattern.topicOnly = true;
    if (flags & FLAG_WITH_ENTRY) pattern.withEntry = true;
    if (flags & FLAG_PROPER) pattern.proper = true;
    return pattern;
  });
  return assembleMatcher(
    data.terms.map((t) => t.id),
    patterns,
    buildTrie(keys),
  );
}

/** For tests and tools: the matcher as a page would get it. */
export function roundTripMatcher(entries: readonly GlossaryEntry[], lang: Lang = 'en'): Matcher {
  return loadPrecompiledMatcher(JSON.parse(JSON.stringify(precompileMatcher(entries, lang))) as PrecompiledMatcher);
}
