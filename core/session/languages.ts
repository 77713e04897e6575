/**
 * A batch's blocks by language: the blocks are cut at the block boundary the content script puts between them, each
 * is given its language (core/language), and each language's blocks become one batch of their own for that
 * language's matcher, with a map back to the segments of the batch they came from.
 */
import type { Lang } from '../glossary/types';
import type { PageLanguage } from '../language/detect';
import type { SegmentPoint } from '../matcher/types';

/** The separator the content script writes between blocks (page/scan.ts). */
const BLOCK_BOUNDARY = '\u0000';

export interface LanguagePart {
  lang: Lang;
  segments: readonly string[];
  /** `origin[i]` is the index in the batch of this part's segment i; null when the part is the whole batch. */
  origin: readonly number[] | null;
}

/** `declared`: the language the page's markup gives these blocks, which decides for those too short to tell. */
export function splitByLanguage(segments: readonly string[], language: PageLanguage, declared?: Lang): LanguagePart[] {
  const blocks: { lang: Lang; from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i <= segments.length; i++) {
    if (i < segments.length && segments[i] !== BLOCK_BOUNDARY) continue;
    if (i > from) {
      const lang = language.of(segments.slice(from, i).join(''), declared);
      const last = blocks[blocks.length - 1];
      if (last && last.lang === lang) last.to = i;
      else blocks.push({ lang, from, to: i });
    }
    from = i + 1;
  }
  if (blocks.length <= 1) return [{ lang: blocks[0]?.lang ?? declared ?? language.page, segments, origin: null }];
  const parts = new Map<Lang, { segments: string[]; origin: number[] }>();
  for (const block of blocks) {
    let part = parts.get(block.lang);
    if (!part) parts.set(block.lang, (part = { segments: [], origin: [] }));
    else {
      part.segments.push(BLOCK_BOUNDARY);
      part.origin.push(block.from - 1);
    }
    for (let i = block.from; i < block.to; i++) {
      part.segments.push(segments[i] as string);
      part.origin.push(i);
    }
  }
  return [...parts].map(([lang, p]) => ({ lang, segments: p.segments, origin: p.origin }));
}

/** A point in a part, as a point in the batch it came from. */
export function toBatchPoint(point: SegmentPoint, origin: readonly number[] | null): SegmentPoint {
  return origin ? { segment: origin[point.segment] as number, offset: point.offset } : point;
}
