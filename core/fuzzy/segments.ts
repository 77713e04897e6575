/**
 * Misspellings in one block's text nodes, placed like the matcher's marks (see core/matcher/segments.ts), for the
 * page session: each is a match of its entry flagged `guess`, and `topicOnly`, so that a page not about diabetes
 * never gets one. Words the reader said are no misspelling are left out; the session drops those it has marked.
 */
import { endPointAt, joinSegments, pointAt } from '../matcher/segments';
import type { SegmentMatch } from '../matcher/types';
import type { Misspelling } from './types';

/** What the session needs of a finder (core/fuzzy/find.ts). */
export interface FindsMisspellings {
  find(text: string): Misspelling[];
}

/** A mark of an entry the page misspells: its `text` is what the page wrote. */
export type GuessMatch = SegmentMatch & { guess: true };

export function findMisspellingsInSegments(
  finder: FindsMisspellings,
  segments: readonly string[],
  leftAlone: ReadonlySet<string>,
): GuessMatch[] {
  const joined = joinSegments(segments);
  const found: GuessMatch[] = [];
  for (const m of finder.find(joined.text)) {
    if (leftAlone.has(m.wrote.toLowerCase())) continue;
    const placed = { start: pointAt(joined, m.start), end: endPointAt(joined, m.end) };
    found.push({ entryId: m.entryId, text: m.wrote, ...placed, topicOnly: true, guess: true });
  }
  return found;
}
