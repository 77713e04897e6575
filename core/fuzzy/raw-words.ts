/**
 * The page's letter words read straight from the raw text, folded as `normalizeText` would fold them (lowercase,
 * invisibles dropped, ligatures and β expanded), without normalising the whole text: most of a page holds no
 * misspelling, and the finder normalises a small window only around a word near an alias (`window.ts`). A property
 * test holds these words to the letter runs of the normalised text.
 *
 * Each word's `letterHash` is made as its letters are read, so a caller can pass over words it already knows (real
 * words, `real-words.ts`) before any string is made for them.
 */
import {
  KIND_DASH,
  KIND_DROP,
  KIND_EXPAND,
  KIND_SPACE,
  KIND_SURROGATE,
  charKind,
  expansionOf,
  lowerOf,
} from '../text/chars';
import { LETTER_HASH_SEED, nextLetterHash } from './real-words';
import { isLetterCode } from './words';

/** Longer words are read but never reported (no alias word is that long), so the buffer never grows. */
const MAX_WORD = 1024;

const SHARED_CODES = new Uint16Array(MAX_WORD);

type Visit = (folded: string, rawStart: number, rawEnd: number) => void;
/**
 * Told of every word, of any length, by the hash of its folded letters (see `letterHash`) and their count: whether
 * to pass over it. A word outside [min, max] is passed over whatever it answers.
 */
type SkipWord = (hash: number, length: number) => boolean;

const visitAll: SkipWord = () => false;

/**
 * A word holding non-ASCII characters, read exactly. A class rather than closures over mutable locals, which V8
 * keeps in a heap context; its small methods inline.
 */
class WordReader {
  // One buffer for every reader: a page is read block by block, thousands of calls. Readers never run at once.
  private readonly codes = SHARED_CODES;
  private length = 0; // folded letters so far
  private hash = LETTER_HASH_SEED;
  private start = -1; // raw index of the first character
  private end = 0; // raw index just past the last letter

  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly visit: Visit,
    private readonly skip: SkipWord,
  ) {}

  letter(code: number, raw: number): void {
    if (this.length < MAX_WORD) this.codes[this.length] = code;
    if (this.start < 0) this.start = raw;
    this.length++;
    this.hash = nextLetterHash(this.hash, code);
    this.end = raw + 1;
  }

  /** A character that is no letter: the word so far, if any, is complete. */
  stop(): void {
    if (this.start < 0) return;
    if (!this.skip(this.hash, this.length) && this.length >= this.min && this.length <= this.max) {
      // Typed arrays are accepted by apply() at runtime; the cast only satisfies the `number[]` signature.
      const folded = String.fromCharCode.apply(null, this.codes.subarray(0, this.length) as unknown as number[]);
      this.visit(folded, this.start, this.end);
    }
    this.length = 0;
    this.hash = LETTER_HASH_SEED;
    this.start = -1;
  }
}

/** An ASCII letter, either case: ASCII letters fold to lowercase by setting one bit (`code | 0x20`). */
function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** Reads `text[from, to)` character by character with every folding rule. */
function readExactly(text: string, from: number, to: number, reader: WordReader): void {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (isAsciiLetter(code)) reader.letter(code | 0x20, i);
      else reader.stop();
      continue;
    }
    const kind = charKind(code);
    if (kind === KIND_DROP) continue; // a soft hyphen inside a word leaves it whole
    if (kind === KIND_SPACE || kind === KIND_DASH || kind === KIND_SURROGATE) {
      reader.stop();
    } else if (kind === KIND_EXPAND) {
      // Each character of the expansion continues the word or ends it, as it would in the normalised text.
      const expansion = expansionOf(code);
      for (let k = 0; k < expansion.length; k++) {
        const lower = lowerOf(expansion.charCodeAt(k));
        if (isLetterCode(lower)) reader.letter(lower, i);
        else reader.stop();
      }
    } else {
      const lower = lowerOf(code);
      if (isLetterCode(lower)) reader.letter(lower, i);
      else reader.stop();
    }
  }
  reader.stop();
}

/**
 * Calls `visit(folded, rawStart, rawEnd)` for every letter word of `text` whose folded length is in [min, max]
 * (max ≤ 1024) and that `skip`, told of every word, does not pass over: `text.slice(rawStart, rawEnd)` is what the
 * page wrote for it.
 *
 * Most of a page is ASCII, whose letters fold by one bit, so the loop reads ASCII words itself, in locals, and
 * makes a string only for a word it visits. A run of letters that holds any other character (an accent, a soft
 * hyphen, a ligature, a dash that splits it) is handed whole to the exact reader.
 */
export function forEachRawWord(text: string, min: number, max: number, visit: Visit, skip = visitAll): void {
  const upper = Math.min(max, MAX_WORD);
  let reader: WordReader | undefined;
  let start = -1;
  let hash = LETTER_HASH_SEED;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 0;
    if (isAsciiLetter(code)) {
      if (start < 0) start = i;
      hash = nextLetterHash(hash, code | 0x20);
      continue;
    }
    if (code >= 0x80) {
      // The whole run, from its first letter to the next ASCII character that is no letter, is read exactly.
      const from = start < 0 ? i : start;
      let to = i + 1;
      while (to < n) {
        const c = text.charCodeAt(to);
        if (c < 0x80 && !isAsciiLetter(c)) break;
        to++;
      }
      reader ??= new WordReader(min, upper, visit, skip);
      readExactly(text, from, to, reader);
      i = to - 1;
    } else if (start >= 0) {
      const length = i - start;
      if (!skip(hash, length) && length >= min && length <= upper) visit(text.slice(start, i).toLowerCase(), start, i);
    }
    start = -1;
    hash = LETTER_HASH_SEED;
  }
}
