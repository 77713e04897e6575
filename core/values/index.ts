/**
 * "Numbers explained" (issue 9): values of known measures in page text, and what they mean. Browser-free.
 *
 * - `findValues(text, lang)` finds values (A1C, blood glucose, BMI, time in range) in plain text written in English
 *   (the default) or Spanish ("HbA1c de 7,2 %"); cheap when there are none.
 * - `findValuesInSegments(textNodes, lang)` does the same over one block's text nodes, with per-node positions.
 * - `explainValue(match, lang)` gives the conversions, the published ranges the value falls in, a general goal where the
 *   sentence is about someone's diabetes care, caveats and sources, in English or in Spanish.
 * - `data.ts` holds every formula, cut-off, caveat and source, with citations; `data-es.ts` its reader-facing text in
 *   Spanish, and `wording.ts` how each language words an explanation.
 */
export { findValues, mayHaveValues } from './find';
export { findValuesInSegments, type ValueSegmentMatch } from './segments';
export { explainValue, bandsHit, describeLimits } from './explain';
export {
  a1cMmolMolToPercent,
  a1cPercentToMmolMol,
  eagMgDl,
  formatNumber,
  glucoseMgDlToMmolL,
  glucoseMmolLToMgDl,
  roundLab,
} from './convert';
export { CAVEATS, FORMULAS, MEASURES, SCHEMES, SOURCES, UNITS } from './data';
export type * from './types';
