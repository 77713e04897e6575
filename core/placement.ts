/**
 * Where the explanation card goes, given its term's line boxes and the card's natural size: below the term when it
 * fits, else above, else on whichever side has more room, as tall as that room allows (the card then scrolls
 * inside). Sideways it starts at the term and is shifted to stay on screen. Pure, so it is tested without a browser.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
  side: 'below' | 'above';
}

/** Space kept between the card and the viewport's edges, and between the card and its term. */
export const EDGE = 8;
export const GAP = 4;
/** Less room than this on both sides, and the card covers its term rather than shrink to a slit. */
export const MIN_USEFUL_HEIGHT = 140;

/** The line box the reader points at (a wrapped term has one per line), else the first. */
export function pickLine(lines: readonly Box[], point?: { x: number; y: number }): Box | undefined {
  const hit = point && lines.find((r) => point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom);
  return hit ?? lines[0];
}

export function placeCard(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const width = Math.min(size.width, Math.max(0, viewport.width - 2 * EDGE));
  const below = viewport.height - EDGE - (anchor.bottom + GAP);
  const above = anchor.top - GAP - EDGE;
  let side: Placement['side'];
  if (size.height <= below) side = 'below';
  else if (size.height <= above) side = 'above';
  else side = below >= above ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? below : above);
  let height = Math.min(size.height, room);
  let y = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - height;
  if (height < Math.min(size.height, MIN_USEFUL_HEIGHT)) {
    // Neither side has room for a useful card (a short screen, a term at the edge): the card may cover its term.
    height = Math.min(size.height, Math.max(0, viewport.height - 2 * EDGE));
    y = Math.max(EDGE, Math.min(anchor.bottom + GAP, viewport.height - EDGE - height));
  }
  const maxX = viewport.width - EDGE - width;
  const x = Math.max(EDGE, Math.min(anchor.left, maxX));
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), side };
}
