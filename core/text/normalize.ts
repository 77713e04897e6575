/**
 * Text normalisation shared by glossary aliases and page text, so that both sides of a comparison are folded the
 * same way: "GLP‑1", "GLP1" and "GLP 1" all become "glp1"; "HbA₁c" becomes "hba1c"; "β-cell" becomes "beta cell".
 *
 * One linear pass over UTF-16 code units writes into pre-sized typed arrays; every output character remembers the
 * input index it came from (`toOriginal`) so a match found in normalised text maps back to an exact page range.
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
} from './chars';

/** No separator was removed before this character. */
export const JOIN_NONE = 0;
/** A whitespace-only separator run between a letter and a digit was removed before this character ("type 2"). */
export const JOIN_SPACE = 1;
/** A run containing a hyphen or dash between a letter and a digit was removed before this character ("GLP-1"). */
export const JOIN_DASH = 2;

export interface NormalizedText {
  /** Normalised and lowercased per character; what the matcher scans. */
  lower: string;
  /**
   * Normalised, original case; same length as `lower`, used to check case-exact aliases. In both strings an unpaired
   * surrogate (malformed input) reads as U+FFFD; paired surrogates (emoji) are kept.
   */
  cased: string;
  /**
   * `toOriginal[i]` is the index in the input of the code unit that produced normalised character i (an expansion
   * like β → "beta" maps all four to the β). One extra trailing entry holds the input length.
   */
  toOriginal: Uint32Array;
  /**
   * `joins[i]` says which kind of separator run (JOIN_*) was dropped right before normalised character i. The matcher
   * needs it because the letter→digit rule glues words to numbers: "metformin 500 mg" becomes "metformin500 mg", yet
   * "metformin" must still be a whole word there, while "DPP" inside "DPP-4" must not be. A dropped whitespace run
   * still counts as a word boundary; a dropped hyphen does not.
   */
  joins: Uint8Array;
}

const SPACE = 0x20;

/** `String.fromCharCode.apply` takes its arguments on the stack; chunks this size are safe and fast everywhere. */
const CHUNK = 4096;

/** Builds a string from UTF-16 codes (never containing unpaired surrogates, see `surrogateOrReplacement`). */
function codesToString(codes: Uint16Array, length: number): string {
  // Typed arrays are accepted by apply() at runtime; the cast only satisfies the `number[]` signature.
  if (length <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  // Chromium's UTF-16 TextDecoder was several times slower than this on page-sized batches.
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/**
 * Normalises `text` for matching. Rules, in one pass:
 * - dashes and hyphens (any Unicode dash) and whitespace (incl. NBSP) are separators; a run of separators becomes
 *   one space, except between a letter and a digit, where it is removed ("GLP-1" → "glp1", "type 2" → "type2");
 * - soft hyphens, zero-width characters and bidi marks are removed;
 * - super/subscript digits, fullwidth forms and ligatures are NFKC-folded; β/α are spelled out; curly apostrophes
 *   become "'";
 * - `lower` is lowercased per character.
 */
export function normalizeText(text: string): NormalizedText {
  const n = text.length;
  // Output buffers live in locals (not object fields) so the hot loop is plain typed-array stores. Every input
  // character gives at most one output character (a run of separators gives one space), so `n` is enough unless
  // expansions (β → beta, ﬃ → ffi) add more; each one makes sure the rest of the text still fits (see below).
  let capacity = n;
  let lower: Uint16Array = new Uint16Array(capacity);
  let cased: Uint16Array = new Uint16Array(capacity);
  let map = new Uint32Array(capacity + 1);
  let joins = new Uint8Array(capacity);
  let length = 0;

  let pendingSep = JOIN_NONE; // kind of separator run waiting to be written (JOIN_SPACE or JOIN_DASH)
  let sepOrigin = 0; // input index of the first character of that run
  let prevClass = 0; // class of the last written character

  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const kind = charKind(code);
    if (kind === KIND_SPACE || kind === KIND_DASH) {
      if (pendingSep === JOIN_NONE) sepOrigin = i;
      // A run is "dash" as soon as it contains one: "GLP - 1" binds as tightly as "GLP-1".
      if (kind === KIND_DASH) pendingSep = JOIN_DASH;
      else if (pendingSep === JOIN_NONE) pendingSep = JOIN_SPACE;
      continue;
    }
    if (kind === KIND_DROP) continue;

    const expansion = kind === KIND_EXPAND ? expansionOf(code) : undefined;
    const count = expansion === undefined ? 1 : expansion.length;
    // The most the text can still need: a pending space, this character's output, and one for each character after
    // it (a trailing separator run included). Only an expansion can make that exceed what is left.
    const needed = length + 1 + count + (n - i - 1);
    if (needed > capacity) {
      capacity = Math.max(needed, capacity * 2);
      lower = grow16(lower, capacity, length);
      cased = grow16(cased, capacity, length);
      const biggerMap = new Uint32Array(capacity + 1);
      biggerMap.set(map.subarray(0, length));
      map = biggerMap;
      const biggerJoins = new Uint8Array(capacity);
      biggerJoins.set(joins.subarray(0, length));
      joins = biggerJoins;
    }
    const single = kind === KIND_SURROGATE ? surrogateOrReplacement(text, i, code) : code;
    for (let k = 0; k < count; k++) {
      const ch = expansion === undefined ? single : expansion.charCodeAt(k);
      const cls = charClass(ch);
      let join = JOIN_NONE;
      if (pendingSep !== JOIN_NONE) {
        if ((prevClass & CLASS_LETTER) !== 0 && (cls & CLASS_DIGIT) !== 0) {
          join = pendingSep; // letter→digit: drop the run, remember it for word boundaries
        } else {
          lower[length] = SPACE;
          cased[length] = SPACE;
          map[length] = sepOrigin;
          joins[length] = JOIN_NONE;
          length++;
        }
        pendingSep = JOIN_NONE;
      }
      lower[length] = lowerOf(ch);
      cased[length] = ch;
      map[length] = i;
      joins[length] = join;
      length++;
      prevClass = cls;
    }
  }
  if (pendingSep !== JOIN_NONE) {
    // Room was kept for it: the run's characters produced nothing yet.
    lower[length] = SPACE;
    cased[length] = SPACE;
    map[length] = sepOrigin;
    joins[length] = JOIN_NONE;
    length++;
  }
  map[length] = n;

  return {
    lower: codesToString(lower, length),
    cased: codesToString(cased, length),
    // Views, not copies: the buffers are no longer than the text (or, after an expansion, what it could still need).
    toOriginal: map.subarray(0, length + 1),
    joins: joins.subarray(0, length),
  };
}

/**
 * A surrogate half is kept when it is part of a pair; an unpaired one becomes U+FFFD, so the output is well-formed
 * UTF-16 and can be decoded in one native call. Still one code unit: offsets do not shift.
 */
export function surrogateOrReplacement(text: string, i: number, code: number): number {
  if (code <= 0xdbff) {
    const next = text.charCodeAt(i + 1); // NaN past the end
    return next >= 0xdc00 && next <= 0xdfff ? code : 0xfffd;
  }
  const prev = text.charCodeAt(i - 1);
  return prev >= 0xd800 && prev <= 0xdbff ? code : 0xfffd;
}

function grow16(array: Uint16Array, capacity: number, used: number): Uint16Array {
  const bigger = new Uint16Array(capacity);
  bigger.set(array.subarray(0, used));
  return bigger;
}

/** Separators at the ends of an alias mean nothing ("GLP-1 " is "GLP-1"); normalisation leaves at most one each. */
function trimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  if (start < end && s.charCodeAt(start) === SPACE) start++;
  if (start < end && s.charCodeAt(end - 1) === SPACE) end--;
  return s.slice(start, end);
}

/** The lowercase normalised form of an alias: what the matcher compiles and what duplicate checks compare. */
export function normalizeKey(alias: string): string {
  return trimSpace(normalizeText(alias).lower);
}

/** The normalised form of an alias keeping its case, for `matchCase` aliases ("ADA" must not match "Ada"). */
export function normalizeKeyCased(alias: string): string {
  return trimSpace(normalizeText(alias).cased);
}

/**
 * One character folded by the normaliser's own per-character rules (lowercase, β → beta, HbA₁c's ₁ → 1, dropped
 * invisibles), with separators (spaces, dashes) folded to nothing: for folding that must map each character back to
 * where it stood, as search emphasis does. `ch` is one code point.
 */
export function foldCharacter(ch: string): string {
  let out = '';
  for (let k = 0; k < ch.length; k++) {
    const code = ch.charCodeAt(k);
    const kind = charKind(code);
    if (kind === KIND_SPACE || kind === KIND_DASH || kind === KIND_DROP) continue;
    if (kind === KIND_EXPAND) {
      const expansion = expansionOf(code);
      for (let j = 0; j < expansion.length; j++) out += String.fromCharCode(lowerOf(expansion.charCodeAt(j)));
    } else {
      out += String.fromCharCode(kind === KIND_SURROGATE ? code : lowerOf(code));
    }
  }
  return out;
}
