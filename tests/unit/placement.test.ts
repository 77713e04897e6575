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

  it('goes beside its term when it fits neither above nor below, level with it, the term in sight', () => {
    const right = placeCard(term(250), { width: 360, height: 600 }, viewport);
    expect(right).toMatchObject({ side: 'right', x: 180 + GAP, height: 600 });
    expect(right.y + right.height).toBeLessThanOrEqual(viewport.height - EDGE);
    const left = placeCard(term(250, 1000), { width: 360, height: 600 }, viewport);
    expect(left).toMatchObject({ side: 'left', x: 1000 - GAP - 360, height: 600 });
  });

  it('shifts whole over part of its term when there is no room beside it either, and never scrolls if the screen fits it', () => {
    const p = placeCard(term(250, 300, 500), { width: 360, height: 600 }, { width: 1000, height: 682 });
    expect(p.side).toBe('over');
    expect(p.height).toBe(600);
    expect(p.y + p.height).toBe(682 - EDGE);
  });

  it('takes the whole screen height, and scrolls inside, only on a screen shorter than the card', () => {
    const beside = placeCard(term(250), { width: 360, height: 900 }, viewport);
    expect(beside).toMatchObject({ side: 'right', y: EDGE, height: viewport.height - 2 * EDGE });
    const over = placeCard(term(60, 100, 600), { width: 300, height: 500 }, { width: 800, height: 200 });
    expect(over).toMatchObject({ side: 'over', y: EDGE, height: 200 - 2 * EDGE });
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
        expect(p.x + p.width, `${top}/${h}`).toBeLessThanOrEqual(viewport.width - EDGE + 1);
        // Shorter than its natural height only when the screen is.
        if (h <= viewport.height - 2 * EDGE) expect(p.height, `${top}/${h}`).toBe(h);
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
