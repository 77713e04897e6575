/**
 * Decides whether a raw key occurrence in normalised text is a real term mention: whole word on both sides (after an
 * optional plural/possessive suffix), right capitalisation for case-exact aliases, and aligned with whole input
 * characters. Works on normalised offsets only.
 *
 * This is the plain statement of the rules, over a whole normalised text. The page scanner (`stream.ts`) applies the
 * same rules as it goes, from a small ring of recent characters, and a property test holds it to this one.
 */
import { isWordChar } from '../text/chars';
import { JOIN_SPACE, type NormalizedText } from '../text/normalize';
import type { Pattern } from './patterns';

/** Suffixes any case-insensitive alias may take, longest first ("GLP-1s", "ADA's", "patients'", "glasses"). */
export const SUFFIXES_ANY_CASE = ["'s", "s'", 'es', 's', ''] as const;
/** Case-exact aliases are acronyms: "ADAs" / "ADA's", but "ADAES" is not a plural of anything. */
export const SUFFIXES_CASED = ["'s", 's', ''] as const;

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

function hasCasedForm(nt: NormalizedText, pattern: Pattern, start: number): boolean {
  for (const form of pattern.casedForms) if (nt.cased.startsWith(form, start)) return true;
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
