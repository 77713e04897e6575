/**
 * How an explanation is worded in each language the card speaks: the reader-facing text of `data.ts` (or its Spanish
 * text, `data-es.ts`), how numbers and units are written, and the few sentences the explainer puts together. The
 * explainer (`explain.ts`) combines these and holds no words of its own, so both languages say the same thing.
 */

import { withUnit } from './convert';
import { CAVEATS, GOALS, MEASURES, SCHEMES, type CaveatId, type GoalId, type SchemeId } from './data';
import { CAVEATS_ES, GOALS_ES, MEASURES_ES, SCHEMES_ES } from './data-es';
import type { Comparator, MeasureId, Source, ValueSource, ValueUnit } from './types';

/** Which unit note an explanation gets when no unit was written: the measure's family and the unit assumed. */
export type UnitNoteId = 'a1c-percent' | 'a1c-mmolmol' | 'glucose-mgdl' | 'glucose-mmoll' | 'percent-of-time';

export interface Wording {
  /** Set on an explanation in this language; absent for English, the card's first language. */
  lang?: 'es';
  /** A number written with a decimal point ("7.2"), as this language writes it ("7,2"). */
  number(text: string): string;
  /** "7.2%", "126 mg/dL"; "7,2 %", "126 mg/dl". */
  withUnit(number: string, unit: ValueUnit): string;
  comparators: Record<Comparator, string>;
  limits: {
    /** `a` and `b` are numbers, either with its unit: "5.7% to 6.4%", "100 to 125 mg/dL". */
    span(a: string, b: string): string;
    overUpTo(a: string, b: string): string;
    orHigher(n: string): string;
    over(n: string): string;
    orLess(n: string): string;
    below(n: string): string;
    any: string;
  };
  verdicts: {
    outside(value: string): string;
    single(value: string, phrase: string): string;
    range(value: string, phrase: string): string;
    /** `strict`: "below"/"above", which take no "of" ("any value below 7%", "any value of at least 6.5%"). */
    bound(value: string, phrase: string, strict: boolean): string;
    rangeSpans(value: string, labels: string): string;
    valuesSpan(value: string, labels: string, strict: boolean): string;
  };
  /** "a, b and c". */
  and: string;
  conversions: { mmolMol: string; percent: string; mmolL: string; mgDl: string; eag: string };
  unitNotes: Record<UnitNoteId, string>;
  measure(id: MeasureId): { name: string; longName: string; about: string };
  scheme(id: SchemeId): { title: string; owner: string };
  band(scheme: SchemeId, band: string): { label: string; phrase: string };
  caveat(id: CaveatId): string;
  goal(id: GoalId, unit: ValueUnit): { text: string; owner: string } | null;
  /** A source of `data.ts` as this language's card cites it (in a Spanish card, marked as an English page). */
  cite(source: Source): ValueSource;
  /** The sources a scheme's ranges or a goal get: their own, after a page on them in the reader's language if any. */
  citeScheme(id: SchemeId): ValueSource[];
  citeGoal(id: GoalId): ValueSource[];
  /** Where a measure's description points the reader: a page in the reader's language where there is one. */
  aboutSource(id: MeasureId): ValueSource | undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ENGLISH: Wording = {
  number: (text) => text,
  withUnit,
  comparators: { '<': 'below', '≤': 'up to', '>': 'above', '≥': 'at least' },
  limits: {
    span: (a, b) => `${a} to ${b}`,
    overUpTo: (a, b) => `over ${a}, up to ${b}`,
    orHigher: (n) => `${n} or higher`,
    over: (n) => `over ${n}`,
    orLess: (n) => `${n} or less`,
    below: (n) => `below ${n}`,
    any: 'any value',
  },
  verdicts: {
    outside: (value) => `${value} is outside these ranges.`,
    single: (value, phrase) => `${capitalize(value)} is ${phrase}.`,
    range: (value, phrase) => `The whole range ${value} is ${phrase}.`,
    bound: (value, phrase, strict) => `Any value ${strict ? '' : 'of '}${value} is ${phrase}.`,
    rangeSpans: (value, labels) => `The range ${value} spans more than one group: ${labels}.`,
    valuesSpan: (value, labels) => `Values ${value} span more than one group: ${labels}.`,
  },
  and: 'and',
  conversions: {
    mmolMol: 'In mmol/mol (IFCC)',
    percent: 'In percent (NGSP)',
    mmolL: 'In mmol/L',
    mgDl: 'In mg/dL',
    eag: 'Estimated average glucose',
  },
  unitNotes: {
    'a1c-percent':
      'No unit was written. TermLens read it as a percent, the unit US labs use, because an A1C of 20 or less is given in percent.',
    'a1c-mmolmol': 'No unit was written. TermLens read it as mmol/mol, because an A1C above 20 cannot be a percent.',
    'glucose-mgdl':
      'No unit was written. TermLens read it as mg/dL, the US unit, because blood sugar in mmol/L is almost never above 35.',
    'glucose-mmoll':
      'No unit was written. TermLens read it as mmol/L, the unit used in many countries, because a blood sugar of 35 mg/dL or less would be extremely low.',
    'percent-of-time': 'No unit was written. TermLens read it as a percent of the time.',
  },
  measure: (id) => MEASURES[id],
  scheme: (id) => SCHEMES[id],
  band: (scheme, band) => SCHEMES[scheme].bands.find((b) => b.id === band) ?? { label: band, phrase: band },
  caveat: (id) => CAVEATS[id],
  goal: (id, unit) => {
    const text = (GOALS[id].text as Partial<Record<ValueUnit, string>>)[unit];
    return text ? { text, owner: GOALS[id].owner } : null;
  },
  cite: (source) => source,
  citeScheme: (id) => [SCHEMES[id].source],
  citeGoal: (id) => [GOALS[id].source],
  aboutSource: (id) => MEASURES[id].source,
};

/** Spanish writes mg/dl and mmol/l (as the Spanish glossary does), and puts a space before "%" (RAE: "7 %"). */
const UNITS_ES: Record<ValueUnit, string> = {
  '%': '%',
  'mmol/mol': 'mmol/mol',
  'mg/dL': 'mg/dl',
  'mmol/L': 'mmol/l',
  'kg/m²': 'kg/m²',
};

/** An English page cited in a Spanish card says so, so the reader knows before following it. */
const inEnglish = (source: Source): ValueSource => ({ ...source, lang: 'en' });
const withSpanish = (spanish: Source | undefined, own: Source): ValueSource[] =>
  spanish ? [spanish, inEnglish(own)] : [inEnglish(own)];

const SPANISH: Wording = {
  lang: 'es',
  number: (text) => text.replace('.', ','),
  withUnit: (number, unit) => `${number} ${UNITS_ES[unit]}`,
  comparators: { '<': 'por debajo de', '≤': 'hasta', '>': 'por encima de', '≥': 'al menos' },
  limits: {
    span: (a, b) => `de ${a} a ${b}`,
    overUpTo: (a, b) => `más de ${a}, hasta ${b}`,
    orHigher: (n) => `${n} o más`,
    over: (n) => `más de ${n}`,
    orLess: (n) => `${n} o menos`,
    below: (n) => `menos de ${n}`,
    any: 'cualquier valor',
  },
  verdicts: {
    outside: (value) => `${capitalize(value)} queda fuera de estos rangos.`,
    single: (value, phrase) => `${capitalize(value)} ${phrase}.`,
    range: (value, phrase) => `Todo el rango ${value} ${phrase}.`,
    bound: (value, phrase, strict) => `Cualquier valor ${strict ? '' : 'de '}${value} ${phrase}.`,
    rangeSpans: (value, labels) => `El rango ${value} abarca más de un grupo: ${labels}.`,
    valuesSpan: (value, labels, strict) =>
      `Los valores ${strict ? '' : 'de '}${value} abarcan más de un grupo: ${labels}.`,
  },
  and: 'y',
  conversions: {
    mmolMol: 'En mmol/mol (IFCC)',
    percent: 'En porcentaje (NGSP)',
    mmolL: 'En mmol/l',
    mgDl: 'En mg/dl',
    eag: 'Glucosa promedio estimada',
  },
  unitNotes: {
    'a1c-percent':
      'No se escribió la unidad. TermLens la leyó como porcentaje, la unidad de los laboratorios de Estados Unidos, porque una HbA1c de 20 o menos se da en porcentaje.',
    'a1c-mmolmol':
      'No se escribió la unidad. TermLens la leyó en mmol/mol, porque una HbA1c de más de 20 no puede ser un porcentaje.',
    'glucose-mgdl':
      'No se escribió la unidad. TermLens la leyó en mg/dl, la unidad de Estados Unidos, porque el azúcar en la sangre en mmol/l casi nunca pasa de 35.',
    'glucose-mmoll':
      'No se escribió la unidad. TermLens la leyó en mmol/l, la unidad de muchos países, porque un azúcar de 35 mg/dl o menos sería bajísimo.',
    'percent-of-time': 'No se escribió la unidad. TermLens la leyó como porcentaje del tiempo.',
  },
  measure: (id) => MEASURES_ES[id],
  scheme: (id) => SCHEMES_ES[id],
  band: (scheme, band) =>
    (SCHEMES_ES[scheme].bands as Record<string, { label: string; phrase: string }>)[band] ?? {
      label: band,
      phrase: band,
    },
  caveat: (id) => CAVEATS_ES[id],
  goal: (id, unit) => {
    const text = (GOALS_ES[id].text as Partial<Record<ValueUnit, string>>)[unit];
    return text ? { text, owner: GOALS_ES[id].owner } : null;
  },
  cite: inEnglish,
  citeScheme: (id) => withSpanish(SCHEMES_ES[id].source, SCHEMES[id].source),
  citeGoal: (id) => withSpanish(GOALS_ES[id].source, GOALS[id].source),
  aboutSource: (id) => {
    const own = MEASURES[id].source;
    return MEASURES_ES[id].source ?? (own && inEnglish(own));
  },
};

export const WORDINGS = { en: ENGLISH, es: SPANISH } as const;
