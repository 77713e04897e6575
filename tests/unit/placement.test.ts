import { describe, expect, it } from 'vitest';
import { EDGE, GAP, pickLine, placeCard } from '../../core/placement';

const viewport = { width: 1366, height: 682 };
const term = (top: number, left = 100, width = 80) => ({ left, top, right: left + width, bottom: top + 18 });

describe('placeCard', () => {
  it('goes below the term when it fits, starting at the term', () => {
    const p = placeCard(term(100), { width: 360, height: 300 }, viewport);
    expect(p).toMatchObject({ side: 'below', x: 100, y: 118 + GAP, height: 300, width: 360 });
  });

  it('goes above when only above has room', () => {
    const p = placeCard(term(600), { width: 360, height: 300 }, viewport);
    expect(p.side).toBe('above');
    expect(p.y + p.height).toBe(600 - GAP);
  });

  it('takes the roomier side, as tall as it allows, when the card fits neither (it scrolls inside)', () => {
    const p = placeCard(term(250), { width: 360, height: 600 }, viewport);
    expect(p.side).toBe('below');
    expect(p.y).toBe(268 + GAP);
    expect(p.y + p.height).toBe(viewport.height - EDGE);
    expect(p.y).toBeGreaterThanOrEqual(EDGE);
  });

  it('covers the term rather than shrink to a slit on a very short screen', () => {
    const p = placeCard(term(60), { width: 300, height: 500 }, { width: 800, height: 200 });
    expect(p.height).toBe(200 - 2 * EDGE);
    expect(p.y).toBe(EDGE);
  });

  it('shifts sideways to stay on screen, and narrows on a narrow one', () => {
    expect(placeCard(term(100, 1300), { width: 360, height: 200 }, viewport).x).toBe(1366 - EDGE - 360);
    const narrow = placeCard(term(100, 10), { width: 360, height: 200 }, { width: 320, height: 600 });
    expect(narrow.width).toBe(320 - 2 * EDGE);
    expect(narrow.x).toBe(EDGE);
  });

  it('never leaves the viewport, wherever the term is on screen and however big the card', () => {
    for (let top = 0; top < viewport.height - 18; top += 37) {
      for (const h of [50, 200, 400, 700, 1200]) {
        const p = placeCard(term(top), { width: 360, height: h }, viewport);
        expect(p.y, `${top}/${h}`).toBeGreaterThanOrEqual(EDGE - 1);
        expect(p.y + p.height, `${top}/${h}`).toBeLessThanOrEqual(viewport.height - EDGE + 1);
      }
    }
  });
});

describe('pickLine', () => {
  it('picks the line box under the pointer, else the first', () => {
    const lines = [term(100, 500), term(120, 0)];
    expect(pickLine(lines, { x: 10, y: 125 })).toBe(lines[1]);
    expect(pickLine(lines)).toBe(lines[0]);
  });
});
