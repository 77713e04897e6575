/**
 * How far a word on the page may be from an alias word and still be read as its misspelling. One table, so tuning
 * on data changes one place; the build records the table it used in the data, so the page side always agrees with
 * the index it was given (an index built for 1 edit cannot find words 2 edits away).
 */

export interface EditThreshold {
  /** Applies to words of at least this many folded characters (until the next row's `minLength`). */
  minLength: number;
  /** Most edits (insert, delete, substitute, swap neighbours) allowed. */
  maxEdits: number;
}

/**
 * Rows in increasing `minLength`. Under 6 letters nothing: short words have too many real neighbours ("statin" is
 * already one letter from "stating", "satin"). 10 letters and more can take two typos before looking like
 * another word.
 */
export const EDIT_THRESHOLDS: readonly EditThreshold[] = [
  { minLength: 6, maxEdits: 1 },
  { minLength: 10, maxEdits: 2 },
];

/** Edits allowed for a word of `length` folded characters under `table` (0: never fuzzy). */
export function maxEditsFor(length: number, table: readonly EditThreshold[] = EDIT_THRESHOLDS): number {
  let edits = 0;
  for (const row of table) if (length >= row.minLength) edits = row.maxEdits;
  return edits;
}

/** Edits allowed between two words: the stricter of their lengths' rows, so a short typo never counts as long. */
export function maxEditsBetween(a: number, b: number, table: readonly EditThreshold[] = EDIT_THRESHOLDS): number {
  return Math.min(maxEditsFor(a, table), maxEditsFor(b, table));
}

/** The shortest word the table lets be fuzzy; shorter tokens are never looked up. */
export function shortestFuzzyLength(table: readonly EditThreshold[] = EDIT_THRESHOLDS): number {
  for (const row of table) if (row.maxEdits > 0) return row.minLength;
  return Number.POSITIVE_INFINITY;
}

/** The most edits any row allows: how much longer than an alias word a page word can be and still be near it. */
export function mostEdits(table: readonly EditThreshold[] = EDIT_THRESHOLDS): number {
  return table.reduce((m, row) => Math.max(m, row.maxEdits), 0);
}
