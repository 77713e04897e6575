/** Property tests: conversions round-trip within rounding; findValues keeps its promises on any text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valuesByBlock } from './values-by-block';
import {
  a1cMmolMolToPercent,
  a1cPercentToMmolMol,
  explainValue,
  findValues,
  glucoseMgDlToMmolL,
  glucoseMmolLToMgDl,
  roundLab,
  type ValueMatch,
} from '../../core/values';

describe('conversions round-trip within the rounding of each unit', () => {
  it('A1C percent → mmol/mol → percent stays within 0.1%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 200 }), (tenths) => {
        const pct = tenths / 10;
        const mmol = roundLab(a1cPercentToMmolMol(pct), 0);
        const back = roundLab(a1cMmolMolToPercent(mmol), 1);
        expect(Math.abs(back - pct)).toBeLessThanOrEqual(0.1 + 1e-9);
      }),
    );
  });

  it('A1C mmol/mol → percent → mmol/mol stays within 1 mmol/mol', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 195 }), (mmol) => {
        const pct = roundLab(a1cMmolMolToPercent(mmol), 1);
        expect(Math.abs(roundLab(a1cPercentToMmolMol(pct), 0) - mmol)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('glucose mg/dL → mmol/L → mg/dL stays within 1 mg/dL, and back the other way within 0.1 mmol/L', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 1500 }), (mg) => {
        const mmol = roundLab(glucoseMgDlToMmolL(mg), 1);
        expect(Math.abs(roundLab(glucoseMmolLToMgDl(mmol), 0) - mg)).toBeLessThanOrEqual(1);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 850 }), (tenths) => {
        const mmol = tenths / 10;
        const mg = roundLab(glucoseMmolLToMgDl(mmol), 0);
        expect(Math.abs(roundLab(glucoseMgDlToMmolL(mg), 1) - mmol)).toBeLessThanOrEqual(0.1 + 1e-9);
      }),
    );
  });

  it('conversions are monotonic, so a range converts to a range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 2000 }), fc.integer({ min: 1, max: 500 }), (low, width) => {
        const [a, b] = [low / 10, (low + width) / 10];
        expect(a1cPercentToMmolMol(a)).toBeLessThan(a1cPercentToMmolMol(b));
        expect(glucoseMgDlToMmolL(a)).toBeLessThan(glucoseMgDlToMmolL(b));
      }),
    );
  });
});

const PIECES = [
  // names
  'A1C',
  'A1c',
  'HbA1c',
  'Hb A1c',
  'HbA₁c',
  'haemoglobin A1c',
  'blood sugar',
  'blood glucose',
  'BG',
  'bg',
  'FPG',
  'fasting glucose',
  '2-hour glucose',
  'OGTT',
  'random glucose',
  'post-meal blood sugar',
  'BMI',
  'body mass index',
  'TIR',
  'time in range',
  'time below range',
  'hypoglycemia',
  'glucose',
  'eAG',
  'average glucose',
  'urine glucose',
  // numbers and signs
  '7',
  '7.2',
  '6.5',
  '53',
  '126',
  '70',
  '180',
  '5.7–6.4',
  '70-180',
  '100 and 125',
  '≥',
  '<',
  '>=',
  '≤',
  '2025',
  '0.5',
  '37',
  '1,000',
  '3/14',
  '9:30',
  '-0.5',
  '[12]',
  '#2',
  '12345',
  '48',
  '200',
  // units and trailing words
  '%',
  ' %',
  'mg/dL',
  'mg/dl',
  'mmol/L',
  'mmol/mol',
  'mmol',
  'kg/m2',
  'kg/m²',
  'mg',
  'units',
  'IU',
  'hours',
  'million',
  'people',
  'percent',
  'or higher',
  'or lower',
  'of the time',
  // links and other words
  'is',
  'was',
  'of',
  'from',
  'to',
  'and',
  'between',
  'under',
  'below',
  'above',
  'at least',
  'less than',
  'my',
  'the',
  'went',
  'dropped',
  'by',
  'in',
  'type',
  '2',
  'GLP-1',
  'Section',
  'Table',
  'level',
  'n =',
  'March',
  'diabetes',
  // punctuation and separators
  '.',
  ',',
  ';',
  ':',
  '(',
  ')',
  '!',
  '\u0000',
  '\n',
  '–',
  '—',
  '😀',
  'Ä',
  '\u00a0',
];

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', ' ', '', '\u00a0', '-')), { maxLength: 40 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

function checkInvariants(text: string, found: ValueMatch[]) {
  let last = 0;
  for (const m of found) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(m.name.text).toBe(text.slice(m.name.start, m.name.end));
    // Name and value never overlap and never sit in different blocks.
    expect(m.name.end <= m.start || m.end <= m.name.start).toBe(true);
    const between = text.slice(Math.min(m.name.end, m.end), Math.max(m.name.start, m.start));
    expect(between).not.toContain('\u0000');
    expect(m.text).toMatch(/\d/);
    last = m.end;
    // Every value can be explained.
    const x = explainValue(m);
    expect(x.title.length).toBeGreaterThan(0);
    expect(x.sources.every((s) => s.url.startsWith('https://'))).toBe(true);
  }
}

describe('findValues on random text', () => {
  it('returns sorted, non-overlapping, in-bounds matches whose name is in the same block', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        checkInvariants(text, findValues(text));
      }),
      { numRuns: 400 },
    );
  });

  it('never crosses a block boundary: the whole equals its blocks', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 4 }), (blocks) => {
        const whole = findValues(blocks.join('\u0000'));
        expect(whole).toEqual(valuesByBlock(blocks, (b) => findValues(b)));
      }),
      { numRuns: 200 },
    );
  });

  it('survives arbitrary unicode without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        checkInvariants(`A1C ${s} blood sugar ${s}`, findValues(`A1C ${s} blood sugar ${s}`));
      }),
      { numRuns: 200 },
    );
  });
});
