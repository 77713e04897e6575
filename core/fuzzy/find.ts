/**
 * Finds misspellings of glossary aliases in a block's text ("metforman", "insulin resistence"): long words that are
 * no real word, a few edits from an alias word, standing where the rest of that alias reads exactly. The page's topic
 * is the caller's to check, as are exact marks: a word the matcher finds is never reported here.
 *
 * Cost: one pass over the raw text for its letter words (`raw-words.ts`); a Bloom filter lookup for each long one,
 * which passes over real words (`real-words.ts`); two set lookups for the rest, and for those that pass, a hashed
 * probe per deletion variant. Only a word near an alias word gets its surroundings
 * normalised (`window.ts`) and compared with the aliases that contain that word.
 */
import { flagsOf } from '../matcher/types';
import { SUFFIXES_ANY_CASE } from '../text/plurals';
import { forEachRawWord } from './raw-words';
import { RealWords, letterHash } from './real-words';
import { mostEdits, shortestFuzzyLength } from './thresholds';
import type { FinderStats, FuzzyAlias, FuzzyData, Misspelling } from './types';
import { windowAround, type TextWindow } from './window';
import { WordIndex, pluralCores } from './word-index';
import { isWordBoundary } from './words';

/** One place an alias word stands in an alias, with the alias text on either side of it. */
interface Slot {
  alias: number;
  before: string;
  after: string;
}

/** A reading of one page word as (part of) one alias, in input offsets. */
interface Hit {
  alias: number;
  start: number;
  end: number;
  distance: number;
}

/** A near alias word of one page word: which, how far, and how many of the word's letters it stands for. */
interface Near {
  word: number;
  distance: number;
  letters: number;
}

const NONE: Near[] = [];
/** About 2 MB of short strings at most. */
const MAX_FAR_WORDS = 50_000;
const LONGEST_SUFFIX = SUFFIXES_ANY_CASE.reduce((m, s) => Math.max(m, s.length), 0);

/** Closest first, then longest; the earlier start and then the first alias make the order total. */
function better(a: Hit, b: Hit): number {
  return a.distance - b.distance || b.end - b.start - (a.end - a.start) || a.start - b.start || a.alias - b.alias;
}

export class MisspellingFinder {
  readonly stats: FinderStats = { lookedUp: 0, variants: 0, distanceComputations: 0 };
  private readonly aliases: readonly FuzzyAlias[];
  /** Alias words and the real words near them: a page word that is one of them is no misspelling. */
  private readonly known: ReadonlySet<string>;
  /** Whether the latest text searched holds one of the words the finder was asked to watch for. */
  sawWatched = false;
  private readonly realWords: RealWords;
  /** Letter hashes of the watched words, and a bit per hash's low 15 bits, which rules out almost every other word. */
  private readonly watched: ReadonlySet<number>;
  private readonly maybeWatched = new Uint32Array(1024);
  /**
   * Real words seen lately, by hash: a page repeats its common words ("patients", "between"), and this small table
   * stays in the fastest cache where the filter's blocks do not.
   */
  private readonly recent = new Int32Array(4096);
  private readonly slotsOfWord: Slot[][];
  private readonly index: WordIndex;
  /** Words seen to be far from every alias word (see `rememberFar`). */
  private readonly far = new Set<string>();
  private readonly shortest: number;
  /** A word longer than this is farther than any allowed distance from every alias word. */
  private readonly longest: number;

  /** `watch`: folded words whose presence `find` reports in `sawWatched` (a bit test a word). */
  constructor(data: FuzzyData, watch: readonly string[] = []) {
    this.aliases = data.aliases;
    this.known = new Set([...data.words, ...data.nearWords]);
    this.realWords = RealWords.fromData(data.realWords);
    this.watched = new Set(watch.map(letterHash));
    for (const h of this.watched) {
      const cell = (h >>> 5) & 1023;
      this.maybeWatched[cell] = (this.maybeWatched[cell] as number) | (1 << (h & 31));
    }
    this.shortest = shortestFuzzyLength(data.thresholds);
    // A plural ending on top of the most edits (its letters are part of the page word).
    this.longest = data.words.reduce((m, w) => Math.max(m, w.length), 0) + mostEdits(data.thresholds) + LONGEST_SUFFIX;
    this.slotsOfWord = data.words.map((): Slot[] => []);
    data.aliases.forEach((alias, a) => {
      for (const [w, offset] of alias.slots) {
        const length = data.words[w]?.length ?? 0;
        this.slotsOfWord[w]?.push({
          alias: a,
          before: alias.key.slice(0, offset),
          after: alias.key.slice(offset + length),
        });
      }
    });
    this.index = new WordIndex(data.words, data.deletes, data.thresholds, data.prefixLength, this.stats);
  }

  /**
   * Misspellings in `text` (one block; a "\u0000" between blocks ends a phrase, as it does for the matcher), sorted
   * and non-overlapping, in offsets of `text`.
   */
  find(text: string): Misspelling[] {
    this.sawWatched = false;
    const hits: Hit[] = [];
    forEachRawWord(
      text,
      this.shortest,
      this.longest,
      (token, rawStart, rawEnd) => {
        const best = this.bestHit(text, token, rawStart, rawEnd);
        if (best) hits.push(best);
      },
      this.skipWord,
    );
    return hits.length ? this.place(text, hits) : [];
  }

  /** Passes over words too short or long to be fuzzy, and real words; notes watched words of any length. */
  private readonly skipWord = (hash: number, length: number): boolean => {
    if ((this.maybeWatched[(hash >>> 5) & 1023] as number) & (1 << (hash & 31)) && this.watched.has(hash)) {
      this.sawWatched = true;
    }
    if (length < this.shortest || length > this.longest) return true;
    const slot = hash & 4095;
    if (this.recent[slot] === hash) return true;
    if (!this.realWords.has(hash)) return false;
    this.recent[slot] = hash;
    return true;
  };

  /** The alias words near `token` (or near it without a plural ending), or none if it is a word in its own right. */
  private nearOf(token: string): Near[] {
    if (this.known.has(token) || this.far.has(token)) return NONE;
    // "metformins" is the matcher's plural, and "statings" a real word's: neither is a misspelling.
    const cores = pluralCores(token, this.shortest);
    for (const core of cores) if (this.known.has(core)) return NONE;
    this.stats.lookedUp++;
    let out = NONE;
    for (let c = -1; c < cores.length; c++) {
      const letters = c < 0 ? token.length : (cores[c] as string).length;
      this.index.forEachNear(c < 0 ? token : (cores[c] as string), (word, distance) => {
        if (out === NONE) out = [];
        out.push({ word, distance, letters });
      });
    }
    if (out === NONE) this.rememberFar(token);
    return out;
  }

  /**
   * Words repeat within a page and across pages (a long word that is no misspelling, "diagnosis", "treatment"), and
   * most of the finder's work goes into the deletion probes that show a word is far from every alias word: so that
   * is remembered, up to a bound, for the worker's life.
   */
  private rememberFar(token: string): void {
    if (this.far.size >= MAX_FAR_WORDS) this.far.clear();
    this.far.add(token);
  }

  /** The one reading of the page word at [rawStart, rawEnd), or none: a real word, no alias around it, or ambiguous. */
  private bestHit(text: string, token: string, rawStart: number, rawEnd: number): Hit | undefined {
    const near = this.nearOf(token);
    if (near.length === 0) return undefined;
    let before = 0;
    let after = 0;
    for (const { word } of near) {
      for (const slot of this.slotsOfWord[word] ?? []) {
        before = Math.max(before, slot.before.length);
        after = Math.max(after, slot.after.length);
      }
    }
    const win = windowAround(text, rawStart, rawEnd, before, after + LONGEST_SUFFIX);
    if (win === undefined || win.nt.lower.slice(win.start, win.end) !== token) return undefined;

    const hits: Hit[] = [];
    for (const { word, distance, letters } of near) {
      for (const slot of this.slotsOfWord[word] ?? []) {
        const hit = this.fit(win, slot, win.start + letters, distance);
        if (hit) hits.push(hit);
      }
    }
    if (hits.length === 0) return undefined;
    hits.sort(better);
    const first = hits[0] as Hit;
    // Equally close and equally long readings of two different entries: the word could be either, so it is neither.
    for (const other of hits) {
      if (other.distance !== first.distance || other.end - other.start !== first.end - first.start) break;
      if (this.aliases[other.alias]?.entryId !== this.aliases[first.alias]?.entryId) return undefined;
    }
    return first;
  }

  /**
   * The alias of `slot` read around the page word starting at `win.start` whose first `wordEnd - win.start` letters
   * stand for the alias word: the rest of the key must stand there exactly, a word must start before it, and after
   * it may come a plural or possessive ending, then a word end (the matcher's rules, so a misspelt alias is bounded
   * like a correct one; letters never end a word, so a stripped "s" has to come back as the ending).
   */
  private fit(win: TextWindow, slot: Slot, wordEnd: number, distance: number): Hit | undefined {
    const { nt } = win;
    const { lower } = nt;
    const start = win.start - slot.before.length;
    if (start < 0 || !lower.startsWith(slot.before, start) || !isWordBoundary(nt, start, true)) return undefined;
    if (!lower.startsWith(slot.after, wordEnd)) return undefined;
    const keyEnd = wordEnd + slot.after.length;
    for (const suffix of SUFFIXES_ANY_CASE) {
      if (suffix.length > 0 && !lower.startsWith(suffix, keyEnd)) continue;
      const end = keyEnd + suffix.length;
      if (!isWordBoundary(nt, end, false)) continue;
      return {
        alias: slot.alias,
        start: win.base + (nt.toOriginal[start] as number),
        end: win.base + (nt.toOriginal[end - 1] as number) + 1,
        distance,
      };
    }
    return undefined;
  }

  /** Best readings first, none overlapping a better one; then in text order. */
  private place(text: string, hits: Hit[]): Misspelling[] {
    const taken: Hit[] = [];
    for (const hit of [...hits].sort(better)) {
      if (taken.some((t) => t.start < hit.end && hit.start < t.end)) continue;
      taken.push(hit);
    }
    taken.sort((a, b) => a.start - b.start);
    return taken.map((hit): Misspelling => {
      const alias = this.aliases[hit.alias] as FuzzyAlias;
      return {
        start: hit.start,
        end: hit.end,
        entryId: alias.entryId,
        wrote: text.slice(hit.start, hit.end),
        meant: alias.meant,
        distance: hit.distance,
        ...flagsOf(alias),
      };
    });
  }
}
