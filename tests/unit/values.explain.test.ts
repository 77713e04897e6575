import { describe, expect, it } from 'vitest';
import {
  CAVEATS,
  FORMULAS,
  MEASURES,
  SCHEMES,
  SOURCES,
  UNITS,
  a1cMmolMolToPercent,
  a1cPercentToMmolMol,
  bandsHit,
  describeLimits,
  eagMgDl,
  explainValue,
  findValues,
  formatNumber,
  glucoseMgDlToMmolL,
  glucoseMmolLToMgDl,
  roundLab,
  type ValueExplanation,
  type ValueUnit,
} from '../../core/values';
import { GOALS, type Scheme } from '../../core/values/data';
import { explainSent, isValueMatch } from '../../core/values/remote';
import { fleschKincaid } from '../../core/glossary/readability';
import { READING_LIMITS } from '../../core/glossary/reading-level';

function explain(text: string): ValueExplanation {
  const [m] = findValues(text);
  if (!m) throw new Error(`no value in ${JSON.stringify(text)}`);
  return explainValue(m);
}

/** The band ids hit in the first range shown, or in the named scheme. */
function hits(text: string, scheme?: string): string[] {
  const x = explain(text);
  const r = scheme ? x.ranges.find((r) => r.scheme === scheme) : x.ranges[0];
  return r ? r.bands.filter((b) => b.hit).map((b) => b.id) : [];
}

describe('conversions, rounded as a lab report would', () => {
  it('rounds half away from zero, despite binary floating point', () => {
    expect(roundLab(6.45, 1)).toBe(6.5);
    expect(roundLab(125.5, 0)).toBe(126);
    expect(roundLab(2.25, 1)).toBe(2.3);
    expect(roundLab(1.005, 2)).toBe(1.01);
    expect(roundLab(0.05, 1)).toBe(0.1);
    expect(roundLab(-2.5, 0)).toBe(-3);
  });

  it.each([
    [5.0, '31'],
    [5.7, '39'],
    [6.0, '42'],
    [6.5, '48'],
    [7.0, '53'],
    [8.0, '64'],
    [9.0, '75'],
    [10.0, '86'],
    [12.0, '108'],
  ])('A1C %s%% = %s mmol/mol (IFCC master equation)', (pct, mmol) => {
    expect(formatNumber(a1cPercentToMmolMol(pct), 'mmol/mol')).toBe(mmol);
  });

  it.each([
    [39, '5.7'],
    [42, '6.0'],
    [48, '6.5'],
    [53, '7.0'],
    [64, '8.0'],
    [75, '9.0'],
    [86, '10.0'],
  ])('A1C %s mmol/mol = %s%%', (mmol, pct) => {
    expect(formatNumber(a1cMmolMolToPercent(mmol), '%')).toBe(pct);
  });

  it.each([
    [5, '97', '5.4'],
    [6, '126', '7.0'],
    [7, '154', '8.6'],
    [8, '183', '10.2'],
    [9, '212', '11.8'],
    [10, '240', '13.4'],
    [11, '269', '14.9'],
    [12, '298', '16.5'],
  ])('eAG for A1C %s%% = %s mg/dL (%s mmol/L) (ADAG)', (pct, mg, mmol) => {
    expect(formatNumber(eagMgDl(pct), 'mg/dL')).toBe(mg);
    expect(formatNumber(glucoseMgDlToMmolL(eagMgDl(pct)), 'mmol/L')).toBe(mmol);
  });

  it.each([
    [126, '7.0'],
    [70, '3.9'],
    [54, '3.0'],
    [180, '10.0'],
    [100, '5.6'],
    [140, '7.8'],
    [200, '11.1'],
    [250, '13.9'],
  ])('glucose %s mg/dL = %s mmol/L', (mg, mmol) => {
    expect(formatNumber(glucoseMgDlToMmolL(mg), 'mmol/L')).toBe(mmol);
  });

  it.each([
    [7.0, '126'],
    [3.9, '70'],
    [3.0, '54'],
    [10.0, '180'],
    [7.8, '140'],
    [11.1, '200'],
    [5.6, '101'],
  ])('glucose %s mmol/L = %s mg/dL', (mmol, mg) => {
    expect(formatNumber(glucoseMmolLToMgDl(mmol), 'mg/dL')).toBe(mg);
  });

  it('shows the conversions of a found value', () => {
    expect(explain('A1C 7%').conversions.map((c) => c.value)).toEqual(['53 mmol/mol', '154 mg/dL (8.6 mmol/L)']);
    expect(explain('HbA1c 53 mmol/mol').conversions.map((c) => c.value)).toEqual(['7.0%', '154 mg/dL (8.6 mmol/L)']);
    expect(explain('fasting glucose 126 mg/dL').conversions.map((c) => c.value)).toEqual(['7.0 mmol/L']);
    expect(explain('fasting glucose 7.0 mmol/L').conversions.map((c) => c.value)).toEqual(['126 mg/dL']);
    expect(explain('BMI 31').conversions).toEqual([]);
  });

  it('converts both ends of a range and the bound of a comparison', () => {
    expect(explain('A1C 5.7–6.4%').conversions.map((c) => c.value)).toEqual([
      '39–46 mmol/mol',
      '117–137 mg/dL (6.5–7.6 mmol/L)',
    ]);
    expect(explain('A1C <7%').conversions.map((c) => c.value)).toEqual([
      'below 53 mmol/mol',
      'below 154 mg/dL (below 8.6 mmol/L)',
    ]);
    expect(explain('blood sugar 70-180 mg/dL').conversions.map((c) => c.value)).toEqual(['3.9–10.0 mmol/L']);
    expect(explain('fasting glucose ≥126 mg/dL').conversions.map((c) => c.value)).toEqual(['at least 7.0 mmol/L']);
  });

  it('names a formula with a source for every conversion', () => {
    for (const t of ['A1C 7%', 'HbA1c 53 mmol/mol', 'blood sugar 140 mg/dL', 'blood sugar 7.8 mmol/L']) {
      for (const c of explain(t).conversions) {
        expect(Object.keys(FORMULAS)).toContain(c.formula);
        expect(explain(t).sources).toContainEqual(FORMULAS[c.formula as keyof typeof FORMULAS].source);
      }
    }
  });
});

describe('ranges: every cut-off lands in the right band', () => {
  it.each([
    ['A1C 5.6%', ['normal']],
    ['A1C 5.7%', ['prediabetes']],
    ['A1C 6.4%', ['prediabetes']],
    ['A1C 6.5%', ['diabetes']],
    ['A1C 38 mmol/mol', ['normal']],
    ['A1C 39 mmol/mol', ['prediabetes']],
    ['A1C 47 mmol/mol', ['prediabetes']],
    ['A1C 48 mmol/mol', ['diabetes']],
    ['fasting glucose 99 mg/dL', ['normal']],
    ['fasting glucose 100 mg/dL', ['prediabetes']],
    ['fasting glucose 125 mg/dL', ['prediabetes']],
    ['fasting glucose 126 mg/dL', ['diabetes']],
    ['fasting glucose 5.5 mmol/L', ['normal']],
    ['fasting glucose 5.6 mmol/L', ['prediabetes']],
    ['fasting glucose 6.9 mmol/L', ['prediabetes']],
    ['fasting glucose 7.0 mmol/L', ['diabetes']],
    ['2-hour glucose 139 mg/dL', ['normal']],
    ['2-hour glucose 140 mg/dL', ['prediabetes']],
    ['2-hour glucose 199 mg/dL', ['prediabetes']],
    ['2-hour glucose 200 mg/dL', ['diabetes']],
    ['2-hour glucose 7.7 mmol/L', ['normal']],
    ['2-hour glucose 7.8 mmol/L', ['prediabetes']],
    ['2-hour glucose 11.0 mmol/L', ['prediabetes']],
    ['2-hour glucose 11.1 mmol/L', ['diabetes']],
    ['random glucose 199 mg/dL', ['under']],
    ['random glucose 200 mg/dL', ['diabetes-with-symptoms']],
    ['random glucose 11.0 mmol/L', ['under']],
    ['random glucose 11.1 mmol/L', ['diabetes-with-symptoms']],
    ['blood glucose 53 mg/dL', ['level-2']],
    ['blood glucose 54 mg/dL', ['level-1']],
    ['blood glucose 69 mg/dL', ['level-1']],
    ['blood glucose 2.9 mmol/L', ['level-2']],
    ['blood glucose 3.0 mmol/L', ['level-1']],
    ['blood glucose 3.8 mmol/L', ['level-1']],
    ['time in range 70%', ['under-target']],
    ['time in range 70.1%', ['meets-target']],
    ['time in range 71%', ['meets-target']],
    ['time below range 3.9%', ['within-target']],
    ['time below range 4%', ['over-target']],
    ['BMI 18.4', ['underweight']],
    ['BMI 18.5', ['healthy']],
    ['BMI 24.9', ['healthy']],
    ['BMI 25', ['overweight']],
    ['BMI 29.9', ['overweight']],
    ['BMI 30', ['obesity-1']],
    ['BMI 34.9', ['obesity-1']],
    ['BMI 35', ['obesity-2']],
    ['BMI 39.9', ['obesity-2']],
    ['BMI 40', ['obesity-3']],
  ])('%s → %j', (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it('checks every band edge of every scheme in every unit it is given in', () => {
    const inside = (scheme: Scheme, unit: ValueUnit, v: number) => bandsHit(scheme, unit, { kind: 'single', value: v });
    for (const scheme of Object.values(SCHEMES) as Scheme[]) {
      const units = Object.keys(scheme.bands[0]?.limits ?? {}) as ValueUnit[];
      for (const unit of units) {
        const step = UNITS[unit].step;
        for (const band of scheme.bands) {
          const l = band.limits[unit];
          expect(l, `${scheme.id} ${band.id} ${unit}`).toBeDefined();
          if (l?.lo) {
            const at = inside(scheme, unit, l.lo.value);
            const under = inside(scheme, unit, roundLab(l.lo.value - step, 3));
            if (l.lo.inclusive) expect(at, `${scheme.id} ${band.id} at ${l.lo.value}`).toEqual([band.id]);
            else expect(at).not.toContain(band.id);
            expect(under).not.toContain(band.id);
          }
          if (l?.hi) {
            const at = inside(scheme, unit, l.hi.value);
            const under = inside(scheme, unit, roundLab(l.hi.value - step, 3));
            if (l.hi.inclusive) expect(at).toContain(band.id);
            else expect(at, `${scheme.id} ${band.id} at ${l.hi.value}`).not.toContain(band.id);
            expect(under).toEqual([band.id]);
          }
        }
      }
      // Bands of a scheme tile its unit's line: every value lands in exactly one band.
      for (const unit of units) {
        for (let v = 0; v <= 300; v += UNITS[unit].step * 7) {
          const value = roundLab(v, 3);
          const ids = inside(scheme, unit, value);
          if (scheme.id.startsWith('consensus') && value > 100) continue;
          expect(ids, `${scheme.id} ${unit} ${value}`).toHaveLength(1);
        }
      }
    }
  });

  it('states the ADA cut-offs in both units and the CDC BMI groups as published', () => {
    const limits = (scheme: keyof typeof SCHEMES, unit: ValueUnit) =>
      explainRangeLimits(SCHEMES[scheme] as Scheme, unit);
    expect(limits('ada-a1c', '%')).toEqual(['below 5.7%', '5.7% to 6.4%', '6.5% or higher']);
    expect(limits('ada-a1c', 'mmol/mol')).toEqual(['below 39 mmol/mol', '39 to 47 mmol/mol', '48 mmol/mol or higher']);
    expect(limits('ada-fasting', 'mg/dL')).toEqual(['below 100 mg/dL', '100 to 125 mg/dL', '126 mg/dL or higher']);
    expect(limits('ada-fasting', 'mmol/L')).toEqual(['below 5.6 mmol/L', '5.6 to 6.9 mmol/L', '7.0 mmol/L or higher']);
    expect(limits('ada-ogtt', 'mg/dL')).toEqual(['below 140 mg/dL', '140 to 199 mg/dL', '200 mg/dL or higher']);
    expect(limits('ada-ogtt', 'mmol/L')).toEqual(['below 7.8 mmol/L', '7.8 to 11.0 mmol/L', '11.1 mmol/L or higher']);
    expect(limits('ada-hypoglycemia', 'mg/dL')).toEqual(['below 54 mg/dL', '54 to 69 mg/dL', '70 mg/dL or higher']);
    expect(limits('ada-hypoglycemia', 'mmol/L')).toEqual([
      'below 3.0 mmol/L',
      '3.0 to 3.8 mmol/L',
      '3.9 mmol/L or higher',
    ]);
    expect(limits('cdc-bmi', 'kg/m²')).toEqual([
      'below 18.5 kg/m²',
      '18.5 to 24.9 kg/m²',
      '25 to 29.9 kg/m²',
      '30 to 34.9 kg/m²',
      '35 to 39.9 kg/m²',
      '40 kg/m² or higher',
    ]);
    expect(limits('consensus-tir', '%')).toEqual(['0% to 70%', 'over 70%, up to 100%']);
  });
});

function explainRangeLimits(scheme: Scheme, unit: ValueUnit): string[] {
  return scheme.bands.map((b) => describeLimits(b.limits[unit] ?? {}, unit));
}

describe('what is shown for each kind of glucose', () => {
  it('shows no diagnosis range when the text does not say when the blood was taken', () => {
    const x = explain('blood sugar 140 mg/dL');
    expect(x.ranges).toEqual([]);
    expect(x.caveats).toContain(CAVEATS.timing);
  });

  it('shows the low levels for a low glucose, whatever the timing, instead of calling it normal', () => {
    expect(explain('blood sugar 60 mg/dL').ranges.map((r) => r.scheme)).toEqual(['ada-hypoglycemia']);
    expect(explain('fasting glucose 60 mg/dL').ranges.map((r) => r.scheme)).toEqual(['ada-hypoglycemia']);
    expect(explain('fasting glucose 90 mg/dL').ranges.map((r) => r.scheme)).toEqual(['ada-fasting']);
    expect(explain('blood glucose below 70 mg/dL').ranges[0]?.verdict).toBe(
      'Values below 70 mg/dL span more than one group: level 2 low (serious) and level 1 low.',
    );
    expect(explain('blood glucose below 54 mg/dL').ranges[0]?.verdict).toBe(
      'Any value below 54 mg/dL is in the level 2 (serious) low range.',
    );
    expect(explain('fasting glucose below 100 mg/dL').ranges.map((r) => r.scheme)).toEqual(['ada-fasting']);
  });

  it('says a random glucose counts only with symptoms', () => {
    const x = explain('random glucose 210 mg/dL');
    expect(x.ranges[0]?.owner).toBe('American Diabetes Association');
    expect(x.caveats).toContain(CAVEATS.randomSymptoms);
  });

  it('has no diagnosis range for glucose after an ordinary meal', () => {
    const x = explain('blood sugar after meals 160 mg/dL');
    expect(x.ranges).toEqual([]);
    expect(x.caveats).toContain(CAVEATS.afterMeal);
  });
});

describe('explanations', () => {
  it('say when the unit was inferred, and why', () => {
    expect(explain('A1C 7.2').unitNote).toMatch(/percent/);
    expect(explain('A1C 53').unitNote).toMatch(/mmol\/mol/);
    expect(explain('blood sugar 180').unitNote).toMatch(/mg\/dL/);
    expect(explain('blood sugar 7.8').unitNote).toMatch(/mmol\/L/);
    expect(explain('A1C 7.2%').unitNote).toBeUndefined();
    expect(explain('A1C 7.2').title).toBe('A1C 7.2%');
  });

  it('explain ranges and bounds at both ends', () => {
    expect(explain('A1C 5.7–6.4%').ranges[0]?.verdict).toBe('The whole range 5.7–6.4% is in the prediabetes range.');
    expect(explain('A1C 6.5% or higher').ranges[0]?.verdict).toBe(
      'Any value of at least 6.5% is in the diabetes range.',
    );
    expect(explain('A1C <7%').ranges[0]?.verdict).toBe(
      'Values below 7% span more than one group: normal, prediabetes and diabetes.',
    );
    expect(explain('BMI 25-35').ranges[0]?.verdict).toBe(
      'The range 25–35 kg/m² spans more than one group: overweight, obesity, class 1 and obesity, class 2.',
    );
  });

  it('say whose range it is, with a source link', () => {
    const owners = ['A1C 7%', 'fasting glucose 130', 'BMI 31', 'TIR 72%', 'blood sugar 50'].map(
      (t) => explain(t).ranges[0]?.owner,
    );
    expect(owners).toEqual([
      'American Diabetes Association',
      'American Diabetes Association',
      'Centers for Disease Control and Prevention (CDC)',
      'International Consensus on Time in Range',
      'American Diabetes Association',
    ]);
  });

  it('carry the caveats that matter', () => {
    const a1c = explain('A1C 6.8%').caveats;
    expect(a1c).toContain(CAVEATS.oneResult);
    expect(a1c).toContain(CAVEATS.adults);
    expect(a1c).toContain(CAVEATS.goals);
    expect(explain('BMI 31').caveats).toContain(CAVEATS.bmiScreening);
  });

  it('warn when rounding puts the converted value on the other side of a cut-off', () => {
    const x = explain('HbA1c 47 mmol/mol');
    expect(x.conversions[0]?.value).toBe('6.5%');
    expect(hits('HbA1c 47 mmol/mol')).toEqual(['prediabetes']);
    expect(x.caveats).toContain(CAVEATS.crossing);
    expect(explain('HbA1c 53 mmol/mol').caveats).not.toContain(CAVEATS.crossing);
  });
});

describe('data', () => {
  const allSources = Object.values(SOURCES);
  const goalTexts: string[] = Object.values(GOALS).flatMap((g) => Object.values(g.text));

  it('cites every source over https, on sites the glossary allows', () => {
    const allowed =
      /^https:\/\/(?:[\w-]+\.)*(?:nih\.gov|cdc\.gov|diabetesjournals\.org|diabetes\.org|ifcchba1c\.org)\//;
    for (const s of allSources) {
      expect(s.url).toMatch(allowed);
      expect(s.title.length).toBeGreaterThan(10);
    }
    for (const scheme of Object.values(SCHEMES)) expect(allSources).toContainEqual(scheme.source);
    for (const f of Object.values(FORMULAS)) expect(allSources).toContainEqual(f.source);
    for (const g of Object.values(GOALS)) expect(allSources).toContainEqual(g.source);
  });

  it('gives no advice about treatment or doses in any sentence shown', () => {
    const texts = [
      ...Object.values(CAVEATS),
      ...Object.values(MEASURES).map((m) => m.about),
      ...Object.values(SCHEMES).flatMap((s) => [s.title, ...s.bands.flatMap((b) => [b.label, b.phrase])]),
      ...goalTexts,
    ];
    for (const t of texts) {
      expect(t).not.toMatch(
        /\b(?:dose|doses|dosage|take|taking|should|must|treat|treatment|medicine|medication|insulin|units? of|eat more|eat less|you need|see a doctor)\b/i,
      );
    }
  });

  it('writes at US grade 6 to 8 (Flesch-Kincaid, the glossary limits)', () => {
    const notes = ['A1C 7.2', 'A1C 53', 'blood sugar 180', 'blood sugar 7.8', 'TIR 70'].map(
      (t) => explain(t).unitNote ?? '',
    );
    const texts = [...Object.values(CAVEATS), ...Object.values(MEASURES).map((m) => m.about), ...notes, ...goalTexts];
    const grades = texts.map((t) => fleschKincaid(t).grade).sort((a, b) => a - b);
    for (const t of texts) expect(fleschKincaid(t).grade, t).toBeLessThanOrEqual(READING_LIMITS.maxGrade);
    expect(grades[Math.floor(grades.length / 2)]).toBeLessThanOrEqual(READING_LIMITS.maxMedian);
  });

  it('keeps reader sentences short (plain language)', () => {
    for (const t of [...Object.values(CAVEATS), ...Object.values(MEASURES).map((m) => m.about), ...goalTexts]) {
      for (const sentence of t.split(/(?<=\.)\s+/))
        expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(28);
    }
  });
});

describe('a general goal, only where the page speaks of someone’s diabetes care', () => {
  const line = GOALS['ada-a1c'].text['%'];

  it.each([
    'My A1C was 7% after six months on the new plan.',
    'Her target A1C is under 7%.',
    'My goal is an A1C of 6.8% this year.',
    'My A1C is 8.1% on metformin and insulin.',
    'After 3 months of treatment, my A1C came back at 7.4%.',
    'My diabetes care team was happy with an A1C of 6.9%.',
  ])('gives the ADA goal for an A1C in a sentence about care: %s', (text) => {
    const [m] = findValues(text);
    expect(m?.context).toBe('care');
    const x = explain(text);
    expect(x.goal?.text).toBe(line);
    expect(x.goal?.owner).toBe('American Diabetes Association');
    expect(x.goal?.source).toEqual(SOURCES.adaGlycemic);
    expect(x.sources).toContainEqual(SOURCES.adaGlycemic);
    // The line says that goals are set person by person: the caveat saying it again is left out.
    expect(x.caveats).not.toContain(CAVEATS.goals);
  });

  it('states the goal as ADA does: below 7% (53 mmol/mol), person by person, no advice', () => {
    expect(line).toMatch(/below 7% \(53 mmol\/mol\)/);
    expect(line).toMatch(/not pregnant/);
    expect(line).toMatch(/care team/);
    expect(line).not.toMatch(/\byou\b|\bshould\b|\bmust\b/i);
  });

  it('speaks in the unit the page used', () => {
    const x = explain('After a year on insulin my HbA1c is 58 mmol/mol.');
    expect(x.goal?.text).toBe(GOALS['ada-a1c'].text['mmol/mol']);
    expect(x.goal?.text).toMatch(/below 53 mmol\/mol \(7%\)/);
  });

  it.each([
    'An A1C result of 6.5% or higher is one way to diagnose diabetes.',
    'A1C 6.8%',
    'My A1C is 7.2',
    'Screening found an A1C of 6.1%, so my doctor talked about a plan.',
    'The goal is to keep an A1C of 6.0% from becoming diabetes, since it is prediabetes.',
    'Our daughter is on insulin and her A1C is 7.5%.',
    'For children, an A1C target of 7% is common.',
  ])('gives no goal outside a sentence about an adult’s diabetes care: %s', (text) => {
    const x = explain(text);
    expect(x.goal).toBeUndefined();
    expect(x.sources).not.toContainEqual(SOURCES.adaGlycemic);
  });

  it('keeps the ranges and caveats a diagnostic sentence gets', () => {
    const x = explain('An A1C result of 6.5% or higher is one way to diagnose diabetes.');
    expect(x.caveats).toContain(CAVEATS.goals);
    expect(x.ranges[0]?.scheme).toBe('ada-a1c');
  });

  it('adds no goal to measures that have none, whatever the sentence says', () => {
    for (const text of [
      'My fasting glucose target is 100 mg/dL.',
      'My BMI goal is 27.',
      'On my new plan my TIR is 72%.',
    ]) {
      expect(explain(text).goal, text).toBeUndefined();
    }
  });

  it('does not read the measure’s own name as a goal: "time in target range"', () => {
    expect(findValues('Time in target range was 72%.')[0]?.context).toBeUndefined();
  });

  it('carries the context to the background and back, and refuses a context it does not know', () => {
    const [m] = findValues('My target A1C is under 7%.');
    expect(explainSent(JSON.parse(JSON.stringify(m)))?.goal?.text).toBe(line);
    expect(isValueMatch({ ...m, context: 'diagnosis' })).toBe(false);
    const { context: _, ...plain } = m!;
    expect(explainSent(plain)?.goal).toBeUndefined();
  });
});
