/** Shapes of the misspelling finder: the data built with the extension, and what the finder reports. */
import type { MatchFlags } from '../matcher/types';
import type { RealWordsData } from './real-words';
import type { EditThreshold } from './thresholds';

/** A glossary alias that has at least one word long enough to be found misspelt. */
export interface FuzzyAlias {
  entryId: string;
  /** The alias as the glossary writes it ("Insulin resistance"); for a "-ies" plural key, the singular alias. */
  meant: string;
  /**
   * The alias's normalised key ("insulin resistance", "type2 diabetes"): the page text around a misspelt word must
   * read exactly this, folded the way the matcher folds, for the whole alias to count.
   */
  key: string;
  /** Its words that may be misspelt: [index in `FuzzyData.words`, offset of the word in `key`]. */
  slots: [number, number][];
  /** Copied from the matcher's pattern, so the caller applies the same page-context rules as to exact marks. */
  topicOnly?: true;
  withEntry?: true;
  proper?: true;
}

/**
 * Everything the page side needs, as plain JSON: built once at build time from the glossary and an English word list
 * (`buildFuzzyData`), so the word list itself never ships.
 */
export interface FuzzyData {
  version: 1;
  /** The table the index was built for; the finder allows exactly these distances. */
  thresholds: EditThreshold[];
  /** Variants are deletions of each word's first this many characters (see `deletes.ts`). */
  prefixLength: number;
  /** Folded alias words of fuzzy length, sorted; an exact one on the page is the matcher's business, not ours. */
  words: string[];
  /** Sorted by key. */
  aliases: FuzzyAlias[];
  /**
   * [deletion variant of a word's prefix, indices in `words` of the alias words that have it], sorted by variant
   * (see `deletes.ts`). Pairs rather than an object: a 22,000-key object costs the worker 10 ms to walk.
   */
  deletes: [string, number[]][];
  /**
   * Real words (English words, other glossary spellings) within the thresholds of some alias word, sorted: a token
   * that is one of them is a word in its own right, not a misspelling. Words far from every alias are left out: they
   * could never be taken for one, so the page side need not know them.
   */
  nearWords: string[];
  /** The dictionary's and the glossary's words of fuzzy length, as a Bloom filter (see `real-words.ts`). */
  realWords: RealWordsData;
  /** The misspellings the glossary lists itself, read exactly (see `listed.ts`). */
  listed?: ListedInData[];
}

/** A misspelling the glossary lists, with the word that gives it away (see `headOf` in `listed.ts`). */
export interface ListedInData {
  entryId: string;
  text: string;
  head: string;
}

/** A word or short phrase on the page read as a misspelling of a glossary alias. Offsets index the input text. */
export interface Misspelling extends MatchFlags {
  start: number;
  end: number;
  entryId: string;
  /** `text.slice(start, end)`: what the page wrote ("insulin resistence"). */
  wrote: string;
  /** The alias as written in the glossary ("insulin resistance"). */
  meant: string;
  /** Edits between the misspelt word and the alias word (1 or 2). */
  distance: number;
}

/** Work counters, cumulative over a finder's life: what a test can bound instead of timing anything. */
export interface FinderStats {
  /** Letter words of fuzzy length looked up (after the cheap "real word / exact alias word" checks). */
  lookedUp: number;
  /** Deletion variants made and looked up in the index. */
  variants: number;
  /** Edit distances computed (one per distinct candidate alias word per token). */
  distanceComputations: number;
}
