/**
 * The background's side of "Numbers explained": a content script finds a value and sends its `ValueMatch`; the
 * explanation (all of `data.ts`'s text) is built here, so it never has to ride in every frame's content script.
 */
import { MEASURES } from './data';
import { explainValue } from './explain';
import type { Comparator, MeasureId, ValueExplanation, ValueForm, ValueMatch } from './types';
import { isRecord } from '../guards';

const COMPARATORS: readonly Comparator[] = ['<', '≤', '>', '≥'];

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isForm(f: unknown): f is ValueForm {
  if (!isRecord(f)) return false;
  switch (f.kind) {
    case 'single':
      return isNumber(f.value);
    case 'range':
      return isNumber(f.low) && isNumber(f.high) && f.low < f.high;
    case 'bound':
      return isNumber(f.value) && COMPARATORS.includes(f.comparator as Comparator);
    default:
      return false;
  }
}

/** Whether a message's payload is a value `findValues` could have found: a known measure, in one of its units. */
export function isValueMatch(m: unknown): m is ValueMatch {
  if (!isRecord(m) || typeof m.measure !== 'string' || !Object.hasOwn(MEASURES, m.measure)) return false;
  const measure = MEASURES[m.measure as MeasureId];
  const name = m.name;
  return (
    (measure.units as readonly string[]).includes(m.unit as string) &&
    typeof m.unitInferred === 'boolean' &&
    typeof m.text === 'string' &&
    m.text.length > 0 &&
    m.text.length <= 200 &&
    isNumber(m.start) &&
    isNumber(m.end) &&
    isForm(m.form) &&
    isRecord(name) &&
    typeof name.text === 'string' &&
    (m.context === undefined || m.context === 'care')
  );
}

/**
 * The explanation of a value sent by a content script, or null when it is not a value TermLens knows. `lang`: the
 * language of the text it was found in ('es'), else English.
 */
export function explainSent(match: unknown, lang?: unknown): ValueExplanation | null {
  if (!isValueMatch(match)) return null;
  try {
    return explainValue(match, lang === 'es' ? 'es' : 'en');
  } catch {
    return null;
  }
}
