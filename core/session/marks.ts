import type { SegmentMatch, SegmentPoint } from '../matcher/types';
import type { ValueMatch } from '../values/types';
import type { ValueSegmentMatch } from '../values/segments';

/** One thing to mark in a batch: a glossary term or a value of a known measure, with its place in the segments. */
export type BatchMark =
  | {
      kind: 'term';
      entryId: string;
      text: string;
      start: SegmentPoint;
      end: SegmentPoint;
      guess?: true;
      lang?: 'es';
    }
  | { kind: 'value'; value: ValueMatch; start: SegmentPoint; end: SegmentPoint; lang?: 'es' };

/** Orders points in a batch. An exclusive end at the close of segment k sorts before a start at segment k + 1. */
export function comparePoints(a: SegmentPoint, b: SegmentPoint): number {
  return a.segment - b.segment || a.offset - b.offset;
}

export function overlaps(
  a: { start: SegmentPoint; end: SegmentPoint },
  b: { start: SegmentPoint; end: SegmentPoint },
): boolean {
  return comparePoints(a.start, b.end) < 0 && comparePoints(b.start, a.end) < 0;
}

function contains(
  outer: { start: SegmentPoint; end: SegmentPoint },
  inner: { start: SegmentPoint; end: SegmentPoint },
): boolean {
  return comparePoints(outer.start, inner.start) <= 0 && comparePoints(inner.end, outer.end) <= 0;
}

/**
 * Terms and values of one batch, in document order, no two sharing a character (so wrap mode can cut text nodes from
 * the back). A term inside a value ("mg/dL" in "126 mg/dL") gives way to the value, whose card says more; a value
 * that only partly overlaps a term is left out (when in doubt, no value is explained).
 */
export function batchMarks(
  terms: readonly (SegmentMatch & { guess?: true; lang?: 'es' })[],
  values: readonly (ValueSegmentMatch & { lang?: 'es' })[],
): BatchMark[] {
  const toMark = (m: SegmentMatch & { guess?: true; lang?: 'es' }): BatchMark => ({
    kind: 'term',
    entryId: m.entryId,
    text: m.text,
    start: m.start,
    end: m.end,
    ...(m.guess ? { guess: true } : {}),
    ...(m.lang ? { lang: m.lang } : {}),
  });
  if (!values.length) return terms.map(toMark);
  const kept = values.filter((v) => !terms.some((t) => overlaps(t, v) && !contains(v, t)));
  const marks: BatchMark[] = terms.filter((t) => !kept.some((v) => contains(v, t))).map(toMark);
  for (const v of kept)
    marks.push({ kind: 'value', value: v.match, start: v.start, end: v.end, ...(v.lang ? { lang: v.lang } : {}) });
  return marks.sort((a, b) => comparePoints(a.start, b.start));
}
