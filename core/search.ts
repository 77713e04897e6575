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
 */
import Fuse from 'fuse.js';
import { foldCharacter } from './text/normalize';
import { singularCandidates } from './text/plurals';
import type { AliasSpec, GlossaryEntry } from './glossary/types';

/** A span to emphasise: start inclusive, end exclusive (like `String.prototype.slice`). */
export type Span = [start: number, end: number];

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

// ---- folding ------------------------------------------------------------------------------------------------------

/** Text folded for comparison, remembering where each folded character came from. */
interface Folded {
  /** Kept to tell what separates two marks: a hyphen joins them, a space does not. */
  text: string;
  key: string;
  /** `from[i]`..`to[i]` is the span of the original text that produced key character i. */
  from: number[];
  to: number[];
  /** Key indices where a word starts (after a space, hyphen or punctuation, or at 0). */
  wordStarts: number[];
}

/**
 * Folds as the matcher does (core/text/normalize.ts: lowercase, β → beta, HbA₁c = HbA1c), then, for search only, also
 * ignores spaces, dashes, accents and punctuation, so "Crohn's", "mg/dL" and "glycémie" need no exact typing. Done one code point at a time so every
 * folded character maps back to the original span to emphasise.
 */
function fold(text: string): Folded {
  const out: Folded = { text, key: '', from: [], to: [], wordStarts: [] };
  let at = 0;
  let boundary = true;
  for (const ch of text) {
    const folded = foldCharacter(ch).normalize('NFKD').replace(/[\s\p{M}\p{P}]/gu, '');
    if (!folded) boundary = true;
    for (let k = 0; k < folded.length; k++) {
      if (boundary) out.wordStarts.push(out.key.length);
      boundary = false;
      out.key += folded[k];
      out.from.push(at);
      out.to.push(at + ch.length);
    }
    at += ch.length;
  }
  return out;
}

/** The original span covering folded characters `start`..`end` (end exclusive). */
function spanOf(f: Folded, start: number, end: number): Span {
  return [f.from[start] ?? 0, f.to[end - 1] ?? 0];
}

function wordsOf(f: Folded): string[] {
  return f.wordStarts.map((start, i) => f.key.slice(start, f.wordStarts[i + 1] ?? f.key.length));
}

// ---- names --------------------------------------------------------------------------------------------------------

/** One way to call an entry: its term or one alias. */
interface Name {
  entry: GlossaryEntry;
  text: string;
  isTerm: boolean;
  searchOnly: boolean;
  folded: Folded;
  /** The folded words of the name, in order (precomputed: every keystroke checks every name). */
  words: string[];
}

function aliasText(a: AliasSpec): { text: string; searchOnly: boolean } {
  return typeof a === 'string' ? { text: a, searchOnly: false } : { text: a.text, searchOnly: a.searchOnly === true };
}

function nameOf(entry: GlossaryEntry, text: string, isTerm: boolean, searchOnly: boolean): Name {
  const folded = fold(text);
  return { entry, text, isTerm, searchOnly, folded, words: wordsOf(folded) };
}

function namesOf(entry: GlossaryEntry): Name[] {
  const names = [nameOf(entry, entry.term, true, false)];
  for (const alias of entry.aliases) {
    const { text, searchOnly } = aliasText(alias);
    names.push(nameOf(entry, text, false, searchOnly));
  }
  return names.filter((n) => n.folded.key.length > 0);
}

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
  return readableSpans(name.folded, ranges.sort((a, b) => a[0] - b[0]));
}

// ---- emphasis -----------------------------------------------------------------------------------------------------
//
// A mark is read as "this is the part you typed", so it only ever starts where a word starts and covers a whole word
// or a prefix of at least two characters that the query itself typed. fuse.js match indices are not used: they are
// the letters a typo happened to share, scattered through words ("re|gim|en"), which reads as noise.

/** A one-letter prefix is shared by half the list, so marking it tells the reader nothing. */
const MIN_PREFIX = 2;
/** A query word as long as three name words covers "glp1" → "GLP-1" and "insulinresistance" → "insulin resistance". */
const MAX_RUN_WORDS = 3;

/** Typos a query word may have and still stand for a whole name word; short words must be typed exactly. */
function wordTypos(length: number): number {
  if (length < 5) return 0;
  if (length < 8) return 1;
  return 2;
}

/** Whether folded characters `start`..`end` make a mark a reader sees as typed: a whole word or a long-enough prefix. */
function readable(f: Folded, start: number, end: number): boolean {
  if (!f.wordStarts.includes(start) || end <= start) return false;
  return end - start >= MIN_PREFIX || end === f.key.length || f.wordStarts.includes(end);
}

const HYPHENS = /^[-\u2010-\u2013]+$/u;

/** Sorted ranges as original spans, the readable ones only; "GLP" and "1" join into one "GLP-1" across the hyphen. */
function readableSpans(f: Folded, ranges: readonly (readonly [number, number])[]): Span[] {
  const spans: Span[] = [];
  for (const [s, e] of ranges) {
    if (!readable(f, s, e)) continue;
    const span = spanOf(f, s, e);
    const last = spans[spans.length - 1];
    if (last && HYPHENS.test(f.text.slice(last[1], span[0]))) last[1] = span[1];
    else spans.push(span);
  }
  return spans;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Where a query word lands in the name: folded range, the name words it used, and how well (lower is better). */
interface WordHit {
  start: number;
  end: number;
  first: number;
  words: number;
  cost: number;
}

/**
 * How a query word emphasises one run of name words, best first: the run starts with the whole query word (cost 0);
 * the query word is a small typo of the whole run (cost = typos); the two share a long prefix, which alone is marked.
 */
function hitOnRun(word: string, run: string, start: number): Pick<WordHit, 'start' | 'end' | 'cost'> | null {
  if (run.startsWith(word)) return { start, end: start + word.length, cost: 0 };
  const allowed = wordTypos(word.length);
  const typos = editDistance(word, run, allowed);
  if (typos <= allowed) return { start, end: start + run.length, cost: typos };
  const shared = commonPrefixLength(word, run);
  // Half the query word at least, so "regimen" does not mark the "re" of "receptor".
  if (shared >= 3 && shared * 2 >= word.length) return { start, end: start + shared, cost: allowed + 1 };
  return null;
}

/** The best place for one query word among the name words not yet used, fewer words winning a tie. */
function bestWordHit(word: string, f: Folded, used: ReadonlySet<number>): WordHit | null {
  let best: WordHit | null = null;
  for (let first = 0; first < f.wordStarts.length; first++) {
    const start = f.wordStarts[first] ?? 0;
    for (let words = 1; words <= MAX_RUN_WORDS && first + words <= f.wordStarts.length; words++) {
      if (used.has(first + words - 1)) break;
      const end = f.wordStarts[first + words] ?? f.key.length;
      const hit = hitOnRun(word, f.key.slice(start, end), start);
      if (hit && (!best || hit.cost < best.cost)) best = { ...hit, first, words };
    }
  }
  return best;
}

/**
 * Emphasis for a typo-tolerant hit: each query word marks the name word (or words) it stands for, and a query word
 * that stands for none marks nothing.
 */
function fuzzySpans(queryWords: readonly string[], f: Folded): Span[] {
  const used = new Set<number>();
  const ranges: [number, number][] = [];
  // Longest query words first: they are the most telling, so they choose their name word before short ones do.
  for (const word of [...queryWords].sort((a, b) => b.length - a.length)) {
    const hit = bestWordHit(word, f, used);
    if (!hit) continue;
    for (let i = hit.first; i < hit.first + hit.words; i++) used.add(i);
    ranges.push([hit.start, hit.end]);
  }
  return readableSpans(f, ranges.sort((a, b) => a[0] - b[0]));
}

/** Optimal-string-alignment distance (a swap of neighbours is one edit), giving up above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

const LEADING_FILLER = /^(?:the|a|an|my|your|our|their|his|her|its|this|that|these|those)\s+/i;
const MAX_SELECTION_WORDS = 6;

/** Selected text as the name it probably is: trimmed of quotes, punctuation and a leading "the"/"my". */
function cleanSelection(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim().replace(/^[\p{P}\p{S}\s]+|[\p{P}\s]+$/gu, '');
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
      (byKey.get(variant) ?? []).map((name) => ({ name, kind: 'exact' as const, score: rank, indices: [[0, name.text.length] as Span] })),
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
          (hit.score ?? 1) + (hit.item.isTerm ? 0 : ALIAS_PENALTY) + Math.min(EXTRA_LENGTH_CAP, extra * EXTRA_LENGTH_PENALTY);
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
      if (c.name.isTerm && c.kind !== 'fuzzy' && c.kind !== 'summary') termHit.set(id, c);
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
      const d = editDistance(key, name.folded.key, allowed);
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
    const hits = new Set(names.filter((n) => !n.searchOnly && [...n.words].sort().join(' ') === wanted).map((n) => n.entry));
    return hits.size === 1 ? ([...hits][0] ?? null) : null;
  }

  return { search, bestMatch };
}
