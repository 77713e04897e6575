/**
 * Finds values of known measures in plain text: "my A1C is 7.2", "HbA1c of 53 mmol/mol", "fasting glucose ≥126 mg/dL",
 * "BMI 31", "time in range above 70%".
 *
 * How: one cheap native RegExp test for any measure name first (most pages have none, and then nothing else runs).
 * Otherwise every measure name is located with one global RegExp, and from each name a short walk over the words next
 * to it (a few dozen characters, never past a sentence end or a block boundary `\u0000`) collects the values attached
 * to it. The walk only crosses linking words ("is", "was", "of", "from", "to", "level", ":"...); anything else ends
 * it. Numbers that are part of names, dates, doses, counts, times, citations or section numbers are refused, as is a
 * number whose unit does not fit the measure.
 *
 * Precision over recall: when in doubt, nothing is returned. A wrong explanation of a number is worse than none.
 */

import {
  A1C_BARE_PERCENT_MAX,
  GLUCOSE_BARE_MMOLL_MAX,
  GLUCOSE_BARE_MMOLL_MIN,
  MEASURES,
} from './data';
import type { Comparator, MeasureId, ValueForm, ValueMatch, ValueUnit } from './types';
import { DASH_CLASS, isDashChar } from '../text/chars';

// ---------------------------------------------------------------------------------------------------------------
// Measure names
// ---------------------------------------------------------------------------------------------------------------

const SEP = `[\\s\\u00a0${DASH_CLASS}]+`;
const OPT = `[\\s\\u00a0${DASH_CLASS}]*`;
const GLU = '(?:glucose|sugar)s?';
const BLOODISH = `(?:(?:plasma|blood|serum|capillary|venous)${SEP})?`;
const TWO_H = `(?:2|two)${OPT}(?:hours?|hrs?|h)`;
const MEAL = `(?:eating|meals?|an?${SEP}meal|food|breakfast|lunch|dinner)`;

interface NameSpec {
  /** RegExp source: non-capturing groups only. */
  re: string;
  /** `null`: a name that owns the numbers next to it but is not explained (eAG, GMI, urine glucose). */
  measure: MeasureId | null;
  /** The surface form must pass this (exact case) test: short acronyms that are also other things. */
  exact?: RegExp;
  /** Only values with a written unit count ("hypoglycemia below 70 mg/dL"). */
  needsUnit?: boolean;
}

/** Order matters where two names start at the same character: the longer, more specific one comes first. */
const NAMES: readonly NameSpec[] = [
  // Names whose numbers are something else.
  { re: `(?:estimated${SEP})?average${SEP}${BLOODISH}${GLU}`, measure: null },
  { re: `mean${SEP}${BLOODISH}${GLU}`, measure: null },
  { re: `urine${SEP}${GLU}`, measure: null },
  { re: `(?:drink(?:ing)?|drank)${SEP}(?:(?:a|the)${SEP})?glucose(?:${SEP}(?:drink|solution))?`, measure: null },
  { re: `glucose${SEP}(?:drinks?|solution|tablets?|gels?|load|challenge|monitors?|meters?|strips?|sensors?)`, measure: null },
  { re: `glucose${SEP}management${SEP}indicator`, measure: null },
  { re: `time${OPT}in${OPT}tight${OPT}range`, measure: null },
  { re: `time${OPT}above${OPT}(?:target${SEP})?range`, measure: null },
  { re: 'eAG|GMI|TITR|TAR', measure: null, exact: /^(?:eAG|GMI|TITR|TAR)$/ },
  // A1C.
  { re: `(?:hb|ha?emoglobin)${OPT}a${OPT}[1\\u2081]${OPT}c`, measure: 'a1c' },
  { re: 'a[1\\u2081]c', measure: 'a1c' },
  { re: `glyc(?:osyl)?ated${SEP}ha?emoglobin(?:${SEP}a[1\\u2081]c)?`, measure: 'a1c' },
  { re: 'glycoha?emoglobin', measure: 'a1c' },
  // Glucose after a meal.
  { re: `(?:${TWO_H}${SEP})?(?:post${OPT}meal|post${OPT}prandial|after${OPT}meals?)${SEP}${BLOODISH}${GLU}`, measure: 'glucose-after-meal' },
  { re: `(?:${TWO_H}${SEP})?${BLOODISH}${GLU}${SEP}(?:after|post)${SEP}${MEAL}`, measure: 'glucose-after-meal' },
  // 2-hour glucose of an OGTT. A bare "OGTT" or "glucose tolerance test" may report its fasting value too: unspecified.
  { re: `${TWO_H}${OPT}(?:oral${SEP}glucose${SEP}tolerance${SEP}test|OGTT|(?:plasma${SEP})?glucose|PG|post${OPT}load(?:${SEP}glucose)?)`, measure: 'glucose-ogtt-2h' },
  { re: `(?:oral${SEP})?glucose${SEP}tolerance${SEP}tests?|OGTTs?`, measure: 'glucose' },
  // Fasting.
  { re: `fasting${SEP}${BLOODISH}${GLU}`, measure: 'glucose-fasting' },
  { re: `fasting${SEP}BGs?`, measure: 'glucose-fasting' },
  { re: `glucose(?:,|${OPT}\\()?${OPT}fasting\\)?`, measure: 'glucose-fasting' },
  { re: 'FPG|FBG|FBS', measure: 'glucose-fasting', exact: /^(?:FPG|FBG|FBS)$/ },
  // Forums write "my fasting was 126": the number after it is the fasting glucose (the walk refuses hours and days).
  { re: 'fasting', measure: 'glucose-fasting' },
  // Random.
  { re: `(?:random|casual)${SEP}${BLOODISH}${GLU}`, measure: 'glucose-random' },
  { re: 'RBG|RPG', measure: 'glucose-random', exact: /^(?:RBG|RPG)$/ },
  // Glucose, time not said.
  { re: `(?:blood|plasma|serum|capillary|venous|sensor|finger${OPT}stick)${SEP}${GLU}`, measure: 'glucose' },
  { re: `${GLU}${SEP}(?:levels?|readings?)`, measure: 'glucose' },
  { re: 'glucose', measure: 'glucose' },
  { re: 'BGs?|BSL', measure: 'glucose', exact: /^(?:BGs?|BSL)$/ },
  { re: 'hyp(?:o|er)glyc(?:a)?emi(?:a|c)', measure: 'glucose', needsUnit: true },
  // BMI.
  { re: `body${OPT}mass${SEP}ind(?:ex|exes|ices)`, measure: 'bmi' },
  { re: 'BMIs?', measure: 'bmi' },
  // CGM time in ranges.
  { re: `time${OPT}in${OPT}(?:target${SEP})?range`, measure: 'time-in-range' },
  { re: 'TIR', measure: 'time-in-range', exact: /^TIR$/ },
  { re: `time${OPT}below${OPT}(?:target${SEP})?range`, measure: 'time-below-range' },
];

/** Cheap first test, a superset of every name above: when it fails, the text has no value to find. */
const PRETEST = /a[1\u2081]\s?c|glyc|gluc|sugar|fasting|\bbg|\bbsl\b|\bf[bp][gs]\b|\br[bp]g\b|ogtt|\bpg\b|\bbmi|body[\s-]?mass|\bti[rt]|\btar\b|\beag\b|\bgmi\b|(?:in|below|above)[\s-]+(?:target[\s-]+)?range/i;

/**
 * The start of a name must not follow a letter or digit. That is checked by hand after a match: as a lookbehind at the
 * front of the pattern it made the scan of a 500 kB page five times slower (42 ms instead of 8).
 */
const NAME_RE = new RegExp(
  `(?:${NAMES.map((n) => `(${n.re})`).join('|')})(?:['\\u2019]s)?(?![\\p{L}\\p{N}])`,
  'giu',
);

interface NameHit {
  start: number;
  end: number;
  spec: NameSpec;
}

function findNames(text: string): NameHit[] {
  const hits: NameHit[] = [];
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(text); m !== null; m = NAME_RE.exec(text)) {
    if (isWordChar(text[m.index - 1])) {
      NAME_RE.lastIndex = m.index + 1;
      continue;
    }
    let group = 1;
    while (group <= NAMES.length && m[group] === undefined) group++;
    const spec = NAMES[group - 1];
    if (!spec) continue;
    const surface = m[group] ?? '';
    if (spec.exact && !spec.exact.test(surface)) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, spec });
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------------------------
// Sentence and block boundaries
// ---------------------------------------------------------------------------------------------------------------

/** Block separator, sentence ends (a period not inside a number), semicolons, bullets, blank lines. */
const BOUNDARY = /[\u0000;!?|\u2022\u00b7]|\.(?!\d)|\n[ \t\u00a0]*\n/g;
/** How far from a name a value may be looked for, in characters. */
const RIGHT_WINDOW = 120;
const LEFT_WINDOW = 40;

function clauseEnd(text: string, from: number): number {
  // Search a short slice: a search of `text` itself would run to the end of a long text with no sentence end in it.
  const window = text.slice(from, from + RIGHT_WINDOW);
  BOUNDARY.lastIndex = 0;
  const m = BOUNDARY.exec(window);
  return from + (m ? m.index : window.length);
}

function clauseStart(text: string, before: number): number {
  const from = Math.max(0, before - LEFT_WINDOW);
  const window = text.slice(from, before);
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(window); m !== null; m = BOUNDARY.exec(window)) start = m.index + m[0].length;
  return from + start;
}

// ---------------------------------------------------------------------------------------------------------------
// Words around values
// ---------------------------------------------------------------------------------------------------------------

/**
 * Words the walk from a name to its value may cross. `true`: a value may follow right after the word ("was 7.2");
 * `false`: it may not ("dropped 1.2%" is a change, not a level; "dropped to 6.9" is fine).
 */
const LINKS = new Map<string, boolean>([
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
const LINK_PUNCT = new Set([',', ':', '=', '(', ')', '~', '\u2248', '"', '\u201c', '\u201d', '-', '\u2013', '\u2014']);

/** A number right after one of these words names something ("Type 2", "Section 6.4", "Table 2", "stage 3"). */
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
const FOLLOW_OK = new Set([
  'and', 'or', 'but', 'so', 'then', 'in', 'on', 'at', 'this', 'that', 'last', 'today', 'yesterday', 'now', 'after',
  'before', 'when', 'which', 'with', 'from', 'to', 'for', 'since', 'while', 'as', 'is', 'was', 'were', 'the', 'my',
  'again', 'too', 'though', 'although', 'because', 'if', 'according', 'by', 'during', 'until', 'which', 'who',
  'even', 'still', 'only', 'just', 'not', 'nor', 'yet', 'per', 'vs', 'versus', 'compared', 'meaning', 'means',
  'according', 'are', 'be', 'has', 'had', 'have', 'it', 'its', 'i', 'we', 'he', 'she', 'they', 'you', 'your',
]);

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

type UnitToken = '%' | 'mmol/mol' | 'mmol/L' | 'mmol' | 'mg/dL' | 'kg/m²';

interface RawValue {
  start: number;
  end: number;
  /** "70% of the time" (fine for time in range), "10% of people" (not a value of any measure): what follows "% of". */
  percentOf: 'time' | 'other' | null;
  /** Numbers in order: one for single and bound, two for a range. */
  numbers: number[];
  comparator?: Comparator;
  unit: UnitToken | null;
}

const REJECT = 'reject' as const;

const SP = '[\\s\\u00a0]';
const COMP_SYMBOL = new RegExp(`(<=|>=|=<|=>|\\u2264|\\u2265|\\u2a7d|\\u2a7e|<|>)${SP}*`, 'y');
const COMP_WORD = new RegExp(
  `(less${SP}+than|lower${SP}+than|fewer${SP}+than|under|below|more${SP}+than|greater${SP}+than|higher${SP}+than|over|above|at${SP}+least|at${SP}+most|no${SP}+more${SP}+than|no${SP}+less${SP}+than|not${SP}+more${SP}+than|up${SP}+to)${SP}+`,
  'iy',
);
const NUMBER = /\d{1,4}(?:\.\d{1,3})?/y;
const UNIT = new RegExp(
  `${SP}?(?:(%)|(percent|per${SP}?cent)(?![\\p{L}\\/])|(mmol${SP}?\\/${SP}?mol)(?![\\p{L}\\/])|(mmol${SP}?\\/${SP}?l(?:iter|itre)?)(?![\\p{L}\\/])|(mg${SP}?(?:\\/|per)${SP}?dl)(?![\\p{L}\\/])|(kg${SP}?\\/${SP}?m(?:\\u00b2|2|\\^2))(?![\\p{L}\\p{N}\\/])|(mmol)(?![\\p{L}\\/]))`,
  'iuy',
);
const UNIT_TOKENS: readonly UnitToken[] = ['%', '%', 'mmol/mol', 'mmol/L', 'mg/dL', 'kg/m²', 'mmol'];
/** Units and nouns that make a number something other than a value of a measure: doses, counts, times, sizes. */
const NOT_A_VALUE = new RegExp(
  `${SP}*(?:mg|mcg|\\u00b5g|\\u03bcg|ug|g|gm|grams?|kg|kgs|kilos?|lbs?|pounds?|ml|cc|l|units?|u|iu|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y|yo|times|x|people|persons?|patients?|adults?|children|kids|men|women|participants|subjects|individuals|americans|cases|deaths|million|billion|thousand|hundred|k|m|mmhg|bpm|cm|mm|inches|ft|feet|kcal|calories|cal|steps|points?|pts?|percentiles?|th|st|nd|rd|am|pm|a\\.m|p\\.m|ng|pg|\\u00b5mol|umol|nmol|pmol|meq|miu|\\u00b5iu|uiu)(?![\\p{L}])|\\u00b0`,
  'iuy',
);
const RANGE_SEP = new RegExp(`${SP}*(?:([${DASH_CLASS}])|(to|and))${SP}*(?=\\d)`, 'iy');
const POST_COMP = new RegExp(
  `,?${SP}+(?:or|and)${SP}+(higher|above|more|greater|over|up|lower|less|below|under|fewer)(?![\\p{L}])`,
  'iuy',
);
const PERCENT_OF = new RegExp(
  `${SP}+of(?![\\p{L}])(?:${SP}+(the${SP}+(?:time|day)|readings|each${SP}+day)(?![\\p{L}]))?`,
  'iuy',
);
const WORD = /[\p{L}][\p{L}\p{M}'\u2019]*/uy;
const SPACE = /[\s\u00a0]*/y;
const PREV_WORD = /([\p{L}]+)\.?[\s\u00a0]*$/u;
const N_EQUALS = /(?:^|[^\p{L}])n[\s\u00a0]*=[\s\u00a0]*$/iu;

const SYMBOL_COMPARATORS: Record<string, Comparator> = {
  '<': '<', '<=': '≤', '=<': '≤', '\u2264': '≤', '\u2a7d': '≤',
  '>': '>', '>=': '≥', '=>': '≥', '\u2265': '≥', '\u2a7e': '≥',
};

function wordComparator(words: string): Comparator {
  const w = words.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
  if (w === 'at least' || w === 'no less than') return '≥';
  if (w === 'at most' || w === 'no more than' || w === 'not more than' || w === 'up to') return '≤';
  if (w === 'over' || w === 'above' || w === 'more than' || w === 'greater than' || w === 'higher than') return '>';
  return '<';
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const LETTER = /[\p{L}\p{N}\p{M}_]/u;
const isWordChar = (c: string | undefined) => c !== undefined && LETTER.test(c);
const isDash = isDashChar;

function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** May a value start at `start` (its comparator or first digit), judging by what comes before it? */
function startAllowed(text: string, start: number): boolean {
  const p = text[start - 1];
  if (p === undefined) return true;
  if (isWordChar(p)) return false; // "A1C7", "T2"
  if ('#$\u00a3\u20ac\u00a5\u00a7\u00b6^/\\[@+\u00b1'.includes(p)) return false; // "#2", "$30", "§6", "[12]", "+0.5"
  if ((p === '.' || p === ',') && isDigit(text[start - 2])) return false; // "1,000", "6.4.1"
  if (isDash(p)) return false; // "GLP-1", "COVID-19", a change of "-0.5%"
  const before = text.slice(Math.max(0, start - 24), start);
  if (N_EQUALS.test(before)) return false; // "n = 45"
  const word = PREV_WORD.exec(before);
  if (word?.[1] && LABELS.has(word[1].toLowerCase())) return false; // "Type 2", "Section 6.4"
  return true;
}

/** Reads one number at `pos` and checks what touches its end. `null`: not a usable number. */
function readNumber(text: string, pos: number): { value: number; end: number; integer: boolean } | null {
  const m = matchAt(NUMBER, text, pos);
  if (!m) return null;
  const end = pos + m[0].length;
  const c = text[end];
  const c2 = text[end + 1];
  if (isDigit(c)) return null; // 5 or more digits
  if ((c === '.' || c === ',' || c === ':' || c === '/') && isDigit(c2)) return null; // "1,000", "7:30", "3/14"
  if (isDash(c) && c2 !== undefined && /\p{L}/u.test(c2)) return null; // "2-hour", "3-month"
  if (c === '+' || c === '\u00b0' || c === '\u00d7') return null;
  const value = Number(m[0]);
  const integer = !m[0].includes('.');
  if (integer && m[0].length === 4 && value >= 1900 && value <= 2100) return null; // a year
  return { value, end, integer };
}

/** The unit at `pos`: a unit token, `REJECT` for a dose/count/time word, or `null` for none. */
function readUnit(text: string, pos: number): { unit: UnitToken; end: number } | typeof REJECT | null {
  const m = matchAt(UNIT, text, pos);
  if (m) {
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) return { unit: UNIT_TOKENS[g - 1] ?? '%', end: pos + m[0].length };
    }
  }
  if (matchAt(NOT_A_VALUE, text, pos)) return REJECT;
  if (isWordChar(text[pos])) return REJECT; // "2nd", "3x", "1990s"
  return null;
}

/** A bare number must be followed by an end of clause, punctuation or an ordinary small word. */
function followAllowed(text: string, pos: number, limit: number): boolean {
  const sp = matchAt(SPACE, text, pos);
  const at = pos + (sp ? sp[0].length : 0);
  if (at >= limit) return true;
  const w = matchAt(WORD, text, at);
  if (!w) return true;
  return FOLLOW_OK.has(w[0].toLowerCase());
}

/**
 * Reads a value expression starting exactly at `pos`: an optional comparator, a number, an optional unit, and either a
 * second number (a range) or a trailing "or higher"/"or lower". `prevWord` is the link word just before, which decides
 * whether "to" / "and" join a range ("between 100 and 125") or separate two values ("from 8.1 to 6.9").
 */
function readValue(text: string, pos: number, limit: number, prevWord: string): RawValue | typeof REJECT | null {
  let at = pos;
  let comparator: Comparator | undefined;
  const sym = matchAt(COMP_SYMBOL, text, at);
  if (sym) {
    comparator = SYMBOL_COMPARATORS[sym[1] ?? ''];
    at += sym[0].length;
  } else {
    const word = matchAt(COMP_WORD, text, at);
    if (word && isDigit(text[at + word[0].length])) {
      comparator = wordComparator(word[1] ?? '');
      at += word[0].length;
    }
  }
  if (!isDigit(text[at])) return null;
  if (!startAllowed(text, pos)) return REJECT;
  const first = readNumber(text, at);
  if (!first || first.end > limit) return REJECT;
  // "… and 2) catching lows": a number closing a parenthesis that was never opened numbers a list item.
  if (text[first.end] === ')' && text.lastIndexOf('(', at) <= text.lastIndexOf(')', at - 1)) return REJECT;
  let end = first.end;
  const unit1 = readUnit(text, end);
  if (unit1 === REJECT) return REJECT;
  let unit: UnitToken | null = null;
  if (unit1) {
    unit = unit1.unit;
    end = unit1.end;
  }
  const numbers = [first.value];

  if (!comparator) {
    const sep = matchAt(RANGE_SEP, text, end);
    const sepWord = sep?.[2]?.toLowerCase();
    const joins = sep && (sepWord === undefined || (sepWord === 'to' && prevWord !== 'from') || (sepWord === 'and' && prevWord === 'between'));
    if (sep && joins) {
      const secondAt = end + sep[0].length;
      const second = readNumber(text, secondAt);
      if (!second || second.end > limit) return REJECT;
      let end2 = second.end;
      const unit2 = readUnit(text, end2);
      if (unit2 === REJECT) return REJECT;
      if (unit2) end2 = unit2.end;
      const u2 = unit2 ? unit2.unit : null;
      if (unit && u2 && unit !== u2) return REJECT;
      if (second.value > first.value) {
        numbers.push(second.value);
        unit = unit ?? u2;
        end = end2;
      } else if (sepWord === undefined) {
        return REJECT; // "8-6": not a range we can read
      }
    } else {
      const post = matchAt(POST_COMP, text, end);
      if (post && post.index + post[0].length <= limit) {
        const w = (post[1] ?? '').toLowerCase();
        comparator = ['lower', 'less', 'below', 'under', 'fewer'].includes(w) ? '≤' : '≥';
        end += post[0].length;
      }
    }
  }
  if (end > limit) return REJECT;
  let percentOf: RawValue['percentOf'] = null;
  if (unit === '%') {
    const of = matchAt(PERCENT_OF, text, end);
    if (of) percentOf = of[1] ? 'time' : 'other';
  }
  if (!unit && !comparator && numbers.length === 1 && !followAllowed(text, end, limit)) return REJECT;
  return { start: pos, end, numbers, comparator, unit, percentOf };
}

/** Gives a raw value its measure's unit, or refuses it (wrong unit, implausible number, ambiguous bare range). */
function resolve(raw: RawValue, spec: NameSpec, text: string): Omit<ValueMatch, 'name'> | null {
  const measureId = spec.measure;
  if (!measureId) return null;
  const measure = MEASURES[measureId];
  let unit: ValueUnit | null = null;
  let unitInferred = false;
  const nums = raw.numbers;
  if (raw.unit) {
    if (measure.family === 'a1c') unit = raw.unit === '%' ? '%' : raw.unit === 'mmol/mol' || raw.unit === 'mmol' ? 'mmol/mol' : null;
    else if (measure.family === 'glucose') unit = raw.unit === 'mg/dL' ? 'mg/dL' : raw.unit === 'mmol/L' || raw.unit === 'mmol' ? 'mmol/L' : null;
    else if (measure.family === 'bmi') unit = raw.unit === 'kg/m²' ? 'kg/m²' : null;
    else unit = raw.unit === '%' ? '%' : null;
  } else {
    if (spec.needsUnit) return null;
    if (measure.family === 'a1c') {
      if (nums.every((n) => n <= A1C_BARE_PERCENT_MAX)) unit = '%';
      else if (nums.every((n) => n > A1C_BARE_PERCENT_MAX)) unit = 'mmol/mol';
      unitInferred = true;
    } else if (measure.family === 'glucose') {
      if (nums.every((n) => n > GLUCOSE_BARE_MMOLL_MAX)) unit = 'mg/dL';
      else if (nums.every((n) => n <= GLUCOSE_BARE_MMOLL_MAX && n >= GLUCOSE_BARE_MMOLL_MIN)) unit = 'mmol/L';
      unitInferred = true;
    } else if (measure.family === 'bmi') {
      unit = 'kg/m²';
    } else {
      unit = '%';
      unitInferred = true;
    }
  }
  if (!unit) return null;
  if (raw.percentOf === 'other' || (raw.percentOf === 'time' && measure.family !== 'cgm-time')) return null;
  const [lo, hi] = measure.plausible[unit] ?? [0, -1];
  if (!nums.every((n) => n >= lo && n <= hi)) return null;
  const [a = 0, b = 0] = nums;
  const form: ValueForm =
    nums.length === 2
      ? { kind: 'range', low: a, high: b }
      : raw.comparator
        ? { kind: 'bound', comparator: raw.comparator, value: a }
        : { kind: 'single', value: a };
  return {
    start: raw.start,
    end: raw.end,
    text: text.slice(raw.start, raw.end),
    measure: measureId,
    unit,
    unitInferred,
    form,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Walking from a name to its values
// ---------------------------------------------------------------------------------------------------------------

/** Farthest a first value may start after its name, and a further value after the previous one (characters). */
const FIRST_GAP = 48;
const NEXT_GAP = 32;
const MAX_LINKS = 5;

const isCgmTime = (spec: NameSpec) => spec.measure !== null && MEASURES[spec.measure].family === 'cgm-time';

function walkRight(text: string, hit: NameHit, nameStarts: Set<number>): Omit<ValueMatch, 'name'>[] {
  const out: Omit<ValueMatch, 'name'>[] = [];
  const limit = clauseEnd(text, hit.end);
  let pos = hit.end;
  let anchor = hit.end;
  let links = 0;
  let prevWord = '';
  let directOk = true;
  while (pos < limit) {
    const sp = matchAt(SPACE, text, pos);
    pos += sp ? sp[0].length : 0;
    if (pos >= limit || nameStarts.has(pos)) break;
    if (pos - anchor > (out.length ? NEXT_GAP : FIRST_GAP)) break;
    const raw = readValue(text, pos, limit, prevWord);
    if (raw === REJECT) break;
    if (raw) {
      if (!directOk) break;
      const v = resolve(raw, hit.spec, text);
      if (!v) {
        // "Time in range (70–180 mg/dL) was 72%": the glucose range right after the name defines the range; step over it.
        const definesRange = raw.unit === 'mg/dL' || raw.unit === 'mmol/L';
        if (isCgmTime(hit.spec) && definesRange && out.length === 0) {
          pos = raw.end;
          continue;
        }
        break;
      }
      const first = out[0];
      if (first && v.unit !== first.unit && (v.unitInferred || first.unitInferred)) break;
      out.push(v);
      pos = anchor = raw.end;
      links = 0;
      prevWord = '';
      directOk = true;
      continue;
    }
    const w = matchAt(WORD, text, pos);
    if (w) {
      const lw = w[0].toLowerCase().replace(/['\u2019]s$/, '');
      const direct = LINKS.get(lw);
      if (direct === undefined || ++links > MAX_LINKS) break;
      prevWord = lw;
      directOk = direct;
      pos += w[0].length;
      continue;
    }
    const c = text[pos] ?? '';
    if (!LINK_PUNCT.has(c)) break;
    pos += 1;
  }
  return out;
}

const LEFT_GAP = new RegExp(`^(?:${SP}*\\(?${SP}*|${SP}+(?:on|in|for)${SP}+(?:(?:the|an?|my|your|his|her|their)${SP}+)?)$`, 'i');
const NUMBER_STARTS = /(?<![\p{L}\d.])\d/gu;

/** A value written before its name ("a 7.2% A1C", "6.5% or higher A1C"): it must carry its unit. */
function walkLeft(text: string, hit: NameHit): Omit<ValueMatch, 'name'> | null {
  const from = clauseStart(text, hit.start);
  const window = text.slice(from, hit.start);
  NUMBER_STARTS.lastIndex = 0;
  for (let m = NUMBER_STARTS.exec(window); m !== null; m = NUMBER_STARTS.exec(window)) {
    let start = from + m.index;
    const sym = /(<=|>=|\u2264|\u2265|<|>)[\s\u00a0]*$/.exec(text.slice(Math.max(from, start - 3), start));
    if (sym) start -= sym[0].length;
    const raw = readValue(text, start, hit.start, '');
    if (!raw || raw === REJECT || !raw.unit) continue;
    if (!LEFT_GAP.test(text.slice(raw.end, hit.start))) continue;
    return resolve(raw, hit.spec, text);
  }
  return null;
}

/**
 * A later sentence of the same block that carries on with the measure just named: "My A1C was 6.1 in May. Then it
 * was 5.8", "Had my A1C checked. It was 5.6!". Only a pronoun or "then"/"now" with a linking verb, right before the
 * number, and only when no other measure is named in between; the number must then read as that measure does.
 */
const CONTINUATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:and|but|so)${SP}+)?(?:then|now|it|that|this|mine)(?:${SP}+(?:it|that|one))?(?:['\\u2019]s|${SP}+(?:was|is|came${SP}+back(?:${SP}+at)?|went${SP}+(?:down|up)${SP}+to|dropped${SP}+to|got${SP}+to|rose${SP}+to|fell${SP}+to|hit))${SP}+(?:a${SP}+|at${SP}+)?(?=\\d)`,
  'giu',
);
const CONTINUE_WINDOW = 240;
const CONTINUED_FAMILIES = new Set(['a1c', 'glucose']);

function walkOnward(text: string, hit: NameHit, names: readonly NameHit[]): Omit<ValueMatch, 'name'>[] {
  const measure = hit.spec.measure;
  if (!measure || !CONTINUED_FAMILIES.has(MEASURES[measure].family)) return [];
  const from = clauseEnd(text, hit.end);
  const block = text.indexOf('\u0000', hit.end);
  const nextName = names.find((n) => n.start > hit.end);
  const to = Math.min(from + CONTINUE_WINDOW, block === -1 ? text.length : block, nextName ? nextName.start : text.length);
  const out: Omit<ValueMatch, 'name'>[] = [];
  const window = text.slice(0, to);
  CONTINUATION.lastIndex = from;
  for (let m = CONTINUATION.exec(window); m !== null; m = CONTINUATION.exec(window)) {
    const at = m.index + m[0].length;
    const raw = readValue(text, at, clauseEnd(text, at), '');
    if (!raw || raw === REJECT) continue;
    // Bare numbers need a decimal point to be read as a level: "it was 6" could be anything.
    if (!raw.unit && raw.numbers.every((n) => Number.isInteger(n))) continue;
    const v = resolve(raw, hit.spec, text);
    if (v) out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Sentences about people the ranges are not for
// ---------------------------------------------------------------------------------------------------------------

/** The ranges explained are for non-pregnant adults: a sentence about pregnancy (or, for BMI, children) is left alone. */
const PREGNANCY = /\b(?:pregnan\w*|gestation\w*|GDM|antenatal|prenatal|antepartum)\b/i;
const CHILDREN = /\b(?:child(?:ren)?|kids?|teens?|teenagers?|adolescents?|p(?:a)?ediatric|boys?|girls?|infants?|percentiles?|youths?)\b/i;
const SENTENCE_END = /[\u0000!?]|\.(?!\d)/g;
const SENTENCE_WINDOW = 160;

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - SENTENCE_WINDOW);
  const left = text.slice(from, start);
  let cut = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(left); m !== null; m = SENTENCE_END.exec(left)) cut = m.index + 1;
  const right = text.slice(end, end + SENTENCE_WINDOW);
  SENTENCE_END.lastIndex = 0;
  const stop = SENTENCE_END.exec(right);
  return left.slice(cut) + text.slice(start, end) + (stop ? right.slice(0, stop.index) : right);
}

// ---------------------------------------------------------------------------------------------------------------
// Sentences about someone's diabetes care
// ---------------------------------------------------------------------------------------------------------------

const MEDICINES =
  'metformin|insulin|ozempic|wegovy|rybelsus|semaglutide|mounjaro|tirzepatide|trulicity|dulaglutide|victoza|liraglutide|jardiance|empagliflozin|farxiga|dapagliflozin|januvia|sitagliptin|glipizide|gliclazide|glimepiride|pioglitazone|medications?|medicines?|meds|pills?|tablets|pumps?';
/**
 * Words of a sentence about someone who already has diabetes and is being cared for: a goal or target, a treatment or
 * a plan, being on a medicine, "my diabetes", a result "after six months". Matched on the value's whole sentence.
 */
const CARE = new RegExp(
  `\\b(?:goals?|targets?|aim(?:s|ing)?|treat(?:ed|ing|ments?)?|therapy|manag(?:e|es|ed|ing|ement)|control(?:led|s)?|plans?|care${SP}+team|my${SP}+(?:diabetes|type${SP}*[12]|t[12]d?|dm)|(?:on|taking|started|starting|began|using|with)${SP}+(?:(?:the|my|a|new|more|less)${SP}+)*(?:${MEDICINES})|after${SP}+(?:[\\p{L}\\d-]+${SP}+){0,3}?(?:weeks?|months?|years?))\\b`,
  'iu',
);
/** A sentence about finding diabetes: its cut-offs, not a goal, are what it speaks of, whatever else it says. */
const DIAGNOSTIC = /\b(?:diagnos(?:e|es|is|ing|tic)|screen(?:s|ed|ing)?|prediabet\w*|criteri(?:a|on)|cut[\s-]?(?:offs?|points?)|thresholds?)\b/i;

/** The goals TermLens can cite are for adults: a sentence about someone's child is left without one. */
const OWN_CHILD = /\b(?:sons?|daughters?|babies|baby|toddlers?)\b/i;

function aboutCare(sentence: string): boolean {
  return CARE.test(sentence) && !DIAGNOSTIC.test(sentence) && !CHILDREN.test(sentence) && !OWN_CHILD.test(sentence);
}

/** The sentence a name and its values stand in, and what follows from it. */
function readSentence(text: string, hit: NameHit, values: readonly { start: number; end: number }[]): { outOfScope: boolean; care: boolean } {
  const start = Math.min(hit.start, ...values.map((v) => v.start));
  const end = Math.max(hit.end, ...values.map((v) => v.end));
  const sentence = sentenceAround(text, start, end);
  const outOfScope = PREGNANCY.test(sentence) || (hit.spec.measure === 'bmi' && CHILDREN.test(sentence));
  // The measure's own name says nothing about the person: "time in target range" is not a target.
  return { outOfScope, care: !outOfScope && aboutCare(sentence.replace(text.slice(hit.start, hit.end), ' ')) };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

/** True when `text` may hold a value of a known measure: one native RegExp test, for callers that want to skip work. */
export function mayHaveValues(text: string): boolean {
  return PRETEST.test(text);
}

/**
 * Every value of a known measure in `text`, sorted by position and non-overlapping. `text` is plain text of one or
 * more blocks of a page separated by `\u0000`; a value and its measure's name are always in the same block and the
 * same sentence.
 */
export function findValues(text: string): ValueMatch[] {
  if (!PRETEST.test(text)) return [];
  const names = findNames(text);
  if (names.length === 0) return [];
  const nameStarts = new Set(names.map((n) => n.start));
  const found: ValueMatch[] = [];
  for (const hit of names) {
    if (!hit.spec.measure) continue;
    const values = walkRight(text, hit, nameStarts);
    const left = walkLeft(text, hit);
    if (left) values.push(left);
    const name = { start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) };
    const keep = (v: Omit<ValueMatch, 'name'>, sentence: { outOfScope: boolean; care: boolean }) => {
      if (!sentence.outOfScope) found.push(sentence.care ? { ...v, name, context: 'care' } : { ...v, name });
    };
    if (values.length) {
      const sentence = readSentence(text, hit, values);
      for (const v of values) keep(v, sentence);
    }
    for (const v of walkOnward(text, hit, names)) keep(v, readSentence(text, hit, [v]));
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  // Two names claiming one number, or overlapping values: kept once when they agree, else all dropped (no guessing).
  const out: ValueMatch[] = [];
  let i = 0;
  while (i < found.length) {
    const first = found[i] as ValueMatch;
    let clusterEnd = first.end;
    let agree = true;
    let j = i + 1;
    for (; j < found.length; j++) {
      const v = found[j] as ValueMatch;
      if (v.start >= clusterEnd) break;
      clusterEnd = Math.max(clusterEnd, v.end);
      agree &&= v.start === first.start && v.end === first.end && v.measure === first.measure && v.unit === first.unit;
    }
    if (agree) out.push(first);
    i = j;
  }
  return out;
}
