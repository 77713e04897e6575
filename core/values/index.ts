/**
 * "Numbers explained" (issue 9): values of known measures in page text, and what they mean. Browser-free.
 *
 * - `findValues(text)` finds values (A1C, blood glucose, BMI, time in range) in plain text; cheap when there are none.
 * - `findValuesInSegments(textNodes)` does the same over one block's text nodes, with per-node positions.
 * - `explainValue(match)` gives the conversions, the published ranges the value falls in, a general goal where the
 *   sentence is about someone's diabetes care, caveats and sources.
 * - `data.ts` holds every formula, cut-off, caveat and source, with citations.
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
