import type { ValueMatch } from '../../core/values';

/**
 * The values found in each block on its own, moved to where the block stands in `blocks.join('\u0000')`: what the
 * finder must find in the joined text if it never reads across a block boundary.
 */
export function valuesByBlock(blocks: readonly string[], find: (text: string) => ValueMatch[]): ValueMatch[] {
  const parts: ValueMatch[] = [];
  let offset = 0;
  for (const b of blocks) {
    for (const m of find(b))
      parts.push({
        ...m,
        start: m.start + offset,
        end: m.end + offset,
        name: { ...m.name, start: m.name.start + offset, end: m.name.end + offset },
      });
    offset += b.length + 1;
  }
  return parts;
}
