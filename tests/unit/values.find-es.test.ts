/**
 * Values written the Spanish way, found in Spanish blocks only: decimal commas, a spaced "%", lowercase units and
 * Spanish measure names; thousands never read as decimals; English text read exactly as before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valuesByBlock } from './values-by-block';
import { explainValue, findValues, findValuesInSegments, mayHaveValues, type ValueMatch } from '../../core/values';
import { compileMatcher } from '../../core/matcher';
import { PageSession, type SessionMark } from '../../core/session';
import { mayBeMarked } from '../../core/gate';
import type { GlossaryEntry, LocalizedText } from '../../core/glossary/types';
import { isBackgroundRequest } from '../../utils/messages';
import { entry } from '../fixtures/matcher/inline-glossary';
import { NEGATIVES, POSITIVES, type ValueFixture } from '../fixtures/values/sentences';
import { NEGATIVES_ES, POSITIVES_ES } from '../fixtures/values/sentences-es';

const summarize = (text: string, lang: 'en' | 'es') =>
  findValues(text, lang).map((m) => `${m.text}|${m.measure}|${m.unit}${m.unitInferred ? '?' : ''}`);
const one = (text: string) => findValues(text, 'es')[0];

describe('findValues on Spanish fixture sentences', () => {
  it('has at least 40 sentences, positive and negative', () => {
    expect(POSITIVES_ES.length + NEGATIVES_ES.length).toBeGreaterThanOrEqual(40);
  });

  describe('finds the values', () => {
    it.each(POSITIVES_ES.map((f) => [f.text, f] as const))('%s', (_, f: ValueFixture) =>
      expect(summarize(f.text, 'es')).toEqual(f.expect),
    );
  });

  describe('finds nothing it should not', () => {
    it.each(NEGATIVES_ES.map((f) => [f.text, f] as const))('%s', (_, f: ValueFixture) =>
      expect(summarize(f.text, 'es')).toEqual(f.expect),
    );
  });
});

describe('Spanish numbers', () => {
  it('reads a decimal comma as a decimal point, with "%" spaced or not', () => {
    expect(one('mi A1C es de 7,2 %')?.form).toEqual({ kind: 'single', value: 7.2 });
    expect(one('mi A1C es de 7,2%')?.text).toBe('7,2%');
    expect(one('HbA1c\u00a07,2\u00a0%')?.text).toBe('7,2\u00a0%');
    expect(one('IMC de 31,2')?.form).toEqual({ kind: 'single', value: 31.2 });
    expect(one('glucosa de 5,5 mmol/l')?.form).toEqual({ kind: 'single', value: 5.5 });
    expect(one('HbA1c 5,7–6,4 %')?.form).toEqual({ kind: 'range', low: 5.7, high: 6.4 });
    expect(one('HbA1c de 7,25 %')?.form).toEqual({ kind: 'single', value: 7.25 });
  });

  it('reads a decimal point with one or two decimals, as Mexico and the US write it', () => {
    expect(one('HbA1c de 6.5%')?.form).toEqual({ kind: 'single', value: 6.5 });
    expect(one('IMC de 27.25')?.form).toEqual({ kind: 'single', value: 27.25 });
  });

  it('never reads a thousands group as decimals: "1.000" and "1,000" are one thousand', () => {
    for (const t of [
      'HbA1c de 1.000',
      'glucosa 1.000',
      'glucosa en ayunas de 1.000 mg/dl',
      'IMC 1.250',
      'IMC de 1,250',
      'HbA1c 7,255 %',
      'glucosa 12.345',
      'glucosa de 1.000.000',
      'glucosa de 1.000,5 mg/dl',
      'glucosa de 126.000 personas',
    ])
      expect(findValues(t, 'es'), t).toEqual([]);
  });

  it('leaves a number before a comma and a space alone: a list, not a decimal', () => {
    expect(findValues('HbA1c de 7, 8', 'es').map((m) => m.form)).toEqual([
      { kind: 'single', value: 7 },
      { kind: 'single', value: 8 },
    ]);
    expect(findValues('Mi HbA1c fue 7,2, y la glucosa 110 mg/dl.', 'es').map((m) => m.text)).toEqual([
      '7,2',
      '110 mg/dl',
    ]);
  });
});

describe('Spanish units, names, comparators and ranges', () => {
  it('reads lowercase and spelt-out units', () => {
    const units = (t: string) => `${one(t)?.unit}${one(t)?.unitInferred ? '?' : ''}`;
    expect(units('glucosa de 126 mg/dl')).toBe('mg/dL');
    expect(units('glucosa de 7,0 mmol/l')).toBe('mmol/L');
    expect(units('glucosa de 126 miligramos por decilitro')).toBe('mg/dL');
    expect(units('glucosa de 7 milimoles por litro')).toBe('mmol/L');
    expect(units('HbA1c de 7 por ciento')).toBe('%');
    expect(units('HbA1c de 53')).toBe('mmol/mol?');
    expect(units('glucemia de 180')).toBe('mg/dL?');
  });

  it('knows the Spanish names of each measure, and when the blood was taken', () => {
    const cases: [string, string][] = [
      ['A1C', 'a1c'],
      ['HbA1c', 'a1c'],
      ['hemoglobina A1c', 'a1c'],
      ['hemoglobina glicosilada', 'a1c'],
      ['hemoglobina glucosilada', 'a1c'],
      ['hemoglobina glicada', 'a1c'],
      ['Hb glicosilada', 'a1c'],
      ['glicohemoglobina', 'a1c'],
    ];
    for (const [name, id] of cases) expect(one(`${name} de 6,8 %`)?.measure, name).toBe(id);
    const glucose: [string, string][] = [
      ['glucosa', 'glucose'],
      ['glucemia', 'glucose'],
      ['glicemia', 'glucose'],
      ['glucosa en sangre', 'glucose'],
      ['glucemia capilar', 'glucose'],
      ['azúcar en la sangre', 'glucose'],
      ['azucar en sangre', 'glucose'],
      ['nivel de glucosa', 'glucose'],
      ['glucosa en ayunas', 'glucose-fasting'],
      ['glucosa plasmática en ayunas', 'glucose-fasting'],
      ['glucemia en ayuno', 'glucose-fasting'],
      ['glucemia basal', 'glucose-fasting'],
      ['GPA', 'glucose-fasting'],
      ['glucosa a las 2 horas', 'glucose-ogtt-2h'],
      ['glucosa a las dos horas de la PTOG', 'glucose-ogtt-2h'],
      ['glucosa posprandial', 'glucose-after-meal'],
      ['glucosa después de comer', 'glucose-after-meal'],
      ['glucemia 2 horas después de las comidas', 'glucose-after-meal'],
      ['glucosa al azar', 'glucose-random'],
      ['glucemia casual', 'glucose-random'],
      ['prueba de tolerancia oral a la glucosa', 'glucose'],
    ];
    for (const [name, id] of glucose) expect(one(`${name} de 150 mg/dl`)?.measure, name).toBe(id);
    for (const name of ['IMC', 'índice de masa corporal', 'indice de masa corporal'])
      expect(one(`${name} de 27,5`)?.measure, name).toBe('bmi');
    for (const name of ['tiempo en rango', 'tiempo en el rango objetivo', 'TIR'])
      expect(one(`${name} de 71 %`)?.measure, name).toBe('time-in-range');
    expect(one('tiempo por debajo del rango de 2 %')?.measure).toBe('time-below-range');
  });

  it('keeps short acronyms case-exact', () => {
    expect(findValues('imc de 31', 'es')).toEqual([]);
    expect(findValues('gpa de 110 mg/dl', 'es')).toEqual([]);
  });

  it('lets "en ayunas" after the number say when the blood was taken', () => {
    expect(summarize('Glucosa de 110 mg/dl en ayunas.', 'es')).toEqual(['110 mg/dl|glucose-fasting|mg/dL']);
  });

  it('reads Spanish comparators and ranges', () => {
    const form = (t: string) => one(t)?.form;
    expect(form('HbA1c menor de 7 %')).toEqual({ kind: 'bound', comparator: '<', value: 7 });
    expect(form('HbA1c por debajo del 7 %')).toEqual({ kind: 'bound', comparator: '<', value: 7 });
    expect(form('HbA1c inferior al 7 %')).toEqual({ kind: 'bound', comparator: '<', value: 7 });
    expect(form('HbA1c de más del 9 %')).toEqual({ kind: 'bound', comparator: '>', value: 9 });
    expect(form('glucosa mayor de 125 mg/dl')).toEqual({ kind: 'bound', comparator: '>', value: 125 });
    expect(form('glucosa igual o mayor a 126 mg/dl')).toEqual({ kind: 'bound', comparator: '≥', value: 126 });
    expect(form('glucosa mayor o igual a 126 mg/dl')).toEqual({ kind: 'bound', comparator: '≥', value: 126 });
    expect(form('HbA1c de al menos 6,5 %')).toEqual({ kind: 'bound', comparator: '≥', value: 6.5 });
    expect(form('HbA1c de 6,5 % o más')).toEqual({ kind: 'bound', comparator: '≥', value: 6.5 });
    expect(form('HbA1c de 5,6 % o menos')).toEqual({ kind: 'bound', comparator: '≤', value: 5.6 });
    expect(form('HbA1c de no más del 7 %')).toEqual({ kind: 'bound', comparator: '≤', value: 7 });
    expect(form('HbA1c como máximo 7 %')).toEqual({ kind: 'bound', comparator: '≤', value: 7 });
    expect(form('HbA1c de 5,7 a 6,4 %')).toEqual({ kind: 'range', low: 5.7, high: 6.4 });
    expect(form('HbA1c del 5,7 al 6,4 %')).toEqual({ kind: 'range', low: 5.7, high: 6.4 });
    expect(form('glucosa en ayunas entre 100 y 125 mg/dl')).toEqual({ kind: 'range', low: 100, high: 125 });
    // "desde … hasta" and a change are two values, as "from 8.1 to 6.9" is in English.
    expect(findValues('HbA1c desde 8,1 hasta 6,9', 'es').map((m) => m.form)).toEqual([
      { kind: 'single', value: 8.1 },
      { kind: 'single', value: 6.9 },
    ]);
    expect(findValues('La HbA1c subió de 6,1 a 6,8', 'es').map((m) => m.text)).toEqual(['6,1', '6,8']);
  });

  it('reads "del tiempo" as time in range, and a share of people as no value', () => {
    expect(summarize('Tiempo en rango del 70 % del tiempo', 'es')).toEqual(['70 %|time-in-range|%']);
    expect(findValues('HbA1c de 7 % de los pacientes', 'es')).toEqual([]);
  });

  it('says when a sentence is about someone’s care, and leaves out pregnancy and children', () => {
    expect(one('Mi HbA1c es de 7,4 % con metformina.')?.context).toBe('care');
    expect(one('Mi meta de HbA1c es menos del 7 %.')?.context).toBe('care');
    expect(one('Tras 3 meses de tratamiento, mi HbA1c fue de 6,9 %.')?.context).toBe('care');
    expect(one('Una HbA1c de 6,5 % sirve para el diagnóstico.')?.context).toBeUndefined();
    expect(one('Mi hija usa insulina y su HbA1c es de 7,5 %.')?.context).toBeUndefined();
    expect(findValues('En el embarazo, la HbA1c de 6 % es distinta.', 'es')).toEqual([]);
    expect(findValues('Los niños con un IMC de 25.', 'es')).toEqual([]);
  });

  it('maps values onto text nodes for the DOM layer', () => {
    const [v] = findValuesInSegments(['Mi Hb', 'A1c', ' es de ', '7,2', ' %.'], 'es');
    expect(v?.match.text).toBe('7,2 %');
    expect(v?.start).toEqual({ segment: 3, offset: 0 });
    expect(v?.end).toEqual({ segment: 4, offset: 2 });
  });

  it('is cheap to rule out: no Spanish measure name, no work', () => {
    expect(mayHaveValues('El clima estuvo a 25 grados y soleado.', 'es')).toBe(false);
    expect(mayHaveValues('La presión arterial fue 130/80.', 'es')).toBe(false);
    expect(mayHaveValues('IMC de 31', 'es')).toBe(true);
    expect(mayHaveValues('azúcar en la sangre de 250', 'es')).toBe(true);
  });

  it('handles a long Spanish page quickly, one that says "azúcar" and "tiempo" all along', () => {
    const filler = 'El azúcar de la comida se queda en la sangre durante mucho tiempo, 42 veces en 2025. '.repeat(
      15000,
    );
    let t = performance.now();
    expect(findValues(filler, 'es')).toEqual([]);
    const none = performance.now() - t;
    t = performance.now();
    expect(
      findValues(`${filler}Mi HbA1c es de 7,2 % y la glucosa en ayunas de 126 mg/dl. `.repeat(2), 'es'),
    ).toHaveLength(4);
    const some = performance.now() - t;
    expect(none).toBeLessThan(200);
    expect(some).toBeLessThan(1000);
  });

  it('reads every Spanish fixture’s value also with the first test passing (it is a superset of the names)', () => {
    for (const f of POSITIVES_ES) expect(mayHaveValues(f.text, 'es'), f.text).toBe(true);
  });
});

describe('English text keeps exactly today’s reading', () => {
  it('reads a comma as a thousands separator or a list, never as a decimal', () => {
    expect(findValues('My A1C is 7,2')).toEqual([]);
    expect(findValues('A1C 7,000')).toEqual([]);
    expect(findValues('My A1C is 7.2').map((m) => m.form)).toEqual([{ kind: 'single', value: 7.2 }]);
  });

  it('does not read Spanish names or words in English text', () => {
    for (const t of ['mi A1C es de 7,2 %', 'glucosa en ayunas de 126 mg/dl', 'IMC de 31,2', 'glucemia de 180 mg/dl'])
      expect(findValues(t), t).toEqual([]);
    expect(mayHaveValues('IMC de 31')).toBe(false);
  });

  it('finds what it found before in every English fixture, read as English by default and when told', () => {
    for (const f of [...POSITIVES, ...NEGATIVES]) expect(summarize(f.text, 'en'), f.text).toEqual(f.expect);
  });
});

const es = (term: string): LocalizedText => ({
  term,
  aliases: [],
  summary: `${term}.`,
  definition: `${term}. Otra frase.`,
  sources: [{ title: 'Diabetes (MedlinePlus en español)', url: 'https://medlineplus.gov/spanish/diabetes.html' }],
  lastReviewed: '2026-12-02',
});

describe('a page session with values in Spanish blocks', () => {
  const glossary: GlossaryEntry[] = [
    { ...entry('hba1c', 'HbA1c', ['A1C']), es: es('Hemoglobina glicosilada (HbA1c)') },
    { ...entry('metformin', 'Metformin'), es: es('Metformina') },
  ];
  const english = compileMatcher(glossary);
  const spanish = compileMatcher(glossary, 'es');
  const byId = new Map(glossary.map((e) => [e.id, e]));
  const session = (lang: string, values = true) =>
    new PageSession(
      { matcher: english, spanish: () => spanish, termOf: (id) => byId.get(id), knownNames: [] },
      { values, hiddenCategories: [], lang },
    );
  const valueMarks = (marks: SessionMark[]) =>
    marks.filter((m) => m.value).map((m) => [m.value?.text, m.value?.measure, m.lang ?? 'en', m.start.segment]);

  it('finds Spanish values in Spanish blocks and says so on the mark', () => {
    const answer = session('es').read([
      {
        id: 1,
        segments: ['Con la metformina, mi HbA1c es de 7,2 % y la glucosa en ayunas de 126 mg/dl.'],
      },
    ]);
    expect(valueMarks(answer.marks)).toEqual([
      ['7,2 %', 'a1c', 'es', 0],
      ['126 mg/dl', 'glucose-fasting', 'es', 0],
    ]);
    expect(answer.marks.find((m) => m.value?.text === '7,2 %')?.value?.form).toEqual({ kind: 'single', value: 7.2 });
  });

  it('reads an English paragraph of a Spanish page in English, in its place in the batch', () => {
    const answer = session('es').read([
      {
        id: 1,
        segments: [
          'La HbA1c de 1.000 pacientes fue de 6,5 % en promedio para el estudio.',
          '\u0000',
          'My A1C is 7.2% and my doctor is happy with the results of the plan.',
        ],
      },
    ]);
    expect(valueMarks(answer.marks)).toEqual([['7.2%', 'a1c', 'en', 2]]);
  });

  it('reads an English page as before: no Spanish values, no language on its marks', () => {
    const answer = session('en').read([
      { id: 1, segments: ['My A1C is 7.2% now, and the fasting glucose was 126 mg/dL on the day of the test.'] },
    ]);
    expect(valueMarks(answer.marks)).toEqual([
      ['7.2%', 'a1c', 'en', 0],
      ['126 mg/dL', 'glucose-fasting', 'en', 0],
    ]);
    expect(answer.marks.every((m) => m.lang === undefined)).toBe(true);
    const spanishText = session('en').read([
      { id: 1, segments: ['The page quotes "mi HbA1c es de 7,2 %" in the reader’s own words.'] },
    ]);
    expect(valueMarks(spanishText.marks)).toEqual([]);
  });

  it('finds no values when asked not to', () => {
    const answer = session('es', false).read([{ id: 1, segments: ['Mi HbA1c es de 7,2 % desde el mes pasado.'] }]);
    expect(valueMarks(answer.marks)).toEqual([]);
  });
});

describe('the gate and the messages', () => {
  const matcher = compileMatcher([entry('metformin', 'Metformin')]);
  const deps = { matcher, termOf: () => undefined };

  it('lets a page with only a Spanish value be read, when asked in Spanish', () => {
    const text = 'Según el laboratorio, la glucemia en ayunas fue de 126 mg/dl.';
    expect(mayBeMarked(text, deps, true)).toBe(false);
    expect(mayBeMarked(text, deps, true, 'es')).toBe(true);
    expect(mayBeMarked(text, deps, false, 'es')).toBe(false);
  });

  it('asks the background for a Spanish explanation, and for no other language', () => {
    const match = findValues('HbA1c de 7,2 %', 'es')[0];
    expect(isBackgroundRequest({ type: 'explain-value', match, lang: 'es' })).toBe(true);
    expect(isBackgroundRequest({ type: 'explain-value', match })).toBe(true);
    expect(isBackgroundRequest({ type: 'explain-value', match, lang: 'fr' })).toBe(false);
  });
});

/** Words and numbers Spanish values are written with, and the traps around them. */
// prettier-ignore
const PIECES = [
  'HbA1c', 'A1C', 'hemoglobina glicosilada', 'glucosa', 'glucemia', 'en ayunas', 'a las 2 horas', 'IMC',
  'tiempo en rango', 'azúcar en la sangre', 'presión arterial', 'es', 'fue', 'de', 'del', 'al', 'a', 'y', 'entre',
  'desde', 'hasta', 'bajó', 'un', 'menor de', 'o más', 'mi', 'la', 'tipo', 'tabla', 'embarazo', 'niños', 'meses',
  '7,2', '6,5', '7.2', '1.000', '1,000', '12.345', '7,255', '126', '5,7', '6,4', '31,2', '53', '2', '2024',
  '%', ' %', 'mg/dl', 'mmol/l', 'mmol/mol', 'kg/m2', 'por ciento', 'mg', 'pacientes', '€',
  '.', ',', ';', ':', '(', ')', '\u0000', '\n', '–', '¿', '?',
];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', ' ', '', '\u00a0')), { maxLength: 40 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

function checkInvariants(text: string, found: ValueMatch[]) {
  let last = 0;
  for (const m of found) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(m.name.text).toBe(text.slice(m.name.start, m.name.end));
    expect(text.slice(Math.min(m.name.end, m.end), Math.max(m.name.start, m.start))).not.toContain('\u0000');
    // A thousands group is never part of a value.
    expect(m.text).not.toMatch(/\d[.,]\d{3}/);
    last = m.end;
    const x = explainValue(m, 'es');
    expect(x.lang).toBe('es');
    expect(x.title).not.toMatch(/\d\.\d/);
  }
}

describe('findValues on random Spanish text', () => {
  it('returns sorted, in-bounds matches, never a thousands group, each explained in Spanish', () => {
    fc.assert(
      fc.property(textArb, (text) => checkInvariants(text, findValues(text, 'es'))),
      { numRuns: 400 },
    );
  });

  it('never crosses a block boundary: the whole equals its blocks', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 4 }), (blocks) => {
        const whole = findValues(blocks.join('\u0000'), 'es');
        expect(whole).toEqual(valuesByBlock(blocks, (b) => findValues(b, 'es')));
      }),
      { numRuns: 200 },
    );
  });
});
