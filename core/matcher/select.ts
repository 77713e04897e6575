/**
 * Leftmost-longest selection: among accepted occurrences, the one starting first wins; at the same start, the longest
 * ("type 2 diabetes mellitus" over "type 2 diabetes"); anything overlapping a chosen match is dropped. This is what a
 * reader expects from highlighting and guarantees the DOM layer never gets nested or crossing ranges.
 *
 * One refinement: an occurrence of the SAME entry that overlaps the chosen one and reaches further extends it, so
 * "once-weekly insulin icodec" (aliases "once-weekly insulin" and "insulin icodec") is one highlight, not a
 * highlight followed by a stray "icodec".
 */

/** Accepted occurrences in normalised offsets, collected in parallel arrays to keep allocation flat. */
export class Candidates {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Key (pattern) index of each occurrence. */
  readonly keys: number[] = [];
  /** Entry ordinal of each occurrence, for the same-entry merge. */
  readonly entries: number[] = [];

  add(start: number, end: number, key: number, entry: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.keys.push(key);
    this.entries.push(entry);
  }

  get size(): number {
    return this.starts.length;
  }
}

export interface Selected {
  start: number;
  end: number;
  /** Key of the occurrence that won the start position. */
  key: number;
}

/** The chosen matches, in text order, non-overlapping. */
export function selectLeftmostLongest(candidates: Candidates): Selected[] {
  const { starts, ends, keys, entries } = candidates;
  const order = Array.from({ length: candidates.size }, (_, i) => i);
  order.sort((a, b) => (starts[a] as number) - (starts[b] as number) || (ends[b] as number) - (ends[a] as number));
  const chosen: Selected[] = [];
  let last: Selected | undefined;
  let lastEntry = -1;
  for (const i of order) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    if (last !== undefined && start < last.end) {
      if (entries[i] === lastEntry && end > last.end) last.end = end;
      continue;
    }
    last = { start, end, key: keys[i] as number };
    lastEntry = entries[i] as number;
    chosen.push(last);
  }
  return chosen;
}
