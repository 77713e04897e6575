import type { Matcher, SegmentMatch } from '../../core/matcher/types';
import type { ValueSegmentMatch } from '../../core/values/segments';
import { matchSegments } from '../../core/session';
import type { TextBatch } from '../../page/scan';

export interface BlockMatches {
  nodes: (Text | null)[];
  matches: SegmentMatch[];
  values: ValueSegmentMatch[];
}

/** The scanner's batches matched as the background matches them (core/session), without the page's context. */
export function matchedBlocks(batches: readonly TextBatch[], matcher: Matcher, values = false): BlockMatches[] {
  return batches.map((b) => ({ nodes: b.nodes, ...matchSegments(matcher, b.segments, values) }));
}
