/** The scoring rules of `npm run eval` (tools/eval/score.ts), which the real-page floors rely on. */
import { describe, expect, it } from 'vitest';
import { contextOf, occurrences, scorePage, type Span } from '../../tools/eval/score';

const span = (text: string, phrase: string, from = 0, kind: Span['kind'] = 'term'): Span => {
  const start = text.indexOf(phrase, from);
  if (start === -1) throw new Error(`"${phrase}" not in text`);
  return { start, end: start + phrase.length, kind };
};

describe('occurrences', () => {
  it('finds whole words in any case, with a plural or possessive, across any white space', () => {
    const text = 'Blood  sugars rose.\nMy A1C’s fine; bloodsugar is not a word.';
    expect(occurrences(text, 'blood sugar').map((o) => text.slice(o.start, o.suffixEnd))).toEqual(['Blood  sugars']);
    expect(occurrences(text, "A1C's").map((o) => text.slice(o.start, o.end))).toEqual(['A1C’s']);
    expect(occurrences('Canada', 'ADA')).toEqual([]);
  });
});

describe('scorePage', () => {
  const text = 'The pump helps. Ask the American Diabetes Association about pumps.\nlow carb diet';

  it('counts a mark covering the whole term, not a mark of part of it', () => {
    const score = scorePage(text, [span(text, 'pump'), span(text, 'low carb diet')], {
      expected: ['pump', 'low carb', 'American Diabetes Association'],
      traps: [],
    });
    expect(score.expected.map((e) => e.found)).toEqual([true, true, false]);
    const partial = scorePage(text, [span(text, 'Diabetes')], {
      expected: ['American Diabetes Association'],
      traps: [],
    });
    expect(partial.expected[0]).toMatchObject({ found: false, visible: true, instead: ['Diabetes'] });
  });

  it('counts a trap hit for a mark inside a trap, not for a mark that contains it', () => {
    const hit = scorePage(text, [span(text, 'Diabetes')], { expected: [], traps: ['American Diabetes Association'] });
    expect(hit.trapHits.map((t) => t.marked)).toEqual(['Diabetes']);
    const whole = scorePage(text, [span(text, 'low carb diet')], { expected: [], traps: ['carb'] });
    expect(whole.trapHits).toHaveLength(0);
  });

  it('says when an expected term is not in the visible text at all', () => {
    expect(scorePage(text, [], { expected: ['insulin'], traps: [] }).expected[0]).toMatchObject({
      found: false,
      visible: false,
    });
  });
});

describe('contextOf', () => {
  it('shows the mark in brackets inside its own line', () => {
    expect(contextOf('first line\nThe pump helps.\nlast', 15, 19)).toBe('The [pump] helps.');
  });
});
