/**
 * Public shapes of "Numbers explained": values of known measures found in page text, and their explanations.
 * Offsets are UTF-16 indices into the string given to `findValues`, ranges are half-open [start, end).
 */

import type { Lang, Source } from '../glossary/types';

export type { Source };

/**
 * A source of a card, and the language of its page where it is not the card's: a Spanish card cites the ADA's
 * Standards, which are in English, beside Spanish pages.
 */
export interface ValueSource extends Source {
  lang?: Lang;
}

/**
 * The measure a value belongs to. Blood glucose is split by when it was measured, because the ranges differ:
 * fasting, 2 hours into an oral glucose tolerance test, random (any time of day), after an ordinary meal, or not said.
 */
export type MeasureId =
  | 'a1c'
  | 'glucose-fasting'
  | 'glucose-ogtt-2h'
  | 'glucose-random'
  | 'glucose-after-meal'
  | 'glucose'
  | 'bmi'
  | 'time-in-range'
  | 'time-below-range';

export type MeasureFamily = 'a1c' | 'glucose' | 'bmi' | 'cgm-time';

export type ValueUnit = '%' | 'mmol/mol' | 'mg/dL' | 'mmol/L' | 'kg/m²';

/** `<` also stands for "under", "below", "less than"; `≥` for "at least", "or higher"; and so on. */
export type Comparator = '<' | '≤' | '>' | '≥';

export type ValueForm =
  /** "7.2%", "126 mg/dL", bare "7.2". */
  | { kind: 'single'; value: number }
  /** "5.7–6.4%", "70 to 180 mg/dL", "between 100 and 125": low < high. */
  | { kind: 'range'; low: number; high: number }
  /** "<7%", "≥126 mg/dL", "at least 6.5%", "200 mg/dL or higher". */
  | { kind: 'bound'; comparator: Comparator; value: number };

/** A value of a known measure found in text. */
export interface ValueMatch {
  /** Index of the first character of the value (its comparator word or sign, if any). */
  start: number;
  /** Index just past the value's unit (or its last digit when there is no unit). */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  measure: MeasureId;
  /** The unit written, or the unit assumed when none was written (then `unitInferred` is true). */
  unit: ValueUnit;
  /** No unit was written next to the number; `unit` is TermLens's reading of it. */
  unitInferred: boolean;
  form: ValueForm;
  /** Where the measure's name was found ("HbA1c", "fasting glucose", "BMI"): before or after the value. */
  name: { start: number; end: number; text: string };
  /** Present when the value's sentence changes what its card may add; see `ValueContext`. */
  context?: ValueContext;
}

/**
 * What the sentence around a value says about whose number it is. `care`: someone who already has diabetes and is
 * being cared for ("my A1C was 7% after six months on the new plan", "a target A1C under 7%"), and not a sentence about
 * testing for diabetes. A published goal then means something to the reader; next to a diagnosis cut-off it would not.
 */
type ValueContext = 'care';

/** One conversion line: "53 mmol/mol", "about 154 mg/dL (8.6 mmol/L)". */
export interface ValueConversion {
  /** What the line is: "In mmol/mol (IFCC)", "Estimated average glucose". */
  label: string;
  /** The converted value(s), already rounded and formatted with units. */
  value: string;
  /** Id of the formula used, a key of `FORMULAS`. */
  formula: string;
}

/** One band of a range scheme, as shown to the reader. */
export interface BandView {
  id: string;
  /** "Prediabetes range". */
  label: string;
  /** The band's limits in the value's unit: "5.7% to 6.4%", "below 54 mg/dL". */
  limits: string;
  /** The value (or part of the value's range) falls in this band. */
  hit: boolean;
}

/** A widely published general goal for people who already have diabetes, shown as information with its source. */
export interface GoalLine {
  /** One or two plain sentences naming whose goal it is and that goals are set person by person. */
  text: string;
  /** "American Diabetes Association". */
  owner: string;
  source: ValueSource;
}

/** How a value reads against one published set of ranges. */
export interface RangeReading {
  /** Key of `SCHEMES`. */
  scheme: string;
  /** "ADA ranges used to diagnose diabetes with A1C". */
  title: string;
  /** Whose ranges these are: "American Diabetes Association". */
  owner: string;
  /** One plain sentence on where the value falls. */
  verdict: string;
  bands: BandView[];
  source: ValueSource;
}

export interface ValueExplanation {
  /** Written in Spanish (for a value found in Spanish text); absent: English. */
  lang?: 'es';
  measure: MeasureId;
  /** Heading for the card: "A1C 7.2%". */
  title: string;
  /** The measure's plain name: "A1C (HbA1c)". */
  measureName: string;
  /** One or two plain sentences saying what the measure is. */
  about: string;
  /** The value as written on the page. */
  asWritten: string;
  unitInferred: boolean;
  /** Present when `unitInferred`: which unit was assumed and why. */
  unitNote?: string;
  conversions: ValueConversion[];
  ranges: RangeReading[];
  /** Only where the value's sentence is about diabetes care (`ValueMatch.context`) and the measure has a general goal. */
  goal?: GoalLine;
  /** Plain sentences that matter for reading this value (never advice about treatment or doses). */
  caveats: string[];
  /** Every source behind the conversions and ranges shown, without duplicates. */
  sources: ValueSource[];
}
