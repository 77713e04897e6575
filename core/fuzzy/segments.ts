/**
 * Misspellings in one block's text nodes, placed like the matcher's marks (see core/matcher/segments.ts), for the
 * page session: each is a match of its entry flagged `guess`, and `topicOnly`, so that a page not about diabetes
 * never gets one. Words the page already has a mark for, and words the reader said are no misspelling, are left out.
 */
import { endPointAt, joinSegments, pointAt } from '../matcher/segments';
import type { SegmentMatch, SegmentPoint } from '../matcher/types';
import type { Misspelling } from './types';

/** What the session needs of a finder (core/fuzzy/find.ts). */
export interface FindsMisspellings {
  find(text: string): Misspelling[];
}

/** A mark of an entry the page misspells: its `text` is what the page wrote. */
export type GuessMatch = SegmentMatch & { guess: true };

interface Placed {
  start: SegmentPoint;
  end: SegmentPoint;
}

function before(a: SegmentPoint, b: SegmentPoint): boolean {
  return a.segment < b.segment || (a.segment === b.segment && a.offset < b.offset);
}

function overlaps(a: Placed, b: Placed): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}

export function findMisspellingsInSegments(
  finder: FindsMisspellings,
  segments: readonly string[],
  marked: readonly Placed[],
  leftAlone: ReadonlySet<string>,
): GuessMatch[] {
  const joined = joinSegments(segments);
  const found: GuessMatch[] = [];
  for (const m of finder.find(joined.text)) {
    if (leftAlone.has(m.wrote.toLowerCase())) continue;
    const placed = { start: pointAt(joined, m.start), end: endPointAt(joined, m.end) };
    if (marked.some((x) => overlaps(x, placed))) continue;
    found.push({ entryId: m.entryId, text: m.wrote, ...placed, topicOnly: true, guess: true });
  }
  return found;
}
