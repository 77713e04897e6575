/**
 * The words, units and characters the finder knows, as tables apart from the code that walks and reads with them:
 * most fixes for a wrongly found or missed value are a word added here, and this is where they should be made.
 */

import type { Comparator } from '../types';
import { isDashChar } from '../../text/chars';

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
 * Words the walk from a name to its value may cross. `true`: a value may follow right after the word ("was 7.2");
 * `false`: it may not ("dropped 1.2%" is a change, not a level; "dropped to 6.9" is fine).
 */
// A word table reads best as the paragraph it was written as.
// prettier-ignore
export const LINKS = new Map<string, boolean>([
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
export const LABELS = new Set([
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
export const FOLLOW_OK = new Set([
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
export const COMP_WORD = new RegExp(
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

export function wordComparator(words: string): Comparator {
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

/** One capturing group per way of writing a unit, in the order of `UNIT_TOKENS`. */
export const UNIT = new RegExp(
  `${SP}?(?:(%)|(percent|per${SP}?cent)(?![\\p{L}\\/])|(mmol${SP}?\\/${SP}?mol)(?![\\p{L}\\/])|` +
    `(mmol${SP}?\\/${SP}?l(?:iter|itre)?)(?![\\p{L}\\/])|(mg${SP}?(?:\\/|per)${SP}?dl)(?![\\p{L}\\/])|` +
    `(kg${SP}?\\/${SP}?m(?:\\u00b2|2|\\^2))(?![\\p{L}\\p{N}\\/])|(mmol)(?![\\p{L}\\/]))`,
  'iuy',
);
export const UNIT_TOKENS: readonly UnitToken[] = ['%', '%', 'mmol/mol', 'mmol/L', 'mg/dL', 'kg/m²', 'mmol'];

/** Units and nouns that make a number something other than a value of a measure: doses, counts, times, sizes. */
export const NOT_A_VALUE = new RegExp(
  `${SP}*(?:mg|mcg|\\u00b5g|\\u03bcg|ug|g|gm|grams?|kg|kgs|kilos?|lbs?|pounds?|ml|cc|l|units?|u|iu|hours?|hrs?|h|` +
    'minutes?|mins?|seconds?|secs?|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y|yo|times|x|people|persons?|' +
    'patients?|adults?|children|kids|men|women|participants|subjects|individuals|americans|cases|deaths|million|' +
    'billion|thousand|hundred|k|m|mmhg|bpm|cm|mm|inches|ft|feet|kcal|calories|cal|steps|points?|pts?|' +
    'percentiles?|th|st|nd|rd|am|pm|a\\.m|p\\.m|ng|pg|\\u00b5mol|umol|nmol|pmol|meq|miu|\\u00b5iu|uiu)' +
    '(?![\\p{L}])|\\u00b0',
  'iuy',
);
