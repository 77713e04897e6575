/** Public shapes of the term matcher. Offsets are UTF-16 indices, ranges are half-open [start, end). */

/** A glossary term found in a plain string. */
export interface Match {
  entryId: string;
  /** Index in the original text of the first character of the match. */
  start: number;
  /** Index just past the match in the original text, including a plural/possessive suffix ("GLP-1s", "ADA's"). */
  end: number;
  /** `text.slice(start, end)`: the surface form the reader sees. */
  text: string;
  /** Found through a `topicOnly` alias: to be marked only on a page about diabetes or metabolic health. */
  topicOnly?: true;
  /** Found through a `withEntry` alias: to be marked only on a page that names the entry unambiguously too. */
  withEntry?: true;
  /** Found through a key the glossary writes capitalised somewhere (a brand, a name), not only as a common noun. */
  proper?: true;
}

/** A position inside one of the segments (text nodes) of a block. */
export interface SegmentPoint {
  segment: number;
  offset: number;
}

/**
 * A glossary term found across the text nodes of one block. `start` points at the first character; `end` is the
 * exclusive end inside the segment holding the last character (so `end.offset` may equal that segment's length).
 * Both map directly onto a DOM Range: setStart(nodes[start.segment], start.offset), setEnd(nodes[end.segment], end.offset).
 */
export interface SegmentMatch {
  entryId: string;
  start: SegmentPoint;
  end: SegmentPoint;
  /** The surface text, concatenated across segments ("HbA" + "1c" → "HbA1c"). */
  text: string;
  topicOnly?: true;
  withEntry?: true;
  proper?: true;
}

/** The flags a match carries from its key to the page-context rules (core/context). */
export type MatchFlags = Pick<Match, 'topicOnly' | 'withEntry' | 'proper'>;

/** Only the flags that are set, so a match never carries `topicOnly: undefined` and equality stays exact. */
export function flagsOf(source: MatchFlags): MatchFlags {
  const flags: MatchFlags = {};
  if (source.topicOnly) flags.topicOnly = true;
  if (source.withEntry) flags.withEntry = true;
  if (source.proper) flags.proper = true;
  return flags;
}

/**
 * Reads the matches of one joined text in context before they are placed (see `core/context`): returns the ones
 * to keep, in order.
 */
export type MatchRefiner = (text: string, matches: Match[]) => Match[];

export interface MatcherStats {
  /** Distinct normalised alias keys compiled (plural "ies" variants included). */
  patterns: number;
  /** States in the automaton. */
  states: number;
  /** Longest compiled key in normalised characters: a chunked scanner should overlap chunks by at least this. */
  longestKey: number;
}

export interface Matcher {
  /** All glossary terms in `text`, leftmost-longest, sorted and non-overlapping. */
  findMatches(text: string): Match[];
  /**
   * Same as `findMatches` over `segments.join('')`, with positions given per segment. Segments are the text nodes of
   * one block in document order with nothing inserted between them; a caller that wants a break (e.g. at `<br>`)
   * passes a "\n" segment for it (a separator to the matcher, a line end to the context rules).
   */
  findMatchesInSegments(segments: readonly string[], refine?: MatchRefiner): SegmentMatch[];
  readonly stats: MatcherStats;
}
