/**
 * Finds glossary keys in page text in one pass, normalising on the fly: the same rules as `normalizeText` (separator
 * runs, letter→digit joins, dropped and expanded characters, per-character lowercase), but nothing is written out
 * for the whole text. Only the last few normalised characters are kept, in a ring, for the checks that need them.
 *
 * Keys start where words start (`acceptOccurrence` requires it), so a walker enters the trie at word starts only
 * and dies at the first character no key continues with. Most characters cost a few table lookups; nothing is
 * reported for the "ada" inside "Canada".
 *
 * The result is exactly what `normalizeText` + a search for every key + `acceptOccurrence` would accept (a property
 * test checks this against that reference), in original-text offsets.
 */
import {
  CLASS_DIGIT,
  CLASS_LETTER,
  KIND_DASH,
  KIND_DROP,
  KIND_EXPAND,
  KIND_SPACE,
  KIND_SURROGATE,
  charClass,
  charKind,
  expansionOf,
  lowerOf,
} from '../text/chars';
import { JOIN_DASH, JOIN_NONE, JOIN_SPACE, surrogateOrReplacement } from '../text/normalize';
import { SENTENCE_ENDS, SENTENCE_LOOKBACK, SENTENCE_OPENERS } from './accept';
import { SUFFIXES_ANY_CASE, SUFFIXES_CASED } from '../text/plurals';
import type { Pattern } from './patterns';
import type { Candidates } from './select';
import { childOf, symbolOf, type Trie } from './trie';

/** Normalised characters remembered behind the scan position; must exceed the longest key plus the lookahead. */
export const RING_SIZE = 512;
const MASK = RING_SIZE - 1;
/** A key's end is judged once this many characters follow it: a two-character suffix ("'s") and a boundary. */
const LOOKAHEAD = 3;
const SPACE = 0x20;

/** CLASS_LETTER or CLASS_DIGIT for ASCII letters and digits, 0 for everything else. */
const ASCII_WORD_CLASS = Uint8Array.from({ length: 128 }, (_, c) => charClass(c) & (CLASS_LETTER | CLASS_DIGIT));
/** ASCII sentence ends (1) and openers (2), from accept.ts's lists; the few non-ASCII ones are looked up in sets. */
const SENTENCE_CODES = Uint8Array.from({ length: 128 }, (_, c) =>
  SENTENCE_ENDS.includes(String.fromCharCode(c)) ? 1 : SENTENCE_OPENERS.includes(String.fromCharCode(c)) ? 2 : 0,
);
const END_CODES = new Set([...SENTENCE_ENDS].map((c) => c.charCodeAt(0)).filter((c) => c >= 128));
const OPENER_CODES = new Set([...SENTENCE_OPENERS].map((c) => c.charCodeAt(0)).filter((c) => c >= 128));

export class TextScanner {
  // The ring: for each recent normalised character, its lowercase and original-case code, whether it continues a
  // word, which separator run was dropped before it (JOIN_*), and the input index it came from.
  private readonly lower = new Uint16Array(RING_SIZE);
  private readonly cased = new Uint16Array(RING_SIZE);
  private readonly word = new Uint8Array(RING_SIZE);
  private readonly join = new Uint8Array(RING_SIZE);
  private readonly raw = new Int32Array(RING_SIZE);
  /** 1 where a word starts right after a sentence end (and at most SENTENCE_LOOKBACK spaces, quotes or brackets). */
  private readonly sentence = new Uint8Array(RING_SIZE);
  /** Spaces, quotes and brackets emitted since the last other character, and whether a sentence end came before them. */
  private openerRun = 0;
  private afterSentenceEnd = true;
  /** Live trie walkers: current state and the normalised index where each started. */
  private walkState = new Int32Array(32);
  private walkStart = new Int32Array(32);
  private walkers = 0;
  /** Keys found, waiting for LOOKAHEAD more characters before their end can be judged (FIFO, by end). */
  private pendKey = new Int32Array(32);
  private pendStart = new Int32Array(32);
  private pendEnd = new Int32Array(32);
  private pendHead = 0;
  private pendTail = 0;
  /** Normalised characters emitted so far. */
  private q = 0;
  /** Whether the last normalised character continues a word (a key cannot start right after it). */
  private lastWord = false;
  /** The separator run being read (JOIN_*), where it began, and the class of the last kept character before it. */
  private pendingSep = JOIN_NONE;
  private sepOrigin = 0;
  private prevClass = 0;
  private out!: Candidates;

  constructor(
    private readonly trie: Trie,
    private readonly patterns: readonly Pattern[],
    private readonly entryOf: Uint32Array,
  ) {}

  /** Adds every accepted key occurrence in `text` to `out`, in original offsets. */
  scan(text: string, out: Candidates): void {
    this.out = out;
    this.q = 0;
    this.walkers = 0;
    this.pendHead = this.pendTail = 0;
    const n = text.length;
    this.pendingSep = JOIN_NONE;
    this.prevClass = 0;
    this.lastWord = false;
    this.openerRun = 0;
    this.afterSentenceEnd = true; // the start of the text counts as the start of a sentence
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      // Most characters are ASCII letters inside a word that no key is being followed through. Nothing can start
      // there and nothing will read them back, so they only move the position on.
      if (code < 128 && this.pendingSep === JOIN_NONE && this.lastWord && this.walkers === 0 && this.pendTail === 0) {
        const cls = ASCII_WORD_CLASS[code] as number;
        if (cls !== 0) {
          this.prevClass = cls;
          this.q++;
          continue;
        }
      }
      const kind = charKind(code);
      if (kind === KIND_SPACE || kind === KIND_DASH) {
        if (this.pendingSep === JOIN_NONE) this.sepOrigin = i;
        // A run is "dash" as soon as it contains one: "GLP - 1" binds as tightly as "GLP-1".
        if (kind === KIND_DASH) this.pendingSep = JOIN_DASH;
        else if (this.pendingSep === JOIN_NONE) this.pendingSep = JOIN_SPACE;
      } else if (kind === KIND_EXPAND) {
        const expansion = expansionOf(code);
        // A key never starts inside an expansion: it could not be mapped back to whole input characters.
        for (let k = 0; k < expansion.length; k++) this.put(expansion.charCodeAt(k), i, k === 0);
      } else if (kind !== KIND_DROP) {
        this.put(kind === KIND_SURROGATE ? surrogateOrReplacement(text, i, code) : code, i, true);
      }
    }
    if (this.pendingSep !== JOIN_NONE) this.emit(SPACE, SPACE, JOIN_NONE, this.sepOrigin, false);
    // The text has ended: whatever waits is judged now (the end of text is a word boundary).
    while (this.pendHead < this.pendTail) this.resolve(this.pendHead++);
  }

  /** A kept character: first the separator run before it, if any (a space, or nothing between a letter and a digit). */
  private put(ch: number, rawIndex: number, mayStart: boolean): void {
    const cls = charClass(ch);
    let join = JOIN_NONE;
    if (this.pendingSep !== JOIN_NONE) {
      if ((this.prevClass & CLASS_LETTER) !== 0 && (cls & CLASS_DIGIT) !== 0) join = this.pendingSep;
      else this.emit(SPACE, SPACE, JOIN_NONE, this.sepOrigin, false);
      this.pendingSep = JOIN_NONE;
    }
    this.emit(lowerOf(ch), ch, join, rawIndex, mayStart);
    this.prevClass = cls;
  }

  /** One normalised character: remember it, move the walkers, maybe start one, judge keys that ended 3 back. */
  private emit(lowerCode: number, casedCode: number, join: number, rawIndex: number, mayStart: boolean): void {
    const q = this.q;
    const slot = q & MASK;
    const word = charClass(lowerCode) !== 0 ? 1 : 0;
    // A word starts here when the character before is no letter or digit, or a whitespace run was dropped before it.
    const starts = mayStart && (!this.lastWord || join === JOIN_SPACE);
    this.lastWord = word === 1;
    this.lower[slot] = lowerCode;
    this.cased[slot] = casedCode;
    this.word[slot] = word;
    this.join[slot] = join;
    this.raw[slot] = rawIndex;
    this.sentence[slot] = this.afterSentenceEnd && this.openerRun <= SENTENCE_LOOKBACK ? 1 : 0;
    if (casedCode < 128 ? SENTENCE_CODES[casedCode] === 1 : END_CODES.has(casedCode)) {
      this.openerRun = 0;
      this.afterSentenceEnd = true;
    } else if (casedCode < 128 ? SENTENCE_CODES[casedCode] === 2 : OPENER_CODES.has(casedCode)) {
      this.openerRun++;
    } else {
      this.openerRun = 0;
      this.afterSentenceEnd = false;
    }

    const trie = this.trie;
    const sym = symbolOf(trie, lowerCode);
    if (this.walkers > 0) {
      let kept = 0;
      const walkState = this.walkState;
      const walkStart = this.walkStart;
      const keyAt = trie.keyAt;
      for (let w = 0; w < this.walkers; w++) {
        const next = sym === 0 ? 0 : childOf(trie, walkState[w] as number, sym);
        if (next === 0) continue;
        const start = walkStart[w] as number;
        walkState[kept] = next;
        walkStart[kept] = start;
        kept++;
        const key = keyAt[next] as number;
        if (key !== -1) this.pend(key, start, q + 1);
      }
      this.walkers = kept;
    }
    if (starts && sym !== 0) {
      const first = trie.rootChild[sym] as number;
      if (first !== 0) {
        if (this.walkers === this.walkState.length) this.growWalkers();
        this.walkState[this.walkers] = first;
        this.walkStart[this.walkers] = q;
        this.walkers++;
        const key = trie.keyAt[first] as number;
        if (key !== -1) this.pend(key, q, q + 1);
      }
    }
    this.q = q + 1;
    if (this.pendTail === 0) return;
    while (this.pendHead < this.pendTail && (this.pendEnd[this.pendHead] as number) + LOOKAHEAD <= this.q)
      this.resolve(this.pendHead++);
    if (this.pendHead === this.pendTail) this.pendHead = this.pendTail = 0;
  }

  private pend(key: number, start: number, end: number): void {
    if (this.pendTail === this.pendKey.length) {
      this.pendKey = grown(this.pendKey);
      this.pendStart = grown(this.pendStart);
      this.pendEnd = grown(this.pendEnd);
    }
    this.pendKey[this.pendTail] = key;
    this.pendStart[this.pendTail] = start;
    this.pendEnd[this.pendTail] = end;
    this.pendTail++;
  }

  private growWalkers(): void {
    this.walkState = grown(this.walkState);
    this.walkStart = grown(this.walkStart);
  }

  /** `acceptOccurrence`, read from the ring: suffix, end boundary, capitalisation and alignment. */
  private resolve(p: number): void {
    const key = this.pendKey[p] as number;
    const start = this.pendStart[p] as number;
    const end = this.pendEnd[p] as number;
    const pattern = this.patterns[key] as Pattern;
    if (!pattern.anyCase && !this.hasCasedForm(pattern, start)) return;
    const text = pattern.anyCase ? this.lower : this.cased;
    for (const suffix of pattern.anyCase ? SUFFIXES_ANY_CASE : SUFFIXES_CASED) {
      if (suffix.length > 0 && !this.ringStartsWith(text, suffix, end)) continue;
      const full = end + suffix.length;
      if (!this.boundaryAt(full)) continue;
      // An expansion (ﬁ → "fi") must not be cut: the match has to end on a whole input character.
      if (full < this.q && this.raw[(full - 1) & MASK] === this.raw[full & MASK]) return;
      const rawStart = this.raw[start & MASK] as number;
      const rawEnd = (this.raw[(full - 1) & MASK] as number) + 1;
      this.out.add(rawStart, rawEnd, key, this.entryOf[key] as number);
      return;
    }
  }

  private boundaryAt(i: number): boolean {
    if (i >= this.q) return true;
    const slot = i & MASK;
    return this.word[slot] === 0 || this.join[slot] === JOIN_SPACE;
  }

  private ringStartsWith(ring: Uint16Array, s: string, from: number): boolean {
    if (from + s.length > this.q) return false;
    for (let k = 0; k < s.length; k++) if (ring[(from + k) & MASK] !== s.charCodeAt(k)) return false;
    return true;
  }

  private hasCasedForm(pattern: Pattern, start: number): boolean {
    for (const form of pattern.casedForms) {
      if (this.ringStartsWith(this.cased, form, start)) return true;
      if (this.isCapitalisedAt(form, start) && this.isSentenceStart(start)) return true;
    }
    return false;
  }

  /** `isCapitalisedForm` of accept.ts, read from the ring. */
  private isCapitalisedAt(form: string, start: number): boolean {
    const first = form.charAt(0);
    const upper = first.toUpperCase();
    if (upper === first || start >= this.q || this.cased[start & MASK] !== upper.charCodeAt(0)) return false;
    for (let k = 1; k < form.length; k++)
      if (start + k >= this.q || this.cased[(start + k) & MASK] !== form.charCodeAt(k)) return false;
    return true;
  }

  /**
   * `isSentenceStart` of accept.ts. Characters inside words are not written to the ring (see `scan`), so it cannot be
   * read backwards; whether each word start follows a sentence end was recorded as the text went by instead.
   */
  private isSentenceStart(start: number): boolean {
    return this.sentence[start & MASK] === 1;
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
