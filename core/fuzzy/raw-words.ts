/**
 * The page's letter words read straight from the raw text, folded as `normalizeText` would fold them (lowercase,
 * invisibles dropped, ligatures and β expanded), without normalising the whole text: most of a page holds no
 * misspelling, and the finder normalises a small window only around a word near an alias (`window.ts`). A property
 * test holds these words to the letter runs of the normalised text.
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
import { isLetterCode } from './words';

/** Longer words are read but never reported (no alias word is that long), so the buffer never grows. */
const MAX_WORD = 1024;

const SHARED_CODES = new Uint16Array(MAX_WORD);

type Visit = (folded: string, rawStart: number, rawEnd: number) => void;

/**
 * The word being read. A class rather than closures over mutable locals, which V8 keeps in a heap context: this
 * runs for every character of the page, and its small methods inline.
 */
class WordReader {
  // One buffer for every reader: a page is read block by block, thousands of calls, and a fresh 2 kB array each
  // cost more in allocation and collection than the reading itself. Readers never run at once (no callback reads).
  private readonly codes = SHARED_CODES;
  private length = 0; // folded letters so far
  private start = -1; // raw index of the first character
  private end = 0; // raw index just past the last letter

  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly visit: Visit,
  ) {}

  letter(code: number, raw: number): void {
    if (this.length < MAX_WORD) this.codes[this.length] = code;
    if (this.start < 0) this.start = raw;
    this.length++;
    this.end = raw + 1;
  }

  /** A character that is no letter: the word so far, if any, is complete. */
  stop(): void {
    if (this.start < 0) return;
    if (this.length >= this.min && this.length <= this.max) {
      // Typed arrays are accepted by apply() at runtime; the cast only satisfies the `number[]` signature.
      const folded = String.fromCharCode.apply(null, this.codes.subarray(0, this.length) as unknown as number[]);
      this.visit(folded, this.start, this.end);
    }
    this.length = 0;
    this.start = -1;
  }
}

/**
 * Calls `visit(folded, rawStart, rawEnd)` for every letter word of `text` whose folded length is in [min, max]
 * (max ≤ 1024): `text.slice(rawStart, rawEnd)` is what the page wrote for it.
 */
export function forEachRawWord(text: string, min: number, max: number, visit: Visit): void {
  const reader = new WordReader(min, Math.min(max, MAX_WORD), visit);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // ASCII is most of every page and folds trivially: a letter lowercases by one bit.
      const lower = code | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) reader.letter(lower, i);
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
