/**
 * Where the explanation card goes, given its term's line boxes and the card's natural size, in this order:
 * 1. below the term, when it fits; 2. above it; 3. beside it (right, then left), where there is room sideways: the
 * term stays in sight; 4. over part of its term, moved up or down until it fits. From step 3 on, the card is as tall
 * as it is or as the screen is: it scrolls inside only on a screen shorter than itself, never because one side of
 * its term was short. Sideways it starts at the term and is shifted to stay on screen. Pure, so it is tested
 * without a browser.
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
  side: 'below' | 'above' | 'right' | 'left' | 'over';
}

/** Space kept between the card and the viewport's edges, and between the card and its term. */
export const EDGE = 8;
export const GAP = 4;

/** The line box the reader points at (a wrapped term has one per line), else the first. */
export function pickLine(lines: readonly Box[], point?: { x: number; y: number }): Box | undefined {
  const hit =
    point && lines.find((r) => point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom);
  return hit ?? lines[0];
}

export function placeCard(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const width = Math.min(size.width, Math.max(0, viewport.width - 2 * EDGE));
  const screenHeight = Math.max(0, viewport.height - 2 * EDGE);
  const below = viewport.height - EDGE - (anchor.bottom + GAP);
  const above = anchor.top - GAP - EDGE;
  const startX = Math.max(EDGE, Math.min(anchor.left, viewport.width - EDGE - width));
  const done = (x: number, y: number, height: number, side: Placement['side']): Placement => ({
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
    side,
  });
  /** `y` moved as little as it takes for `height` to fit the screen. */
  const onScreen = (y: number, height: number) => Math.max(EDGE, Math.min(y, viewport.height - EDGE - height));

  if (size.height <= below) return done(startX, anchor.bottom + GAP, size.height, 'below');
  if (size.height <= above) return done(startX, anchor.top - GAP - size.height, size.height, 'above');
  // As tall as it is, or as the screen is (then, and only then, it scrolls inside).
  const height = Math.min(size.height, screenHeight);
  // Beside the term, level with it as far as the screen allows.
  const y = onScreen(anchor.top - EDGE, height);
  if (viewport.width - EDGE - (anchor.right + GAP) >= width) return done(anchor.right + GAP, y, height, 'right');
  if (anchor.left - GAP - EDGE >= width) return done(anchor.left - GAP - width, y, height, 'left');
  // Over part of its term: from the roomier side's position, moved until the card fits.
  const y0 = below >= above ? anchor.bottom + GAP : anchor.top - GAP - height;
  return done(startX, onScreen(y0, height), height, 'over');
}
