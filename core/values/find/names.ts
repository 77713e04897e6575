/**
 * The measure names the finder looks for, kept apart from how values are read: adding a way to write "A1C" or
 * "fasting glucose" touches this table and nothing else, and the order rules of the table are stated where it is.
 * Each language has its own table (`NAMES.en`, `NAMES.es`): a Spanish block is searched for Spanish names only, as
 * the glossary's Spanish wordings are looked for in Spanish blocks only.
 */

import type { Lang } from '../../glossary/types';
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
const ENGLISH_NAMES: readonly NameSpec[] = [
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

// Spanish: "glucosa", "glucemia" (also "glicemia") and "azúcar en la sangre", told apart by when the blood was taken,
// which Spanish says after the name ("glucosa en ayunas", "glucemia a las 2 horas", "glucosa después de comer").
const GLUCOSE_ES = 'gluc[eé]mias?|glic[eé]mias?|glucosa';
const BLOOD_ES = `(?:${SEP}(?:en${SEP}(?:la${SEP})?sangre|sangu[ií]nea|plasm[aá]tica|s[eé]rica|capilar|venosa))?`;
const GLU_ES = `(?:(?:${GLUCOSE_ES})${BLOOD_ES}|az[uú]car${SEP}en${SEP}(?:la${SEP})?sangre)`;
const TWO_H_ES = `(?:2|dos)${OPT}(?:horas?|hrs?|h)`;
const MEAL_ES =
  `(?:comer|(?:(?:la|las|una)${SEP})?comidas?|(?:el${SEP})?desayuno|desayunar|(?:el${SEP})?almuerzo|almorzar|` +
  `(?:la${SEP})?cena|cenar)`;
const AFTER_ES = `(?:(?:a${SEP}las${SEP})?${TWO_H_ES}${SEP}(?:despu[eé]s${SEP})?de|despu[eé]s${SEP}de|tras)`;
const OGTT_ES =
  `(?:prueba|curva|test)${SEP}de${SEP}tolerancia${SEP}(?:oral${SEP})?a${SEP}la${SEP}glucosa|` +
  `(?:prueba${SEP}de${SEP})?sobrecarga${SEP}oral${SEP}de${SEP}glucosa`;
const OGTT_ES_SHORT = 'PTOG|TTOG|SOG';

const SPANISH_NAMES: readonly NameSpec[] = [
  // Names whose numbers are something else: averages, urine, things made of or for glucose, and measures TermLens
  // does not explain (blood pressure, cholesterol, triglycerides), so no number of theirs goes to another name.
  {
    re: `(?:${GLUCOSE_ES}|az[uú]car)${SEP}(?:media|promedio)(?:${SEP}estimada)?|promedio${SEP}de${SEP}(?:la${SEP})?(?:${GLUCOSE_ES}|az[uú]car)`,
    measure: null,
  },
  { re: `glucosa${SEP}en${SEP}(?:la${SEP})?orina|glucosuria`, measure: null },
  {
    re:
      `(?:monitor(?:es)?(?:${SEP}continuos?)?|medidor(?:es)?|sensor(?:es)?|tiras?(?:${SEP}reactivas?)?|tabletas?|` +
      `pastillas?|gel(?:es)?|bebidas?|soluci[oó]n|carga)${SEP}de${SEP}glucosa`,
    measure: null,
  },
  { re: `indicador${SEP}de${SEP}gesti[oó]n${SEP}de${SEP}(?:la${SEP})?glucosa`, measure: null },
  { re: `tiempo${SEP}en${SEP}(?:el${SEP})?rango${SEP}(?:estrecho|ajustado)`, measure: null },
  { re: `tiempo${SEP}(?:(?:por${SEP})?encima${SEP}del?|sobre${SEP}el)${SEP}rango`, measure: null },
  { re: `(?:presi[oó]n|tensi[oó]n)${SEP}arterial`, measure: null },
  { re: `colesterol(?:${SEP}(?:LDL|HDL|total|bueno|malo))?|triglic[eé]ridos`, measure: null },
  { re: 'eAG|GMI|GPE|LDL|HDL|TITR|TAR', measure: null, exact: /^(?:eAG|GMI|GPE|LDL|HDL|TITR|TAR)$/ },
  // A1C: the acronyms are English's; the long names are "hemoglobina glicosilada" and its regional variants.
  { re: `(?:hb|hemoglobina)${OPT}a${OPT}[1\\u2081]${OPT}c`, measure: 'a1c' },
  { re: 'a[1\\u2081]c', measure: 'a1c' },
  { re: `(?:hemoglobina|hb)${SEP}gl[iu]c(?:osil|os)?ada`, measure: 'a1c' },
  { re: 'glicohemoglobina|glucohemoglobina', measure: 'a1c' },
  // Glucose after a meal, before the 2-hour glucose: "glucosa a las 2 horas de comer" is after a meal.
  { re: `${GLU_ES}${SEP}${AFTER_ES}${SEP}${MEAL_ES}`, measure: 'glucose-after-meal' },
  { re: `${GLU_ES}${SEP}pos(?:t)?${OPT}prandial(?:es)?`, measure: 'glucose-after-meal' },
  // 2-hour glucose of an OGTT ("PTOG" in Latin America, "SOG", oral glucose load, in Spain).
  {
    re:
      `${GLU_ES}${SEP}(?:a${SEP}las${SEP})?${TWO_H_ES}(?:${SEP}(?:pos${OPT}carga|(?:de|en|tras)${SEP}(?:la${SEP})?` +
      `(?:${OGTT_ES_SHORT}|${OGTT_ES}|carga|sobrecarga)))?`,
    measure: 'glucose-ogtt-2h',
  },
  // A bare test name may report its fasting value too: unspecified, as in English.
  { re: OGTT_ES, measure: 'glucose' },
  { re: OGTT_ES_SHORT, measure: 'glucose', exact: /^(?:PTOG|TTOG|SOG)$/ },
  // Fasting ("en ayunas", "en ayuno", "basal"); forums write "en ayunas 126" as English ones "my fasting was 126".
  { re: `${GLU_ES}${SEP}(?:en${SEP}ayun(?:as|o)|basal)`, measure: 'glucose-fasting' },
  { re: 'GPA', measure: 'glucose-fasting', exact: /^GPA$/ },
  { re: `en${SEP}ayun(?:as|o)`, measure: 'glucose-fasting' },
  // Random.
  { re: `${GLU_ES}${SEP}(?:al${SEP}azar|aleatoria|casual|ocasional)`, measure: 'glucose-random' },
  // Glucose, time not said.
  { re: `niveles?${SEP}de${SEP}(?:${GLU_ES}|az[uú]car)`, measure: 'glucose' },
  { re: GLU_ES, measure: 'glucose' },
  { re: `hip(?:o|er)gl[iu]c[eé]mias?`, measure: 'glucose', needsUnit: true },
  // BMI.
  { re: `[ií]ndices?${SEP}de${SEP}masa${SEP}corporal`, measure: 'bmi' },
  { re: 'IMC', measure: 'bmi', exact: /^IMC$/ },
  // CGM time in ranges.
  { re: `tiempo${SEP}en${SEP}(?:el${SEP})?rango(?:${SEP}(?:objetivo|meta))?`, measure: 'time-in-range' },
  { re: 'TIR', measure: 'time-in-range', exact: /^TIR$/ },
  {
    re: `tiempo${SEP}(?:(?:por${SEP})?debajo${SEP}del?|bajo${SEP}el)${SEP}rango(?:${SEP}(?:objetivo|meta))?`,
    measure: 'time-below-range',
  },
];

const NAMES: Record<Lang, readonly NameSpec[]> = { en: ENGLISH_NAMES, es: SPANISH_NAMES };

/**
 * Cheap first tests, one per table: a superset of every name that has a measure (English's also of the others), so
 * when one fails the text has no value to find. Spanish's leaves out names whose numbers are never explained:
 * "colesterol" or "presión arterial" alone is no reason to look further.
 */
export const PRETEST: Record<Lang, RegExp> = {
  en: new RegExp(
    'a[1\\u2081]\\s?c|glyc|gluc|sugar|fasting|\\bbg|\\bbsl\\b|\\bf[bp][gs]\\b|\\br[bp]g\\b|ogtt|\\bpg\\b|\\bbmi|' +
      'body[\\s-]?mass|\\bti[rt]|\\btar\\b|\\beag\\b|\\bgmi\\b|(?:in|below|above)[\\s-]+(?:target[\\s-]+)?range',
    'i',
  ),
  es: new RegExp(
    'a[1\\u2081]\\s?c|gl[iu]c|az[uú]car|ayun|\\bimc\\b|masa[\\s\\u00a0]+corporal|\\btir\\b|ptog|ttog|\\bsog\\b|' +
      `\\bgpa\\b|tiempo[\\s\\u00a0${DASH_CLASS}]+(?:en|por|bajo)[\\s\\u00a0${DASH_CLASS}]`,
    'i',
  ),
};

/**
 * The start of a name must not follow a letter or digit. That is checked by hand after a match: as a lookbehind at the
 * front of the pattern it made the scan of a 500 kB page five times slower (42 ms instead of 8).
 */
const NAME_RE: Record<Lang, RegExp> = {
  en: namePattern(NAMES.en),
  es: namePattern(NAMES.es),
};

function namePattern(names: readonly NameSpec[]): RegExp {
  return new RegExp(`(?:${names.map((n) => `(${n.re})`).join('|')})(?:['\\u2019]s)?(?![\\p{L}\\p{N}])`, 'giu');
}

export interface NameHit {
  start: number;
  end: number;
  spec: NameSpec;
}

export function findNames(text: string, lang: Lang): NameHit[] {
  const hits: NameHit[] = [];
  const re = NAME_RE[lang];
  const names = NAMES[lang];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (isWordChar(text[m.index - 1])) {
      re.lastIndex = m.index + 1;
      continue;
    }
    let group = 1;
    while (group <= names.length && m[group] === undefined) group++;
    const spec = names[group - 1];
    if (!spec) continue;
    const surface = m[group] ?? '';
    if (spec.exact && !spec.exact.test(surface)) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, spec });
  }
  return hits;
}
