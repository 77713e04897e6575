/** Unit conversions and lab-report rounding. Formulas and constants come from `data.ts`. */

import { ADAG_INTERCEPT, ADAG_SLOPE, GLUCOSE_MGDL_PER_MMOLL, IFCC_OFFSET_PERCENT, IFCC_SLOPE, UNITS } from './data';
import type { ValueUnit } from './types';

/**
 * Rounds half away from zero to `decimals` places, as lab reports do (6.45 → 6.5, 125.5 → 126). Binary floating point
 * stores 6.45 as 6.4499999…, so the scaled value is first cut to 12 significant digits to undo that error.
 */
export function roundLab(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Number((Math.abs(value) * scale).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / scale;
}

/** A1C: NGSP percent → IFCC mmol/mol (IFCC master equation). Unrounded. */
export function a1cPercentToMmolMol(percent: number): number {
  return (percent - IFCC_OFFSET_PERCENT) * IFCC_SLOPE;
}

/** A1C: IFCC mmol/mol → NGSP percent (inverse of the master equation). Unrounded. */
export function a1cMmolMolToPercent(mmolMol: number): number {
  return mmolMol / IFCC_SLOPE + IFCC_OFFSET_PERCENT;
}

/** Estimated average glucose in mg/dL for an A1C in percent (ADAG). Unrounded. */
export function eagMgDl(a1cPercent: number): number {
  return ADAG_SLOPE * a1cPercent + ADAG_INTERCEPT;
}

export function glucoseMgDlToMmolL(mgDl: number): number {
  return mgDl / GLUCOSE_MGDL_PER_MMOLL;
}

export function glucoseMmolLToMgDl(mmolL: number): number {
  return mmolL * GLUCOSE_MGDL_PER_MMOLL;
}

/** The number rounded and written as a lab report would: "7.0", "53", "126". */
export function formatNumber(value: number, unit: ValueUnit): string {
  const { decimals } = UNITS[unit];
  return roundLab(value, decimals).toFixed(decimals);
}

/** Appends the unit to an already formatted number or range: "5.7–6.4" + "%" → "5.7–6.4%". */
export function withUnit(number: string, unit: ValueUnit): string {
  return UNITS[unit].attached ? `${number}${unit}` : `${number} ${unit}`;
}
