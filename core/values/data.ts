/**
 * Everything "Numbers explained" states as fact lives here, as data with its citation: the measures and their units,
 * the conversion formulas, the published ranges (cut-offs) a value is read against and the general goals. The finder,
 * the explainer and the popover only use these tables; they hold no numbers of their own.
 *
 * The reader-facing sentences are written for US grade 6 to 8 (see glossary/WRITING.md). None of them gives advice
 * about treatment or doses.
 */

import type { MeasureFamily, MeasureId, Source, ValueUnit } from './types';

// ---------------------------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------------------------

export const SOURCES = {
  adaDiagnosis: {
    title:
      'Diagnosis and Classification of Diabetes: Standards of Care in Diabetes—2025 (American Diabetes Association)',
    url: 'https://diabetesjournals.org/care/article/48/Supplement_1/S27/157566/2-Diagnosis-and-Classification-of-Diabetes',
  },
  adaGlycemic: {
    title: 'Glycemic Goals and Hypoglycemia: Standards of Care in Diabetes—2025 (American Diabetes Association)',
    url: 'https://diabetesjournals.org/care/article/48/Supplement_1/S128/157561/6-Glycemic-Goals-and-Hypoglycemia-Standards-of',
  },
  tirConsensus: {
    title:
      'Clinical Targets for CGM Data Interpretation: International Consensus on Time in Range (Diabetes Care, 2019)',
    url: 'https://diabetesjournals.org/care/article/42/8/1593/36184/Clinical-Targets-for-Continuous-Glucose-Monitoring',
  },
  cdcBmi: {
    title: 'Adult BMI Categories (CDC)',
    url: 'https://www.cdc.gov/bmi/adult-calculator/bmi-categories.html',
  },
  adag: {
    title: 'Translating the A1C Assay Into Estimated Average Glucose Values (ADAG study, Diabetes Care, 2008)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC2742903/',
  },
  ifcc: {
    title: 'HbA1c master equations: converting NGSP % and IFCC mmol/mol (IFCC HbA1c network)',
    url: 'https://information.ifcchba1c.org/sustainable-implementation/master-equations.aspx',
  },
  niddkA1c: {
    title: 'The A1C Test & Diabetes (NIDDK)',
    url: 'https://www.niddk.nih.gov/health-information/diagnostic-tests/a1c-test',
  },
} as const satisfies Record<string, Source>;

// ---------------------------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------------------------

/** IFCC master equation: mmol/mol = (NGSP % − 2.15) × 10.929, and its inverse. */
export const IFCC_OFFSET_PERCENT = 2.15;
export const IFCC_SLOPE = 10.929;
/** ADAG regression: estimated average glucose (mg/dL) = 28.7 × A1C % − 46.7. */
export const ADAG_SLOPE = 28.7;
export const ADAG_INTERCEPT = -46.7;
/**
 * mg/dL per mmol/L of glucose. The molar mass of glucose (180.16 g/mol) gives 18.016; labs and the ADA Standards use
 * 18 (their paired cut-offs 140 mg/dL = 7.8 mmol/L, 200 = 11.1, 70 = 3.9, 54 = 3.0 all follow from 18, while 18.016
 * turns 7.8 mmol/L into 141 mg/dL). The difference is under 0.1%, smaller than the rounding of either unit.
 */
export const GLUCOSE_MGDL_PER_MMOLL = 18;

export interface Formula {
  /** The formula as shown to a curious reader. */
  text: string;
  source: Source;
}

export const FORMULAS = {
  'a1c-percent-to-mmolmol': { text: 'mmol/mol = (% − 2.15) × 10.929', source: SOURCES.ifcc },
  'a1c-mmolmol-to-percent': { text: '% = mmol/mol ÷ 10.929 + 2.15', source: SOURCES.ifcc },
  'a1c-to-eag': { text: 'estimated average glucose (mg/dL) = 28.7 × A1C (%) − 46.7', source: SOURCES.adag },
  'glucose-mgdl-mmoll': { text: 'mmol/L = mg/dL ÷ 18', source: SOURCES.adaDiagnosis },
} as const satisfies Record<string, Formula>;

export type FormulaId = keyof typeof FORMULAS;

// ---------------------------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------------------------

export interface UnitInfo {
  /** Decimals a lab report shows. */
  decimals: number;
  /** Smallest reported step, used to write a band's upper limit ("5.7% to 6.4%"). */
  step: number;
  /** Written right after the number with no space ("7%") or after a space ("7.0 mmol/L"). */
  attached: boolean;
  /** Plain name used in the note about an assumed unit. */
  spoken: string;
}

export const UNITS: Record<ValueUnit, UnitInfo> = {
  '%': { decimals: 1, step: 0.1, attached: true, spoken: 'percent' },
  'mmol/mol': { decimals: 0, step: 1, attached: false, spoken: 'mmol/mol' },
  'mg/dL': { decimals: 0, step: 1, attached: false, spoken: 'mg/dL' },
  'mmol/L': { decimals: 1, step: 0.1, attached: false, spoken: 'mmol/L' },
  'kg/m²': { decimals: 1, step: 0.1, attached: false, spoken: 'kg/m²' },
};

// ---------------------------------------------------------------------------------------------------------------
// Caveats (plain sentences; never advice about treatment or doses)
// ---------------------------------------------------------------------------------------------------------------

export const CAVEATS = {
  oneResult:
    'One result alone does not diagnose diabetes. Doctors confirm it with a second test, unless the signs of high blood sugar are very clear.',
  adults: 'These ranges are for adults who are not pregnant. Pregnancy and children have their own numbers.',
  goals: 'Goals differ from person to person. Each person and their care team set their own.',
  riskSteps:
    'Risk goes up little by little across these numbers. A cut-off is a line drawn for testing, not a line between safe and unsafe.',
  a1cAccuracy:
    'Some health problems can make an A1C result wrong. Examples are anemia, recent blood loss and a blood transfusion.',
  eag: 'Estimated average glucose comes from a large study. A person’s real average can be higher or lower.',
  randomSymptoms:
    'A random result of 200 mg/dL (11.1 mmol/L) or higher points to diabetes only along with classic signs of high blood sugar. Such signs include strong thirst and peeing a lot.',
  timing:
    'Which range applies depends on when the blood was taken: after fasting, during a glucose drink test, or at any time of day. The text does not say, so no diagnosis range is shown.',
  afterMeal:
    'There is no range for diagnosing diabetes from blood sugar after an ordinary meal. The 2-hour ranges are only for the glucose drink test (OGTT).',
  hypoLevels:
    'These low levels are set for people with diabetes. Level 3 is a severe low in which the person needs someone else’s help; it has no cut-off number.',
  bmiScreening:
    'BMI is a quick check, not a diagnosis. It does not tell fat from muscle. ADA uses a lower BMI, 23, when it says which Asian American adults to test for diabetes.',
  bmiAdults:
    'These groups are for adults 20 and older. Children and teens are compared with others of the same age and sex.',
  tirOther:
    'For older adults or people at high risk of lows, the consensus target is over 50%. Pregnancy has its own targets.',
  tbrOther:
    'The same consensus aims for less than 1% of the time below 54 mg/dL (3.0 mmol/L). These targets are for most adults with type 1 or type 2 diabetes.',
  crossing:
    'Conversions are rounded the way lab reports round them, so a value right at a cut-off can seem to fall on the other side in the other unit. The range above uses the number as written.',
} as const;

export type CaveatId = keyof typeof CAVEATS;

// ---------------------------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------------------------

/** One end of a band: `inclusive` means the cut-off value itself belongs to the band. */
export interface Limit {
  value: number;
  inclusive: boolean;
}

/** A band's limits in one unit. A missing `lo` is no lower limit, a missing `hi` no upper limit. */
export interface BandLimits {
  lo?: Limit;
  hi?: Limit;
}

export interface Band {
  id: string;
  label: string;
  /** The band's limits in each unit the source gives them in. */
  limits: Partial<Record<ValueUnit, BandLimits>>;
  /** Short plain phrase used in the verdict: "in the prediabetes range". */
  phrase: string;
}

export interface Scheme {
  id: string;
  title: string;
  owner: string;
  source: Source;
  bands: Band[];
  /**
   * Shown only when the value reaches one of these bands (the hypoglycemia levels are shown for a low glucose, not
   * for every glucose). Absent: always shown.
   */
  onlyWhenHits?: readonly string[];
  /**
   * Not shown when one of these schemes is shown: a low glucose is read against the hypoglycemia levels, not called
   * "normal" by a diagnosis range that only looks for high values.
   */
  skipIfShown?: readonly string[];
  caveats: readonly CaveatId[];
}

const atLeast = (value: number): Limit => ({ value, inclusive: true });
const above = (value: number): Limit => ({ value, inclusive: false });
const below = (value: number): Limit => ({ value, inclusive: false });
const atMost = (value: number): Limit => ({ value, inclusive: true });

export const SCHEMES = {
  'ada-a1c': {
    id: 'ada-a1c',
    title: 'ADA ranges for diagnosing diabetes with A1C',
    owner: 'American Diabetes Association',
    source: SOURCES.adaDiagnosis,
    bands: [
      {
        id: 'normal',
        label: 'Normal',
        phrase: 'in the normal range',
        limits: { '%': { hi: below(5.7) }, 'mmol/mol': { hi: below(39) } },
      },
      {
        id: 'prediabetes',
        label: 'Prediabetes',
        phrase: 'in the prediabetes range',
        limits: { '%': { lo: atLeast(5.7), hi: below(6.5) }, 'mmol/mol': { lo: atLeast(39), hi: below(48) } },
      },
      {
        id: 'diabetes',
        label: 'Diabetes',
        phrase: 'in the diabetes range',
        limits: { '%': { lo: atLeast(6.5) }, 'mmol/mol': { lo: atLeast(48) } },
      },
    ],
    caveats: ['oneResult', 'adults', 'riskSteps', 'a1cAccuracy', 'goals'],
  },
  'ada-fasting': {
    id: 'ada-fasting',
    skipIfShown: ['ada-hypoglycemia'],
    title: 'ADA ranges for diagnosing diabetes with fasting glucose',
    owner: 'American Diabetes Association',
    source: SOURCES.adaDiagnosis,
    bands: [
      {
        id: 'normal',
        label: 'Normal',
        phrase: 'in the normal range',
        limits: { 'mg/dL': { hi: below(100) }, 'mmol/L': { hi: below(5.6) } },
      },
      {
        id: 'prediabetes',
        label: 'Prediabetes (impaired fasting glucose)',
        phrase: 'in the prediabetes range',
        limits: { 'mg/dL': { lo: atLeast(100), hi: below(126) }, 'mmol/L': { lo: atLeast(5.6), hi: below(7.0) } },
      },
      {
        id: 'diabetes',
        label: 'Diabetes',
        phrase: 'in the diabetes range',
        limits: { 'mg/dL': { lo: atLeast(126) }, 'mmol/L': { lo: atLeast(7.0) } },
      },
    ],
    caveats: ['oneResult', 'adults', 'riskSteps', 'goals'],
  },
  'ada-ogtt': {
    id: 'ada-ogtt',
    skipIfShown: ['ada-hypoglycemia'],
    title: 'ADA ranges for the 2-hour glucose in a 75-gram glucose tolerance test',
    owner: 'American Diabetes Association',
    source: SOURCES.adaDiagnosis,
    bands: [
      {
        id: 'normal',
        label: 'Normal',
        phrase: 'in the normal range',
        limits: { 'mg/dL': { hi: below(140) }, 'mmol/L': { hi: below(7.8) } },
      },
      {
        id: 'prediabetes',
        label: 'Prediabetes (impaired glucose tolerance)',
        phrase: 'in the prediabetes range',
        limits: { 'mg/dL': { lo: atLeast(140), hi: below(200) }, 'mmol/L': { lo: atLeast(7.8), hi: below(11.1) } },
      },
      {
        id: 'diabetes',
        label: 'Diabetes',
        phrase: 'in the diabetes range',
        limits: { 'mg/dL': { lo: atLeast(200) }, 'mmol/L': { lo: atLeast(11.1) } },
      },
    ],
    caveats: ['oneResult', 'adults', 'riskSteps'],
  },
  'ada-random': {
    id: 'ada-random',
    skipIfShown: ['ada-hypoglycemia'],
    title: 'ADA level for diagnosing diabetes with a random glucose',
    owner: 'American Diabetes Association',
    source: SOURCES.adaDiagnosis,
    bands: [
      {
        id: 'under',
        label: 'Below the random-test level',
        phrase: 'below the level ADA uses for a random test',
        limits: { 'mg/dL': { hi: below(200) }, 'mmol/L': { hi: below(11.1) } },
      },
      {
        id: 'diabetes-with-symptoms',
        label: 'Diabetes, if there are also symptoms',
        phrase: 'at or above the level ADA uses for a random test, which counts only along with symptoms',
        limits: { 'mg/dL': { lo: atLeast(200) }, 'mmol/L': { lo: atLeast(11.1) } },
      },
    ],
    caveats: ['randomSymptoms', 'adults'],
  },
  'ada-hypoglycemia': {
    id: 'ada-hypoglycemia',
    title: 'ADA levels of low blood sugar (hypoglycemia)',
    owner: 'American Diabetes Association',
    source: SOURCES.adaGlycemic,
    bands: [
      {
        id: 'level-2',
        label: 'Level 2 low (serious)',
        phrase: 'in the level 2 (serious) low range',
        limits: { 'mg/dL': { hi: below(54) }, 'mmol/L': { hi: below(3.0) } },
      },
      {
        id: 'level-1',
        label: 'Level 1 low',
        phrase: 'in the level 1 low range',
        limits: { 'mg/dL': { lo: atLeast(54), hi: below(70) }, 'mmol/L': { lo: atLeast(3.0), hi: below(3.9) } },
      },
      {
        id: 'not-low',
        label: 'Not low by this measure',
        phrase: 'not low by this measure',
        limits: { 'mg/dL': { lo: atLeast(70) }, 'mmol/L': { lo: atLeast(3.9) } },
      },
    ],
    onlyWhenHits: ['level-1', 'level-2'],
    caveats: ['hypoLevels'],
  },
  'consensus-tir': {
    id: 'consensus-tir',
    title: 'Consensus target for time in range (70 to 180 mg/dL)',
    owner: 'International Consensus on Time in Range',
    source: SOURCES.tirConsensus,
    bands: [
      {
        id: 'under-target',
        label: 'Not above the target',
        phrase: 'not above the target of more than 70%',
        limits: { '%': { lo: atLeast(0), hi: atMost(70) } },
      },
      {
        id: 'meets-target',
        label: 'Meets the target',
        phrase: 'above 70%, which meets the target',
        limits: { '%': { lo: above(70), hi: atMost(100) } },
      },
    ],
    caveats: ['tirOther', 'goals'],
  },
  'consensus-tbr': {
    id: 'consensus-tbr',
    title: 'Consensus target for time below 70 mg/dL',
    owner: 'International Consensus on Time in Range',
    source: SOURCES.tirConsensus,
    bands: [
      {
        id: 'within-target',
        label: 'Within the target',
        phrase: 'under 4%, which is within the target',
        limits: { '%': { lo: atLeast(0), hi: below(4) } },
      },
      {
        id: 'over-target',
        label: 'Over the target',
        phrase: 'not under the target of less than 4%',
        limits: { '%': { lo: atLeast(4), hi: atMost(100) } },
      },
    ],
    caveats: ['tbrOther', 'goals'],
  },
  'cdc-bmi': {
    id: 'cdc-bmi',
    title: 'CDC BMI groups for adults',
    owner: 'Centers for Disease Control and Prevention (CDC)',
    source: SOURCES.cdcBmi,
    bands: [
      {
        id: 'underweight',
        label: 'Underweight',
        phrase: 'in the underweight group',
        limits: { 'kg/m²': { hi: below(18.5) } },
      },
      {
        id: 'healthy',
        label: 'Healthy weight',
        phrase: 'in the healthy weight group',
        limits: { 'kg/m²': { lo: atLeast(18.5), hi: below(25) } },
      },
      {
        id: 'overweight',
        label: 'Overweight',
        phrase: 'in the overweight group',
        limits: { 'kg/m²': { lo: atLeast(25), hi: below(30) } },
      },
      {
        id: 'obesity-1',
        label: 'Obesity, class 1',
        phrase: 'in the obesity group (class 1)',
        limits: { 'kg/m²': { lo: atLeast(30), hi: below(35) } },
      },
      {
        id: 'obesity-2',
        label: 'Obesity, class 2',
        phrase: 'in the obesity group (class 2)',
        limits: { 'kg/m²': { lo: atLeast(35), hi: below(40) } },
      },
      {
        id: 'obesity-3',
        label: 'Obesity, class 3 (severe obesity)',
        phrase: 'in the obesity group (class 3, severe obesity)',
        limits: { 'kg/m²': { lo: atLeast(40) } },
      },
    ],
    caveats: ['bmiScreening', 'bmiAdults'],
  },
} as const satisfies Record<string, Scheme>;

export type SchemeId = keyof typeof SCHEMES;

// ---------------------------------------------------------------------------------------------------------------
// General goals (for people who already have diabetes; information, never advice)
// ---------------------------------------------------------------------------------------------------------------

export interface Goal {
  id: string;
  owner: string;
  source: Source;
  /** The line shown, in the unit the value was written in (its numbers are the source's own, not converted). */
  text: Partial<Record<ValueUnit, string>>;
  /** Caveats the line already says, left out when it is shown. */
  replacesCaveats: readonly CaveatId[];
}

export const GOALS = {
  // ADA Standards of Care 2025, section 6: an A1C goal below 7% (53 mmol/mol) is appropriate for many nonpregnant
  // adults; goals are individualized, less or more stringent for some.
  'ada-a1c': {
    id: 'ada-a1c',
    owner: 'American Diabetes Association',
    source: SOURCES.adaGlycemic,
    text: {
      '%': 'For many adults with diabetes who are not pregnant, the ADA suggests an A1C goal below 7% (53 mmol/mol). Each person’s goal is set with their care team.',
      'mmol/mol':
        'For many adults with diabetes who are not pregnant, the ADA suggests an A1C goal below 53 mmol/mol (7%). Each person’s goal is set with their care team.',
    },
    replacesCaveats: ['goals'],
  },
} as const satisfies Record<string, Goal>;

export type GoalId = keyof typeof GOALS;

// ---------------------------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------------------------

export interface Measure {
  id: MeasureId;
  family: MeasureFamily;
  /** Heading name: "A1C", "Fasting glucose". */
  name: string;
  /** Fuller plain name for the card: "A1C (HbA1c)". */
  longName: string;
  about: string;
  /** Units a value of this measure may be written in; the first is the one assumed first when none is written. */
  units: readonly ValueUnit[];
  /** Values outside these limits (per unit) are not read as this measure: they are something else on the page. */
  plausible: Partial<Record<ValueUnit, readonly [number, number]>>;
  /** Range schemes the value is read against, in order (a scheme named in another's `skipIfShown` comes first). */
  schemes: readonly SchemeId[];
  /** Caveats that always apply to this measure. */
  caveats: readonly CaveatId[];
  /** Source for `about`. */
  source?: Source;
  /** A general goal, shown only when the value's sentence is about someone's diabetes care (`ValueMatch.context`). */
  goal?: GoalId;
}

const GLUCOSE_UNITS = ['mg/dL', 'mmol/L'] as const;
const GLUCOSE_PLAUSIBLE = { 'mg/dL': [10, 1500], 'mmol/L': [0.5, 85] } as const;

export const MEASURES: Record<MeasureId, Measure> = {
  a1c: {
    id: 'a1c',
    family: 'a1c',
    name: 'A1C',
    longName: 'A1C (HbA1c)',
    about:
      'A1C is a blood test that shows average blood sugar over the past 2 to 3 months. US labs give it as a percent; many other countries use mmol/mol.',
    units: ['%', 'mmol/mol'],
    plausible: { '%': [3, 20], 'mmol/mol': [10, 195] },
    schemes: ['ada-a1c'],
    caveats: ['eag'],
    source: SOURCES.niddkA1c,
    goal: 'ada-a1c',
  },
  'glucose-fasting': {
    id: 'glucose-fasting',
    family: 'glucose',
    name: 'Fasting glucose',
    longName: 'Fasting blood glucose',
    about: 'Fasting glucose is the sugar level in the blood after at least 8 hours with no food or drink except water.',
    units: GLUCOSE_UNITS,
    plausible: GLUCOSE_PLAUSIBLE,
    schemes: ['ada-hypoglycemia', 'ada-fasting'],
    caveats: [],
  },
  'glucose-ogtt-2h': {
    id: 'glucose-ogtt-2h',
    family: 'glucose',
    name: '2-hour glucose (OGTT)',
    longName: '2-hour glucose in a glucose tolerance test (OGTT)',
    about:
      'In an oral glucose tolerance test, a person drinks a sweet drink with 75 grams of glucose. The blood sugar 2 hours later shows how well the body clears sugar.',
    units: GLUCOSE_UNITS,
    plausible: GLUCOSE_PLAUSIBLE,
    schemes: ['ada-hypoglycemia', 'ada-ogtt'],
    caveats: [],
  },
  'glucose-random': {
    id: 'glucose-random',
    family: 'glucose',
    name: 'Random glucose',
    longName: 'Random blood glucose',
    about: 'A random glucose test measures blood sugar at any time of day, no matter when the person last ate.',
    units: GLUCOSE_UNITS,
    plausible: GLUCOSE_PLAUSIBLE,
    schemes: ['ada-hypoglycemia', 'ada-random'],
    caveats: [],
  },
  'glucose-after-meal': {
    id: 'glucose-after-meal',
    family: 'glucose',
    name: 'Glucose after a meal',
    longName: 'Blood glucose after a meal',
    about: 'This is blood sugar measured some time after eating, often 1 to 2 hours after a meal starts.',
    units: GLUCOSE_UNITS,
    plausible: GLUCOSE_PLAUSIBLE,
    schemes: ['ada-hypoglycemia'],
    caveats: ['afterMeal', 'goals'],
  },
  glucose: {
    id: 'glucose',
    family: 'glucose',
    name: 'Blood glucose',
    longName: 'Blood glucose (blood sugar)',
    about:
      'Blood glucose, or blood sugar, is the amount of sugar in the blood when it is measured. It goes up and down during the day.',
    units: GLUCOSE_UNITS,
    plausible: GLUCOSE_PLAUSIBLE,
    schemes: ['ada-hypoglycemia'],
    caveats: ['timing', 'goals'],
  },
  bmi: {
    id: 'bmi',
    family: 'bmi',
    name: 'BMI',
    longName: 'Body mass index (BMI)',
    about:
      'Body mass index (BMI) is weight in kilograms divided by height in meters, squared. It is a quick way to screen weight.',
    units: ['kg/m²'],
    plausible: { 'kg/m²': [10, 90] },
    schemes: ['cdc-bmi'],
    caveats: [],
    source: SOURCES.cdcBmi,
  },
  'time-in-range': {
    id: 'time-in-range',
    family: 'cgm-time',
    name: 'Time in range',
    longName: 'Time in range (TIR)',
    about:
      'Time in range is the share of the day that blood sugar stays between 70 and 180 mg/dL (3.9 to 10.0 mmol/L). It is read from a continuous glucose monitor (CGM).',
    units: ['%'],
    plausible: { '%': [0, 100] },
    schemes: ['consensus-tir'],
    caveats: [],
    source: SOURCES.tirConsensus,
  },
  'time-below-range': {
    id: 'time-below-range',
    family: 'cgm-time',
    name: 'Time below range',
    longName: 'Time below range (TBR)',
    about:
      'Time below range is the share of the day that blood sugar is below 70 mg/dL (3.9 mmol/L). It is read from a continuous glucose monitor (CGM).',
    units: ['%'],
    plausible: { '%': [0, 100] },
    schemes: ['consensus-tbr'],
    caveats: [],
    source: SOURCES.tirConsensus,
  },
};

/** A bare number next to A1C is read as percent up to this value and as mmol/mol above it (issue 9). */
export const A1C_BARE_PERCENT_MAX = 20;
/** A bare glucose number above this is read as mg/dL, at or below it as mmol/L. */
export const GLUCOSE_BARE_MMOLL_MAX = 35;
/** A bare glucose number read as mmol/L must be at least this (a bare "1" or "1.5" is too likely something else). */
export const GLUCOSE_BARE_MMOLL_MIN = 2;
