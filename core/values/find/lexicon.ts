/**
 * The words, units and characters the finder knows, as tables apart from the code that walks and reads with them:
 * most fixes for a wrongly found or missed value are a word added here, and this is where they should be made.
 *
 * Each language the finder reads has one `Lexicon`: this file holds its shape and the English one, `lexicon-es.ts`
 * the Spanish one. The walk and the reader (`walk.ts`, `read.ts`) take a lexicon and hold no words of their own.
 */

import type { Comparator } from '../types';
import { isDashChar, DASH_CLASS } from '../../text/chars';

// ---------------------------------------------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------------------------------------------

export const SP = '[\\s\\u00a0]';
export const WORD = /[\p{L}][\p{L}\p{M}'\u2019]*/uy;
export const SPACE = /[\s\u00a0]*/y;

export const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const LETTER = /[\p{L}\p{N}\p{M}_]/u;
export const isWordChar = (c: string | undefined) => c !== undefined && LETTER.test(c);
export const isDash = isDashChar;

/** Runs a sticky or global RegExp from `pos`. */
export function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Words around values
// ---------------------------------------------------------------------------------------------------------------

/**
 * What crossing a link word tells about a number right after it. `true`: it may be a level ("was 7.2"); `false`: it
 * may not ("dropped 1.2%" is a change, not a level; "dropped to 6.9" is fine); `'keep'`: the word says nothing either
 * way, so what the word before it said still holds (Spanish "bajó un 1,2 %" is a change like "bajó 1,2 %").
 */
export type LinkKind = boolean | 'keep';

/**
 * Words the walk from a name to its value may cross. `true`: a value may follow right after the word ("was 7.2");
 * `false`: it may not ("dropped 1.2%" is a change, not a level; "dropped to 6.9" is fine).
 */
// A word table reads best as the paragraph it was written as.
// prettier-ignore
const LINKS = new Map<string, LinkKind>([
  ...[
    'is', 'was', 'were', 'are', 'be', 'been', 'being', 'of', 'at', 'now', 'currently', 'still', 'just', 'only',
    'about', 'around', 'approximately', 'approx', 'roughly', 'nearly', 'almost', 'level', 'levels', 'result',
    'results', 'reading', 'readings', 'value', 'values', 'test', 'tests', 'number', 'numbers', 'score', 'measured',
    'my', 'his', 'her', 'their', 'your', 'our', 'the', 'a', 'an', 'new', 'latest', 'last', 'recent', 'most', 'first',
    'today', "today's", 'then', 'and', 'from', 'to', 'between', 'reached', 'hit', 'target', 'targets', 'goal', 'goals',
    'cutoff', 'cut', 'off', 'threshold', 'range', 'typically', 'usually', 'generally', 'often', 'always', 'over',
    'has', 'had', 'have', 'got', 'came', 'in', 'back', 'down', 'up', 'into', 'when', 'checked', 'reads', 'read',
    'showed', 'shows', 'says', 'said', 'should', 'would', 'must', 'need', 'needs', 'kept', 'keep', 'stay', 'stands',
    'sits', 'well', 'slightly', 'way', 'means', 'meaning', 'defined', 'as', 'called', 'equals', 'equal',
    // "the A1C diagnostic criteria of 6.5%", "an A1C cut point of 6.5"
    'criteria', 'criterion', 'diagnostic', 'diagnosis', 'point', 'mark', 'limit',
  ].map((w): [string, boolean] => [w, true]),
  ...[
    'went', 'dropped', 'drop', 'fell', 'fall', 'rose', 'rise', 'climbed', 'improved', 'stayed', 'increased',
    'decreased', 'reduced', 'lowered', 'raised', 'jumped', 'spiked', 'crept', 'change', 'changed', 'moved', 'gone',
  ].map((w): [string, boolean] => [w, false]),
]);

/** Punctuation the walk may cross. */
// A word table reads best as the paragraph it was written as.
// prettier-ignore
export const LINK_PUNCT = new Set([
  ',', ':', '=', '(', ')', '~', '\u2248', '"', '\u201c', '\u201d', '-', '\u2013', '\u2014',
]);

/** A number right after one of these words names something ("Type 2", "Section 6.4", "Table 2", "stage 3"). */
// A word table reads best as the paragraph it was written as.
// prettier-ignore
const LABELS = new Set([
  'type', 'types', 'section', 'sections', 'sec', 'table', 'tables', 'tab', 'figure', 'figures', 'fig', 'chapter',
  'part', 'step', 'steps', 'stage', 'stages', 'class', 'grade', 'phase', 'page', 'pages', 'p', 'pp', 'no', 'nos',
  'version', 'ver', 'v', 'vol', 'volume', 'issue', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'visit', 'item', 'question', 'q', 'row', 'column', 'col', 'appendix', 'box', 'study', 'trial', 'cohort', 'arm',
  'group', 'tier', 'category', 'note', 'footnote', 'ref', 'reference', 'references', 'line', 'unit', 'units', 'room',
  'lot', 'model', 'gen', 'generation', 'age', 'aged', 'ages', 'ward', 'bed', 'patient', 'subject', 'participant',
  'session', 'episode', 'season', 'dose', 'doses', 'dosage', 'take', 'takes', 'took', 'taking', 'inject',
  'injected', 'injecting', 'injection', 'injections', 'tablet', 'tablets', 'pill', 'pills', 'g', 'u', 'n', 'x',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'since', 'by',
  'per', 'every', 'each', 'top', 'rank', 'lesson', 'module', 'rule', 'rules', 'libre', 'dexcom', 'omnipod',
]);

/** After a number with no unit, the next word must be one of these (else "3 tests", "2 days", "37 million"). */
// A word table reads best as the paragraph it was written as.
// prettier-ignore
const FOLLOW_OK = new Set([
  'and', 'or', 'but', 'so', 'then', 'in', 'on', 'at', 'this', 'that', 'last', 'today', 'yesterday', 'now', 'after',
  'before', 'when', 'which', 'with', 'from', 'to', 'for', 'since', 'while', 'as', 'is', 'was', 'were', 'the', 'my',
  'again', 'too', 'though', 'although', 'because', 'if', 'according', 'by', 'during', 'until', 'which', 'who',
  'even', 'still', 'only', 'just', 'not', 'nor', 'yet', 'per', 'vs', 'versus', 'compared', 'meaning', 'means',
  'according', 'are', 'be', 'has', 'had', 'have', 'it', 'its', 'i', 'we', 'he', 'she', 'they', 'you', 'your',
]);

// ---------------------------------------------------------------------------------------------------------------
// Comparators
// ---------------------------------------------------------------------------------------------------------------

export const COMP_SYMBOL = new RegExp(`(<=|>=|=<|=>|\\u2264|\\u2265|\\u2a7d|\\u2a7e|<|>)${SP}*`, 'y');
const COMP_WORD = new RegExp(
  `(less${SP}+than|lower${SP}+than|fewer${SP}+than|under|below|more${SP}+than|greater${SP}+than|` +
    `higher${SP}+than|over|above|at${SP}+least|at${SP}+most|no${SP}+more${SP}+than|no${SP}+less${SP}+than|` +
    `not${SP}+more${SP}+than|up${SP}+to)${SP}+`,
  'iy',
);

export const SYMBOL_COMPARATORS: Record<string, Comparator> = {
  '<': '<',
  '<=': '≤',
  '=<': '≤',
  '\u2264': '≤',
  '\u2a7d': '≤',
  '>': '>',
  '>=': '≥',
  '=>': '≥',
  '\u2265': '≥',
  '\u2a7e': '≥',
};

function wordComparator(words: string): Comparator {
  const w = words.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
  if (w === 'at least' || w === 'no less than') return '≥';
  if (w === 'at most' || w === 'no more than' || w === 'not more than' || w === 'up to') return '≤';
  if (w === 'over' || w === 'above' || w === 'more than' || w === 'greater than' || w === 'higher than') return '>';
  return '<';
}

// ---------------------------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------------------------

export type UnitToken = '%' | 'mmol/mol' | 'mmol/L' | 'mmol' | 'mg/dL' | 'kg/m²';

/** One way of writing a unit: its pattern (one capturing group), what may not follow it, and the unit it is. */
export interface UnitForm {
  re: string;
  /** A lookahead: "mg/dL/min" is not mg/dL, "kg/m2" must not run into digits. */
  after: string;
  token: UnitToken;
}

const NOT_GLUED = '(?![\\p{L}\\/])';

/** In this order: the bare "mmol" last, so "mmol/mol" and "mmol/L" are read whole. */
export const UNIT_FORMS: readonly UnitForm[] = [
  { re: '%', after: '', token: '%' },
  { re: `percent|per${SP}?cent`, after: NOT_GLUED, token: '%' },
  { re: `mmol${SP}?\\/${SP}?mol`, after: NOT_GLUED, token: 'mmol/mol' },
  { re: `mmol${SP}?\\/${SP}?l(?:iter|itre)?`, after: NOT_GLUED, token: 'mmol/L' },
  { re: `mg${SP}?(?:\\/|per)${SP}?dl`, after: NOT_GLUED, token: 'mg/dL' },
  { re: `kg${SP}?\\/${SP}?m(?:\\u00b2|2|\\^2)`, after: '(?![\\p{L}\\p{N}\\/])', token: 'kg/m²' },
  { re: 'mmol', after: NOT_GLUED, token: 'mmol' },
];

/** One capturing group per form, in order; at most one space may stand between the number and its unit. */
export function unitPattern(forms: readonly UnitForm[]): { re: RegExp; tokens: readonly UnitToken[] } {
  return {
    re: new RegExp(`${SP}?(?:${forms.map((f) => `(${f.re})${f.after}`).join('|')})`, 'iuy'),
    tokens: forms.map((f) => f.token),
  };
}

/** Units and nouns that make a number something other than a value of a measure: doses, counts, times, sizes. */
export const NOT_A_VALUE_WORDS =
  'mg|mcg|\\u00b5g|\\u03bcg|ug|g|gm|grams?|kg|kgs|kilos?|lbs?|pounds?|ml|cc|l|units?|u|iu|hours?|hrs?|h|' +
  'minutes?|mins?|seconds?|secs?|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y|yo|times|x|people|persons?|' +
  'patients?|adults?|children|kids|men|women|participants|subjects|individuals|americans|cases|deaths|million|' +
  'billion|thousand|hundred|k|m|mmhg|bpm|cm|mm|inches|ft|feet|kcal|calories|cal|steps|points?|pts?|' +
  'percentiles?|th|st|nd|rd|am|pm|a\\.m|p\\.m|ng|pg|\\u00b5mol|umol|nmol|pmol|meq|miu|\\u00b5iu|uiu';

/** `words` (one alternation) as the sticky test run right after a number; `signs` may follow with no word end. */
export function notAValue(words: string, signs = '\\u00b0'): RegExp {
  return new RegExp(`${SP}*(?:${words})(?![\\p{L}])|${signs}`, 'iuy');
}

// ---------------------------------------------------------------------------------------------------------------
// One language's lexicon
// ---------------------------------------------------------------------------------------------------------------

/** Everything the walk and the reader need to know about how one language writes values. */
export interface Lexicon {
  /** The form a word is looked up in: lower case (Spanish also drops accents, as pages often do). */
  key(word: string): string;
  links: ReadonlyMap<string, LinkKind>;
  /** The link word that makes "to" two values ("from 8.1 to 6.9") rather than a range. */
  from: string;
  /** Words read as `from` right after a change word: Spanish "bajó de 8,1 a 6,9". */
  fromAfterChange: ReadonlySet<string>;
  labels: ReadonlySet<string>;
  followOk: ReadonlySet<string>;
  /** One number: at most four digits, and the decimals this language can be sure are decimals. */
  number: RegExp;
  compWord: RegExp;
  wordComparator(words: string): Comparator;
  /** ", or higher": group 1 is the word, and `lowerWords` are those that make it "or lower". */
  postComp: RegExp;
  lowerWords: ReadonlySet<string>;
  /** Between the two numbers of a range: group 1 a dash, group 2 a word (see `rangeJoins`). */
  rangeSep: RegExp;
  /** Whether the range word `sep` joins two numbers, given the link word before the first. */
  rangeJoins(sep: string, prevWord: string): boolean;
  unit: RegExp;
  unitTokens: readonly UnitToken[];
  notAValue: RegExp;
  /** "% of": group 1 set when it is the time of day or of readings (time in range), not people. */
  percentOf: RegExp;
  /** What may stand between a value written before its name and the name ("a 7.2% A1C"). */
  leftGap: RegExp;
  /** A later sentence carrying on with the measure just named, up to the number (see `walkOnward`). */
  continuation: RegExp;
  /**
   * Where two names claim the same number, a glucose whose time is said wins over one whose time is not. Spanish
   * says when the blood was taken after the number ("glucosa de 110 mg/dl en ayunas"); English does not, and there
   * two claims stay a reason to read nothing.
   */
  timedGlucoseWins: boolean;
}

const ENGLISH_UNITS = unitPattern(UNIT_FORMS);

export const ENGLISH: Lexicon = {
  key: (word) => word.toLowerCase(),
  links: LINKS,
  from: 'from',
  fromAfterChange: new Set(),
  labels: LABELS,
  followOk: FOLLOW_OK,
  number: /\d{1,4}(?:\.\d{1,3})?/y,
  compWord: COMP_WORD,
  wordComparator,
  postComp: new RegExp(
    `,?${SP}+(?:or|and)${SP}+(higher|above|more|greater|over|up|lower|less|below|under|fewer)(?![\\p{L}])`,
    'iuy',
  ),
  lowerWords: new Set(['lower', 'less', 'below', 'under', 'fewer']),
  rangeSep: new RegExp(`${SP}*(?:([${DASH_CLASS}])|(to|and))${SP}*(?=\\d)`, 'iy'),
  rangeJoins: (sep, prevWord) => (sep === 'to' && prevWord !== 'from') || (sep === 'and' && prevWord === 'between'),
  unit: ENGLISH_UNITS.re,
  unitTokens: ENGLISH_UNITS.tokens,
  notAValue: notAValue(NOT_A_VALUE_WORDS),
  percentOf: new RegExp(
    `${SP}+of(?![\\p{L}])(?:${SP}+(the${SP}+(?:time|day)|readings|each${SP}+day)(?![\\p{L}]))?`,
    'iuy',
  ),
  leftGap: new RegExp(
    `^(?:${SP}*\\(?${SP}*|${SP}+(?:on|in|for)${SP}+(?:(?:the|an?|my|your|his|her|their)${SP}+)?)$`,
    'i',
  ),
  continuation: new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:and|but|so)${SP}+)?(?:then|now|it|that|this|mine)(?:${SP}+(?:it|that|one))?` +
      `(?:['\\u2019]s|${SP}+(?:was|is|came${SP}+back(?:${SP}+at)?|went${SP}+(?:down|up)${SP}+to|dropped${SP}+to|` +
      `got${SP}+to|rose${SP}+to|fell${SP}+to|hit))${SP}+(?:a${SP}+|at${SP}+)?(?=\\d)`,
    'giu',
  ),
  timedGlucoseWins: false,
};
