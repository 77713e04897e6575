/**
 * Normalises only the stretch of text around one word, with the same result there as normalising the whole text.
 *
 * Why it is exact: the normaliser's only state between characters is a pending separator run and the class of the
 * last kept character. A window that starts at a kept character (not a separator, not an invisible) carries no
 * pending run into what follows it, and the class it leaves behind is that character's own; a window that ends one
 * kept character past what we read has decided every separator run inside it. Every kept character gives at least
 * one normalised character, so counting kept characters bounds how many normalised ones a stretch holds.
 */
import { KIND_DASH, KIND_DROP, KIND_SPACE, charKind } from '../text/chars';
import { normalizeText, type NormalizedText } from '../text/normalize';

export interface TextWindow {
  nt: NormalizedText;
  /** Input index where the window starts: add it to `nt.toOriginal` values for offsets in the whole text. */
  base: number;
  /** The word's normalised start and end in `nt`. */
  start: number;
  end: number;
}

const isKept = (code: number): boolean => {
  const kind = charKind(code);
  return kind !== KIND_SPACE && kind !== KIND_DASH && kind !== KIND_DROP;
};

/**
 * The normalised window around the word at [rawStart, rawEnd) of `text`, holding at least `before` normalised
 * characters before it and `after` after it, plus the neighbours the whole-word checks look at (or up to the text's
 * ends). Undefined if the word does not begin and end on normalised characters of its own (half of an expansion).
 */
export function windowAround(
  text: string,
  rawStart: number,
  rawEnd: number,
  before: number,
  after: number,
): TextWindow | undefined {
  // One more kept character on each side for the whole-word neighbour, one more to cut safely beyond it.
  let from = rawStart;
  for (let kept = 0; from > 0 && kept < before + 2;) if (isKept(text.charCodeAt(--from))) kept++;
  let to = rawEnd;
  for (let kept = 0; to < text.length && kept < after + 2;) if (isKept(text.charCodeAt(to++))) kept++;
  const nt = normalizeText(text.slice(from, to));
  const map = nt.toOriginal;
  const first = rawStart - from;
  const last = rawEnd - 1 - from;
  let start = 0;
  while (start < nt.lower.length && (map[start] as number) < first) start++;
  let end = start;
  while (end < nt.lower.length && (map[end] as number) <= last) end++;
  if (start >= end || map[start] !== first || map[end - 1] !== last) return undefined;
  return { nt, base: from, start, end };
}
