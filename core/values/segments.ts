/**
 * `findValues` over the text nodes of one block, with positions per node, for the DOM layer: the same contract as the
 * matcher's `findMatchesInSegments` (see core/matcher/types.ts), so both kinds of marks map onto DOM Ranges alike.
 */
import { endPointAt, joinSegments, pointAt } from '../matcher/segments';
import type { SegmentPoint } from '../matcher/types';
import type { Lang } from '../glossary/types';
import { findValues } from './find';
import type { ValueMatch } from './types';

export interface ValueSegmentMatch {
  /** Offsets in `match` are into the concatenation of the segments. */
  match: ValueMatch;
  /** First character of the value: setStart(nodes[start.segment], start.offset). */
  start: SegmentPoint;
  /** Exclusive end, inside the segment of the value's last character: setEnd(nodes[end.segment], end.offset). */
  end: SegmentPoint;
}

/**
 * Values in one block given as its text nodes in document order, nothing inserted between them (a caller that wants a
 * break, e.g. at `<br>`, passes a "\n" segment for it), read as text in `lang`.
 */
export function findValuesInSegments(segments: readonly string[], lang: Lang = 'en'): ValueSegmentMatch[] {
  const joined = joinSegments(segments);
  return findValues(joined.text, lang).map((match) => ({
    match,
    start: pointAt(joined, match.start),
    end: endPointAt(joined, match.end),
  }));
}
