/**
 * Matching across the text nodes of one block. Inline markup splits words into several nodes ("HbA" + <sub>"1c"</sub>,
 * <b>"insulin"</b> + " resistance"), so the DOM layer hands over the block's text nodes; we match their plain
 * concatenation and translate offsets back to (segment, offset) pairs. Prefix sums make that a binary search.
 */
import type { SegmentPoint } from './types';

export interface JoinedSegments {
  text: string;
  /** starts[k] = offset of segment k in `text`; one extra entry holds text.length. */
  starts: Uint32Array;
}

export function joinSegments(segments: readonly string[]): JoinedSegments {
  const starts = new Uint32Array(segments.length + 1);
  let offset = 0;
  segments.forEach((s, k) => {
    starts[k] = offset;
    offset += s.length;
  });
  starts[segments.length] = offset;
  return { text: segments.join(''), starts };
}

/** The segment holding character `pos` (0 <= pos < text.length): the last segment starting at or before it. */
function segmentOf(starts: Uint32Array, pos: number): number {
  // Empty segments share their start with the next one; taking the last candidate skips them.
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where character `pos` sits. */
export function pointAt(joined: JoinedSegments, pos: number): SegmentPoint {
  const segment = segmentOf(joined.starts, pos);
  return { segment, offset: pos - (joined.starts[segment] as number) };
}

/**
 * Where an exclusive end `pos` (> 0) sits: in the segment of the last included character, so a range never ends at
 * offset 0 of a following node, which would make the DOM layer wrap an empty piece of it.
 */
export function endPointAt(joined: JoinedSegments, pos: number): SegmentPoint {
  const segment = segmentOf(joined.starts, pos - 1);
  return { segment, offset: pos - (joined.starts[segment] as number) };
}
