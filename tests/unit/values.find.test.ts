import { describe, expect, it } from 'vitest';
import { findValues, findValuesInSegments, mayHaveValues } from '../../core/values';
import { NEGATIVES, POSITIVES, type ValueFixture } from '../fixtures/values/sentences';

function summarize(text: string): string[] {
  return findValues(text).map((m) => `${m.text}|${m.measure}|${m.unit}${m.unitInferred ? '?' : ''}`);
}

function check(f: ValueFixture) {
  expect(summarize(f.text)).toEqual(f.expect);
}

describe('findValues on fixture sentences', () => {
  it('has at least 40 sentences, positive and negative', () => {
    expect(POSITIVES.length + NEGATIVES.length).toBeGreaterThanOrEqual(40);
  });

  describe('finds the values', () => {
    it.each(POSITIVES.map((f) => [f.text, f] as const))('%s', (_, f) => check(f));
  });

  describe('finds nothing it should not', () => {
    it.each(NEGATIVES.map((f) => [f.text, f] as const))('%s', (_, f) => check(f));
  });
});

describe('findValues details', () => {
  it('returns offsets into the text, UTF-16, half-open', () => {
    const text = 'Ärger 😀 — my A1C is 7.2% now';
    const [m] = findValues(text);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe('7.2%');
    expect(m!.text).toBe('7.2%');
    expect(text.slice(m!.name.start, m!.name.end)).toBe('A1C');
  });

  it('reads ranges, bounds and singles', () => {
    const forms = (t: string) => findValues(t).map((m) => m.form);
    expect(forms('A1C 5.7–6.4%')).toEqual([{ kind: 'range', low: 5.7, high: 6.4 }]);
    expect(forms('A1C 5.7 to 6.4%')).toEqual([{ kind: 'range', low: 5.7, high: 6.4 }]);
    // Every dash the matcher accepts (core/text/chars.ts), the small and fullwidth hyphen-minus included.
    for (const dash of ['\u2212', '\ufe58', '\ufe63', '\uff0d']) {
      expect(forms(`A1C 5.7${dash}6.4%`), `U+${dash.charCodeAt(0).toString(16)}`).toEqual([
        { kind: 'range', low: 5.7, high: 6.4 },
      ]);
    }
    expect(forms('GLP\uff0d1 and A1C 7%')).toEqual([{ kind: 'single', value: 7 }]);
    expect(forms('blood glucose 70 - 180 mg/dL')).toEqual([{ kind: 'range', low: 70, high: 180 }]);
    expect(forms('A1C <7%')).toEqual([{ kind: 'bound', comparator: '<', value: 7 }]);
    expect(forms('A1C <= 7%')).toEqual([{ kind: 'bound', comparator: '≤', value: 7 }]);
    expect(forms('fasting glucose ≥126 mg/dL')).toEqual([{ kind: 'bound', comparator: '≥', value: 126 }]);
    expect(forms('fasting glucose > 125 mg/dL')).toEqual([{ kind: 'bound', comparator: '>', value: 125 }]);
    expect(forms('A1C at least 6.5%')).toEqual([{ kind: 'bound', comparator: '≥', value: 6.5 }]);
    expect(forms('A1C over 9%')).toEqual([{ kind: 'bound', comparator: '>', value: 9 }]);
    expect(forms('A1C of 5.6% or lower')).toEqual([{ kind: 'bound', comparator: '≤', value: 5.6 }]);
    expect(forms('A1C from 5.7 to 6.4')).toEqual([
      { kind: 'single', value: 5.7 },
      { kind: 'single', value: 6.4 },
    ]);
  });

  it('infers units for bare numbers and says so', () => {
    const one = (t: string) => {
      const [m] = findValues(t);
      return m && `${m.unit}${m.unitInferred ? '?' : ''}`;
    };
    expect(one('A1C 20')).toBe('%?');
    expect(one('A1C 21')).toBe('mmol/mol?');
    expect(one('blood sugar 35')).toBe('mmol/L?');
    expect(one('blood sugar 36')).toBe('mg/dL?');
    expect(one('blood sugar 1.5')).toBeUndefined();
    expect(one('TIR 70')).toBe('%?');
    expect(one('BMI 22')).toBe('kg/m²');
    expect(one('A1C 53 mmol')).toBe('mmol/mol');
    expect(one('blood sugar 7 mmol')).toBe('mmol/L');
  });

  it('refuses bare ranges whose ends would take different units', () => {
    expect(findValues('blood sugar 30-40')).toEqual([]);
  });

  it('spells names many ways', () => {
    const names = [
      'A1C',
      'A1c',
      'HbA1c',
      'HbA1C',
      'Hb A1c',
      'HbA₁c',
      'hemoglobin A1c',
      'haemoglobin A1c',
      'glycated hemoglobin',
      'glycated haemoglobin',
      'glycosylated hemoglobin',
    ];
    for (const n of names)
      expect(
        findValues(`${n} 6.8%`).map((m) => m.measure),
        n,
      ).toEqual(['a1c']);
    const glucose: [string, string][] = [
      ['blood glucose', 'glucose'],
      ['blood sugar', 'glucose'],
      ['BG', 'glucose'],
      ['plasma glucose', 'glucose'],
      ['fasting plasma glucose', 'glucose-fasting'],
      ['FPG', 'glucose-fasting'],
      ['fasting blood sugar', 'glucose-fasting'],
      ['2-hour glucose', 'glucose-ogtt-2h'],
      ['2-h PG', 'glucose-ogtt-2h'],
      ['two-hour OGTT', 'glucose-ogtt-2h'],
      ['post-meal blood sugar', 'glucose-after-meal'],
      ['postprandial glucose', 'glucose-after-meal'],
      ['blood glucose after meals', 'glucose-after-meal'],
      ['random blood glucose', 'glucose-random'],
      ['casual plasma glucose', 'glucose-random'],
      ['OGTT', 'glucose'],
    ];
    for (const [n, id] of glucose)
      expect(
        findValues(`${n} 150 mg/dL`).map((m) => m.measure),
        n,
      ).toEqual([id]);
    for (const n of ['BMI', 'body mass index', 'Body-mass index'])
      expect(
        findValues(`${n} 27.5`).map((m) => m.measure),
        n,
      ).toEqual(['bmi']);
    for (const n of ['time in range', 'Time-in-range', 'TIR', 'time in target range'])
      expect(
        findValues(`${n} 71%`).map((m) => m.measure),
        n,
      ).toEqual(['time-in-range']);
  });

  it('keeps short acronyms case-exact', () => {
    expect(findValues('bg 150')).toEqual([]);
    expect(findValues('tir 71%')).toEqual([]);
    expect(findValues('fpg 7.1 mmol/L')).toEqual([]);
  });

  it('accepts unicode dashes, signs and spaces', () => {
    for (const d of ['-', '‐', '‑', '‒', '–', '—', '−'])
      expect(
        findValues(`A1C 5.7${d}6.4%`).map((m) => m.text),
        d,
      ).toEqual([`5.7${d}6.4%`]);
    expect(findValues('A1C\u00a0≤\u00a07%').map((m) => m.text)).toEqual(['≤\u00a07%']);
    expect(findValues('fasting glucose ⩾ 7.0 mmol/L').map((m) => m.text)).toEqual(['⩾ 7.0 mmol/L']);
  });

  it('refuses numbers that belong to names, dates, doses, counts, times and citations', () => {
    for (const t of [
      'type 2 A1C',
      'A1C type 2',
      'GLP-1 A1C',
      'A1C GLP-1',
      'A1C COVID-19',
      'A1C in 2024',
      'A1C 2019',
      'A1C Section 6.4',
      'A1C see Table 2',
      'A1C [12]',
      'A1C 7,000',
      'A1C 7:30',
      'A1C 3/14',
      'A1C 6.4.1',
      'blood sugar 0.5 mg',
      'blood sugar 2 mcg',
      'blood sugar 10 units',
      'blood sugar 4 IU',
      'blood sugar 5 mL',
      'blood sugar 37 million',
      'blood sugar 2 hours',
      'blood sugar 3-month',
      'BMI 2nd',
      'A1C #2',
      'A1C $30',
      'A1C -0.5%',
      'A1C +0.5%',
      'A1C ±0.3%',
      'A1C 3x',
      'A1C 7 points',
      'BMI 30 patients',
      'fasting glucose 12345',
    ]) {
      expect(findValues(t), t).toEqual([]);
    }
  });

  it('refuses values with the wrong unit for the measure', () => {
    for (const t of [
      'A1C 7 mg/dL',
      'A1C 7 mmol/L',
      'blood sugar 7%',
      'glucose 2 mg/dL/min',
      'glucose 1.5 mmol/L/h',
      'blood sugar 48 mmol/mol',
      'BMI 30%',
      'TIR 70 mg/dL',
    ])
      expect(findValues(t), t).toEqual([]);
  });

  it('refuses numbers that cannot be the measure', () => {
    for (const t of ['A1C 2%', 'A1C 25%', 'A1C 250 mmol/mol', 'BMI 5', 'BMI 150', 'TIR 120%', 'blood sugar 5000'])
      expect(findValues(t), t).toEqual([]);
  });

  it('stops at sentence ends and block boundaries', () => {
    expect(findValues('My A1C. 7.2% of people')).toEqual([]);
    expect(findValues('My A1C\u00007.2%')).toEqual([]);
    expect(findValues('7.2%\u0000A1C')).toEqual([]);
    expect(findValues('My A1C; 7.2')).toEqual([]);
    expect(findValues('My A1C! 7.2')).toEqual([]);
  });

  it('does not reach far from the name', () => {
    expect(findValues('My A1C, which I had checked at the clinic near the big park downtown, was 7.2')).toEqual([]);
  });

  it('drops a number two names claim differently', () => {
    // 6.5% could be read as the A1C after it (left) and the A1C before it (right) agree: kept once.
    expect(findValues('A1C 6.5% A1C').map((m) => m.text)).toEqual(['6.5%']);
  });

  it('is cheap to rule out: no name, no work', () => {
    expect(mayHaveValues('The weather was 25 degrees and sunny.')).toBe(false);
    expect(findValues('The weather was 25 degrees and sunny.')).toEqual([]);
    expect(mayHaveValues('My A1C is 7')).toBe(true);
  });

  it('handles a long page of text quickly', () => {
    const filler = 'Lorem ipsum dolor sit amet, 42 consectetur 2025 adipiscing elit. '.repeat(20000); // ~1.3 MB
    let t = performance.now();
    expect(findValues(filler)).toEqual([]);
    const none = performance.now() - t;
    const mixed = `${filler}My A1C is 7.2 and blood sugar 140 mg/dL. `.repeat(2);
    t = performance.now();
    expect(findValues(mixed)).toHaveLength(4);
    const some = performance.now() - t;
    expect(none).toBeLessThan(200);
    expect(some).toBeLessThan(1000);
  });

  it('maps values onto text nodes for the DOM layer', () => {
    // "Hb" <sub>"A1c"</sub> " of " <b>"53"</b> " mmol/mol"
    const [v] = findValuesInSegments(['My Hb', 'A1c', ' of ', '53', ' mmol/mol.']);
    expect(v?.match.text).toBe('53 mmol/mol');
    expect(v?.start).toEqual({ segment: 3, offset: 0 });
    expect(v?.end).toEqual({ segment: 4, offset: 9 });
    expect(findValuesInSegments(['A1C', ' 7.2'])[0]?.end).toEqual({ segment: 1, offset: 4 });
  });
});
