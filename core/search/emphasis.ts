/**
 * Which part of a found name the popup emphasises, kept apart from ranking: what is found and what is shown as
 * typed change for different reasons.
 *
 * A mark is read as "this is the part you typed", so it only ever starts where a word starts and covers a whole word
 * or a prefix of at least two characters that the query itself typed. fuse.js match indices are not used: they are
 * the letters a typo happened to share, scattered through words ("re|gim|en"), which reads as noise.
 */
import { osaDistance } from '../text/edit-distance';
import { spanOf, type Folded, type Span } from './keys';

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

/**
 * Whether folded characters `start`..`end` make a mark a reader sees as typed: a whole word or a long-enough
 * prefix.
 */
function readable(f: Folded, start: number, end: number): boolean {
  if (!f.wordStarts.includes(start) || end <= start) return false;
  return end - start >= MIN_PREFIX || end === f.key.length || f.wordStarts.includes(end);
}

const HYPHENS = /^[-\u2010-\u2013]+$/u;

/** Sorted ranges as original spans, the readable ones only; "GLP" and "1" join into one "GLP-1" across the hyphen. */
export function readableSpans(f: Folded, ranges: readonly (readonly [number, number])[]): Span[] {
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
  const typos = osaDistance(word, run, allowed);
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
export function fuzzySpans(queryWords: readonly string[], f: Folded): Span[] {
  const used = new Set<number>();
  const ranges: [number, number][] = [];
  // Longest query words first: they are the most telling, so they choose their name word before short ones do.
  for (const word of [...queryWords].sort((a, b) => b.length - a.length)) {
    const hit = bestWordHit(word, f, used);
    if (!hit) continue;
    for (let i = hit.first; i < hit.first + hit.words; i++) used.add(i);
    ranges.push([hit.start, hit.end]);
  }
  return readableSpans(
    f,
    ranges.sort((a, b) => a[0] - b[0]),
  );
}
