/**
 * Glossary search for the popup and for "explain selection". Pure: no browser APIs, so it runs the same in the
 * popup, the background and the unit tests.
 *
 * Ranking, best first (each tier only holds entries not already found by an earlier one):
 * 1. exact   the query is a term or alias, blind to case, spaces, hyphens, punctuation and accents ("glp1" = GLP-1),
 *            also after dropping a plural "s"/"es" ("sulfonylureas");
 * 2. prefix  a term or alias starts with the query, shorter names first ("sglt" → SGLT2 inhibitors);
 * 3. words   every query word starts some word of a name, in any order ("diabetes type 2", "resistance");
 * 4. fuzzy   fuse.js typo-tolerant match over terms and aliases (search-only aliases included); a term outranks
 *            an alias at the same distance, and the allowed distance grows with the query's length;
 * 5. summary fuse.js over the one-line summaries, so "kidneys" also finds entries that talk about kidneys.
 *
 * This file ranks; the keys it compares (`search/keys.ts`) and the emphasis it shows (`search/emphasis.ts`) are next to
 * it, and the typo count (`text/edit-distance.ts`) is the one the page-side finder of misspelt terms uses.
 */
import Fuse from 'fuse.js';
import { singularCandidates } from './text/plurals';
import type { GlossaryEntry } from './glossary/types';
import { osaDistance } from './text/edit-distance';
import { fuzzySpans, readableSpans } from './search/emphasis';
import { fold, namesOf, wordsOf, type Name, type Span } from './search/keys';

export type { Span } from './search/keys';

export type MatchKind = 'exact' | 'prefix' | 'words' | 'fuzzy' | 'summary';

export interface SearchResult {
  entry: GlossaryEntry;
  /** The term or alias that matched best (the term itself for summary hits). */
  matched: string;
  /** Spans of `matched` to emphasise; empty when the match was in the summary. */
  indices: Span[];
  kind: MatchKind;
}

export interface GlossarySearch {
  search(query: string, limit?: number): SearchResult[];
  /** The entry that selected text names, or null unless TermLens is confident (exact name or a tiny typo). */
  bestMatch(text: string): GlossaryEntry | null;
}

export const DEFAULT_LIMIT = 20;

const KIND_ORDER: Record<MatchKind, number> = { exact: 0, prefix: 1, words: 2, fuzzy: 3, summary: 4 };

/** Fuzzy scores are fuse.js scores (0 perfect, 1 hopeless); an alias pays this much over the term itself. */
const ALIAS_PENALTY = 0.03;
/**
 * fuse.js finds the query inside a name and does not mind what follows, so "diabetis" would tie "Diabetes" with
 * "Diabetes distress"; each character the name has beyond the query costs this much, up to a cap.
 */
const EXTRA_LENGTH_PENALTY = 0.01;
const EXTRA_LENGTH_CAP = 0.1;

/**
 * The worst fuse.js score accepted for a query of this many folded characters. Short queries get no typo
 * tolerance at all: one wrong letter in "cgm" is a different word, not a typo.
 */
function fuzzyLimit(length: number): number {
  if (length < 4) return -1;
  if (length < 6) return 0.26;
  return 0.36;
}

const SUMMARY_LIMIT = 0.2;
const SUMMARY_MIN_LENGTH = 4;

// ---- candidates ---------------------------------------------------------------------------------------------------

interface Candidate {
  name: Name;
  kind: MatchKind;
  /** Lower is better, compared only within one kind. */
  score: number;
  indices: Span[];
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    // Within a tier an English name goes first, the popup's own language; a Spanish query matches no English one.
    Number(a.name.spanish) - Number(b.name.spanish) ||
    a.score - b.score ||
    Number(b.name.isTerm) - Number(a.name.isTerm) ||
    a.name.entry.term.localeCompare(b.name.entry.term)
  );
}

/** Matches each query word to a different word of the name that starts with it; null unless all find one. */
function matchWords(queryWords: string[], name: Name): Span[] | null {
  const nameWords = name.words;
  const used = new Set<number>();
  const ranges: [number, number][] = [];
  // Longest query words first, so "type 2 diabetes" does not spend the name's "2" on a shorter word.
  for (const word of [...queryWords].sort((a, b) => b.length - a.length)) {
    const index = nameWords.findIndex((w, i) => !used.has(i) && w.startsWith(word));
    if (index < 0) return null;
    used.add(index);
    const start = name.folded.wordStarts[index] ?? 0;
    ranges.push([start, start + word.length]);
  }
  return readableSpans(
    name.folded,
    ranges.sort((a, b) => a[0] - b[0]),
  );
}

const LEADING_FILLER = /^(?:the|a|an|my|your|our|their|his|her|its|this|that|these|those)\s+/i;
const MAX_SELECTION_WORDS = 6;

/** Selected text as the name it probably is: trimmed of quotes, punctuation and a leading "the"/"my". */
function cleanSelection(text: string): string {
  const collapsed = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\s]+$/gu, '');
  return collapsed.replace(LEADING_FILLER, '');
}

// ---- the search ---------------------------------------------------------------------------------------------------

export function createSearch(entries: readonly GlossaryEntry[]): GlossarySearch {
  const names = entries.flatMap(namesOf);
  const byKey = new Map<string, Name[]>();
  for (const n of names) byKey.set(n.folded.key, [...(byKey.get(n.folded.key) ?? []), n]);

  // Names are searched by folded key, so "insulin-resistence" and "insulin resistence" score alike.
  const nameFuse = new Fuse(names, {
    keys: [{ name: 'key', getFn: (n: Name) => n.folded.key }],
    includeScore: true,
    ignoreFieldNorm: true,
    threshold: fuzzyLimit(Number.POSITIVE_INFINITY),
    distance: 100,
  });
  const summaryFuse = new Fuse(entries, {
    keys: ['summary'],
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    ignoreDiacritics: true,
    threshold: SUMMARY_LIMIT,
  });
  const termNameOf = new Map(names.filter((n) => n.isTerm).map((n) => [n.entry.id, n]));

  function exactHits(key: string): Candidate[] {
    return singularCandidates(key).flatMap((variant, rank) =>
      (byKey.get(variant) ?? []).map((name) => ({
        name,
        kind: 'exact' as const,
        score: rank,
        indices: [[0, name.text.length] as Span],
      })),
    );
  }

  function candidates(query: string): Candidate[] {
    const q = fold(query);
    const key = q.key;
    if (!key) return [];
    const queryWords = wordsOf(q);
    const out: Candidate[] = exactHits(key);
    for (const name of names) {
      const nk = name.folded.key;
      if (nk.startsWith(key) && nk !== key) {
        out.push({ name, kind: 'prefix', score: nk.length, indices: readableSpans(name.folded, [[0, key.length]]) });
        continue;
      }
      const spans = matchWords(queryWords, name);
      if (spans) out.push({ name, kind: 'words', score: nk.length, indices: spans });
    }
    const limit = fuzzyLimit(key.length);
    if (limit >= 0) {
      for (const hit of nameFuse.search(key)) {
        if ((hit.score ?? 1) > limit) continue;
        const extra = Math.max(0, hit.item.folded.key.length - key.length);
        const score =
          (hit.score ?? 1) +
          (hit.item.isTerm ? 0 : ALIAS_PENALTY) +
          Math.min(EXTRA_LENGTH_CAP, extra * EXTRA_LENGTH_PENALTY);
        out.push({ name: hit.item, kind: 'fuzzy', score, indices: fuzzySpans(queryWords, hit.item.folded) });
      }
    }
    if (key.length >= SUMMARY_MIN_LENGTH) {
      for (const hit of summaryFuse.search(query.trim())) {
        const name = termNameOf.get(hit.item.id);
        if (name) out.push({ name, kind: 'summary', score: hit.score ?? 1, indices: [] });
      }
    }
    return out;
  }

  function search(query: string, limit = DEFAULT_LIMIT): SearchResult[] {
    const best = new Map<string, Candidate>();
    // The term itself, when it matched as well as the best name did; it reads better than "SGLT2i" under the heading.
    const termHit = new Map<string, Candidate>();
    for (const c of candidates(query)) {
      const id = c.name.entry.id;
      const seen = best.get(id);
      if (!seen || compareCandidates(c, seen) < 0) best.set(id, c);
      const termSeen = termHit.get(id);
      if (
        c.name.isTerm &&
        c.kind !== 'fuzzy' &&
        c.kind !== 'summary' &&
        (!termSeen || compareCandidates(c, termSeen) < 0)
      )
        termHit.set(id, c);
    }
    return [...best.values()]
      .sort(compareCandidates)
      .slice(0, Math.max(0, limit))
      .map((rank) => {
        const term = termHit.get(rank.name.entry.id);
        const shown = term && term.kind === rank.kind ? term : rank;
        return { entry: shown.name.entry, matched: shown.name.text, indices: shown.indices, kind: shown.kind };
      });
  }

  function bestMatch(text: string): GlossaryEntry | null {
    const cleaned = cleanSelection(text);
    if (cleaned.split(' ').length > MAX_SELECTION_WORDS) return null;
    const key = fold(cleaned).key;
    if (key.length < 2 || key.length > 60) return null;
    const exact = exactHits(key).sort(compareCandidates)[0];
    if (exact) return exact.name.entry;
    const reordered = sameWords(cleaned);
    if (reordered) return reordered;
    if (key.length < 5) return null;
    // A tiny typo only, and the first letter must agree: "metformn" yes, "the weather today" never.
    const allowed = key.length >= 10 ? 2 : 1;
    let found: GlossaryEntry | null = null;
    let foundDistance = allowed + 1;
    let ambiguous = false;
    for (const name of names) {
      if (name.searchOnly || name.folded.key[0] !== key[0]) continue;
      const d = osaDistance(key, name.folded.key, allowed);
      if (d > allowed) continue;
      if (d < foundDistance) {
        found = name.entry;
        foundDistance = d;
        ambiguous = false;
      } else if (d === foundDistance && found !== name.entry) {
        ambiguous = true;
      }
    }
    return ambiguous ? null : found;
  }

  /** The one entry with a name made of exactly the selected words in another order ("diabetes type 2"). */
  function sameWords(text: string): GlossaryEntry | null {
    const words = wordsOf(fold(text));
    if (words.length < 2) return null;
    const wanted = [...words].sort().join(' ');
    const hits = new Set(
      names.filter((n) => !n.searchOnly && [...n.words].sort().join(' ') === wanted).map((n) => n.entry),
    );
    return hits.size === 1 ? ([...hits][0] ?? null) : null;
  }

  return { search, bestMatch };
}
