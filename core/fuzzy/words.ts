/**
 * Words as the misspelling finder sees them: runs of letters in the matcher's normalised text. Digits end a word
 * here ("metforman500" holds the word "metforman") because no alias word worth correcting contains one, while
 * whole-word checks at the ends of a match still follow the matcher's own rule (`isWordBoundary`).
 */
import { CLASS_DIGIT, CLASS_JOINER, charClass } from '../text/chars';
import { JOIN_SPACE, normalizeKey, type NormalizedText } from '../text/normalize';

/** Letters and combining marks continue a word; digits, connectors ("_"), punctuation, spaces and U+0000 do not. */
export function isLetterCode(code: number): boolean {
  const cls = charClass(code);
  return cls !== 0 && (cls & (CLASS_DIGIT | CLASS_JOINER)) === 0;
}

/** Calls `visit(start, end)` for every maximal run of letters in `s`. */
export function forEachLetterRun(s: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isLetterCode(s.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(start, i);
      start = -1;
    }
  }
  if (start >= 0) visit(start, s.length);
}

/** The letter runs of `text` folded as the matcher folds alias keys ("Type-2 Diabetes" → ["type", "diabetes"]). */
export function foldedWords(text: string): string[] {
  const key = normalizeKey(text);
  const out: string[] = [];
  forEachLetterRun(key, (start, end) => out.push(key.slice(start, end)));
  return out;
}

/**
 * The matcher's whole-word rule at normalised index `i`, looking back (`before`, a match starting at i) or ahead
 * (a match ending at i): the neighbour is no letter or digit, or a whitespace run was dropped between them by the
 * letter→digit rule ("metformin|500" is two words, "DPP-|4" is one).
 */
export function isWordBoundary(nt: NormalizedText, i: number, before: boolean): boolean {
  const { lower } = nt;
  if (before ? i === 0 : i >= lower.length) return true;
  if (charClass(lower.charCodeAt(before ? i - 1 : i)) === 0) return true;
  return nt.joins[i] === JOIN_SPACE;
}
