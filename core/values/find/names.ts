/**
 * The measure names the finder looks for, kept apart from how values are read: adding a way to write "A1C" or
 * "fasting glucose" touches this table and nothing else, and the order rules of the table are stated where it is.
 */

import type { MeasureId } from '../types';
import { DASH_CLASS } from '../../text/chars';
import { isWordChar } from './lexicon';

const SEP = `[\\s\\u00a0${DASH_CLASS}]+`;
const OPT = `[\\s\\u00a0${DASH_CLASS}]*`;
const GLU = '(?:glucose|sugar)s?';
const BLOODISH = `(?:(?:plasma|blood|serum|capillary|venous)${SEP})?`;
const TWO_H = `(?:2|two)${OPT}(?:hours?|hrs?|h)`;
const MEAL = `(?:eating|meals?|an?${SEP}meal|food|breakfast|lunch|dinner)`;

export interface NameSpec {
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
  {
    re: `glucose${SEP}(?:drinks?|solution|tablets?|gels?|load|challenge|monitors?|meters?|strips?|sensors?)`,
    measure: null,
  },
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
  {
    re: `(?:${TWO_H}${SEP})?(?:post${OPT}meal|post${OPT}prandial|after${OPT}meals?)${SEP}${BLOODISH}${GLU}`,
    measure: 'glucose-after-meal',
  },
  { re: `(?:${TWO_H}${SEP})?${BLOODISH}${GLU}${SEP}(?:after|post)${SEP}${MEAL}`, measure: 'glucose-after-meal' },
  // 2-hour glucose of an OGTT. A bare "OGTT" or "glucose tolerance test" may report its fasting value too: unspecified.
  {
    re:
      `${TWO_H}${OPT}(?:oral${SEP}glucose${SEP}tolerance${SEP}test|OGTT|(?:plasma${SEP})?glucose|PG|` +
      `post${OPT}load(?:${SEP}glucose)?)`,
    measure: 'glucose-ogtt-2h',
  },
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
export const PRETEST = new RegExp(
  'a[1\\u2081]\\s?c|glyc|gluc|sugar|fasting|\\bbg|\\bbsl\\b|\\bf[bp][gs]\\b|\\br[bp]g\\b|ogtt|\\bpg\\b|\\bbmi|' +
    'body[\\s-]?mass|\\bti[rt]|\\btar\\b|\\beag\\b|\\bgmi\\b|(?:in|below|above)[\\s-]+(?:target[\\s-]+)?range',
  'i',
);

/**
 * The start of a name must not follow a letter or digit. That is checked by hand after a match: as a lookbehind at the
 * front of the pattern it made the scan of a 500 kB page five times slower (42 ms instead of 8).
 */
const NAME_RE = new RegExp(`(?:${NAMES.map((n) => `(${n.re})`).join('|')})(?:['\\u2019]s)?(?![\\p{L}\\p{N}])`, 'giu');

export interface NameHit {
  start: number;
  end: number;
  spec: NameSpec;
}

export function findNames(text: string): NameHit[] {
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
