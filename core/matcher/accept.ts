/**
 * Decides whether a raw key occurrence in normalised text is a real term mention: whole word on both sides (after an
 * optional plural/possessive suffix), right capitalisation for case-exact aliases, and aligned with whole input
 * characters. Works on normalised offsets only.
 *
 * This is the plain statement of the rules, over a whole normalised text. The page scanner (`stream.ts`) applies the
 * same rules as it goes, from a small ring of recent characters, and a property test holds it to this one.
 */
import { isWordChar } from '../text/chars';
import { SUFFIXES_ANY_CASE, SUFFIXES_CASED } from '../text/plurals';
import { JOIN_SPACE, type NormalizedText } from '../text/normalize';
import type { Pattern } from './patterns';

/**
 * True when a word may start at normalised index `i` (or end just before it): the neighbouring character is not a
 * letter or digit, or a whitespace run was dropped between them by the letter→digit rule ("metformin|500").
 */
function isBoundary(nt: NormalizedText, i: number, before: boolean): boolean {
  const { lower } = nt;
  if (before ? i === 0 : i === lower.length) return true;
  if (!isWordChar(lower.charCodeAt(before ? i - 1 : i))) return true;
  return nt.joins[i] === JOIN_SPACE;
}

/**
 * Expansions (ﬁ → "fi", β → "beta") produce several normalised characters from one input character; a match must
 * not begin or end inside one, or it could not be mapped back to whole input characters.
 */
function isAligned(nt: NormalizedText, start: number, end: number): boolean {
  const map = nt.toOriginal;
  if (start > 0 && map[start - 1] === map[start]) return false;
  if (end < nt.lower.length && map[end - 1] === map[end]) return false;
  return true;
}

/**
 * Characters after which a sentence, heading or list item starts, so a lowercase case-exact alias may be capitalised
 * there ("Lancets are…" for "lancet", which stays bare inside "The Lancet"). U+0000 is the scanner's block boundary.
 */
export const SENTENCE_ENDS = '.!?:;•·\u0000';
/** Skipped when looking back for a sentence end: spaces, opening quotes and brackets ("(Lancets…", "“Lancets…"). */
export const SENTENCE_OPENERS = ' "\'(["“‘';
/** How far back, past spaces and openers, a sentence end is looked for. */
export const SENTENCE_LOOKBACK = 4;

/** True when `form` (a case-exact spelling starting lowercase) stands at `start` of `text` with only its first letter raised. */
function isCapitalisedForm(text: string, form: string, start: number): boolean {
  const first = form.charAt(0);
  const upper = first.toUpperCase();
  return upper !== first && text.charAt(start) === upper && text.startsWith(form.slice(1), start + 1);
}

function isSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1, seen = 0; seen <= SENTENCE_LOOKBACK; i--, seen++) {
    if (i < 0) return true;
    const ch = text.charAt(i);
    if (SENTENCE_ENDS.includes(ch)) return true;
    if (!SENTENCE_OPENERS.includes(ch)) return false;
  }
  return false;
}

function hasCasedForm(nt: NormalizedText, pattern: Pattern, start: number): boolean {
  for (const form of pattern.casedForms) {
    if (nt.cased.startsWith(form, start)) return true;
    if (isCapitalisedForm(nt.cased, form, start) && isSentenceStart(nt.cased, start)) return true;
  }
  return false;
}

/**
 * Returns the normalised end (after any suffix) if the key occurrence [start, end) of `pattern` is a term mention,
 * or -1. Suffixes are tried longest first so "ADA's" takes the "'s"; the bare key is tried last.
 */
export function acceptOccurrence(nt: NormalizedText, pattern: Pattern, start: number, end: number): number {
  if (!isBoundary(nt, start, true)) return -1;
  if (!pattern.anyCase && !hasCasedForm(nt, pattern, start)) return -1;
  // Suffixes are compared in `lower` for ordinary aliases and in `cased` for case-exact ones ("ADAS" is no plural).
  const text = pattern.anyCase ? nt.lower : nt.cased;
  const suffixes = pattern.anyCase ? SUFFIXES_ANY_CASE : SUFFIXES_CASED;
  for (const suffix of suffixes) {
    if (suffix.length > 0 && !text.startsWith(suffix, end)) continue;
    const full = end + suffix.length;
    if (isBoundary(nt, full, false)) return isAligned(nt, start, full) ? full : -1;
  }
  return -1;
}
