/**
 * Reading one value where the walk stopped, and refusing what is not one. Kept apart from the walk so the rules of
 * what a number is (a dose, a date, a section, a range, a bound) can be read and changed without the rules of where
 * to look for it.
 */

import { A1C_BARE_PERCENT_MAX, GLUCOSE_BARE_MMOLL_MAX, GLUCOSE_BARE_MMOLL_MIN, MEASURES } from '../data';
import type { Comparator, ValueForm, ValueMatch, ValueUnit } from '../types';
import type { NameSpec } from './names';
import {
  COMP_SYMBOL,
  SPACE,
  SYMBOL_COMPARATORS,
  WORD,
  isDash,
  isDigit,
  isWordChar,
  matchAt,
  type Lexicon,
  type UnitToken,
} from './lexicon';

export interface RawValue {
  start: number;
  end: number;
  /** "70% of the time" (fine for time in range), "10% of people" (not a value of any measure): what follows "% of". */
  percentOf: 'time' | 'other' | null;
  /** Numbers in order: one for single and bound, two for a range. */
  numbers: number[];
  comparator?: Comparator;
  unit: UnitToken | null;
}

export const REJECT = 'reject' as const;

const PREV_WORD = /([\p{L}]+)\.?[\s\u00a0]*$/u;
const N_EQUALS = /(?:^|[^\p{L}])n[\s\u00a0]*=[\s\u00a0]*$/iu;

/** May a value start at `start` (its comparator or first digit), judging by what comes before it? */
function startAllowed(text: string, start: number, lex: Lexicon): boolean {
  const p = text[start - 1];
  if (p === undefined) return true;
  if (isWordChar(p)) return false; // "A1C7", "T2"
  if ('#$\u00a3\u20ac\u00a5\u00a7\u00b6^/\\[@+\u00b1'.includes(p)) return false; // "#2", "$30", "§6", "[12]", "+0.5"
  if ((p === '.' || p === ',') && isDigit(text[start - 2])) return false; // "1,000", "6.4.1"
  if (isDash(p)) return false; // "GLP-1", "COVID-19", a change of "-0.5%"
  const before = text.slice(Math.max(0, start - 24), start);
  if (N_EQUALS.test(before)) return false; // "n = 45"
  const word = PREV_WORD.exec(before);
  if (word?.[1] && lex.labels.has(lex.key(word[1]))) return false; // "Type 2", "Section 6.4"
  return true;
}

/**
 * Reads one number at `pos` and checks what touches its end. `null`: not a usable number. A decimal comma (Spanish
 * "7,2") is read as a decimal point; the lexicon's pattern says where a language may have one.
 */
function readNumber(text: string, pos: number, lex: Lexicon): { value: number; end: number; integer: boolean } | null {
  const m = matchAt(lex.number, text, pos);
  if (!m) return null;
  const end = pos + m[0].length;
  const c = text[end];
  const c2 = text[end + 1];
  if (isDigit(c)) return null; // 5 or more digits
  if ((c === '.' || c === ',' || c === ':' || c === '/') && isDigit(c2)) return null; // "1,000", "7:30", "3/14"
  if (isDash(c) && c2 !== undefined && /\p{L}/u.test(c2)) return null; // "2-hour", "3-month"
  if (c === '+' || c === '\u00b0' || c === '\u00d7') return null;
  const value = Number(m[0].replace(',', '.'));
  const integer = !/[.,]/.test(m[0]);
  if (integer && m[0].length === 4 && value >= 1900 && value <= 2100) return null; // a year
  return { value, end, integer };
}

/** The unit at `pos`: a unit token, `REJECT` for a dose/count/time word, or `null` for none. */
function readUnit(text: string, pos: number, lex: Lexicon): { unit: UnitToken; end: number } | typeof REJECT | null {
  const m = matchAt(lex.unit, text, pos);
  if (m) {
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) return { unit: lex.unitTokens[g - 1] ?? '%', end: pos + m[0].length };
    }
  }
  if (matchAt(lex.notAValue, text, pos)) return REJECT;
  if (isWordChar(text[pos])) return REJECT; // "2nd", "3x", "1990s"
  return null;
}

/** A bare number must be followed by an end of clause, punctuation or an ordinary small word. */
function followAllowed(text: string, pos: number, limit: number, lex: Lexicon): boolean {
  const sp = matchAt(SPACE, text, pos);
  const at = pos + (sp ? sp[0].length : 0);
  if (at >= limit) return true;
  const w = matchAt(WORD, text, at);
  if (!w) return true;
  return lex.followOk.has(lex.key(w[0]));
}

/**
 * Reads a value expression starting exactly at `pos`: an optional comparator, a number, an optional unit, and either a
 * second number (a range) or a trailing "or higher"/"or lower". `prevWord` is the link word just before, which decides
 * whether "to" / "and" join a range ("between 100 and 125") or separate two values ("from 8.1 to 6.9").
 */
export function readValue(
  text: string,
  pos: number,
  limit: number,
  prevWord: string,
  lex: Lexicon,
): RawValue | typeof REJECT | null {
  let at = pos;
  let comparator: Comparator | undefined;
  const sym = matchAt(COMP_SYMBOL, text, at);
  if (sym) {
    comparator = SYMBOL_COMPARATORS[sym[1] ?? ''];
    at += sym[0].length;
  } else {
    const word = matchAt(lex.compWord, text, at);
    if (word && isDigit(text[at + word[0].length])) {
      comparator = lex.wordComparator(word[1] ?? '');
      at += word[0].length;
    }
  }
  if (!isDigit(text[at])) return null;
  if (!startAllowed(text, pos, lex)) return REJECT;
  const first = readNumber(text, at, lex);
  if (!first || first.end > limit) return REJECT;
  // "… and 2) catching lows": a number closing a parenthesis that was never opened numbers a list item.
  if (text[first.end] === ')' && text.lastIndexOf('(', at) <= text.lastIndexOf(')', at - 1)) return REJECT;
  let end = first.end;
  const unit1 = readUnit(text, end, lex);
  if (unit1 === REJECT) return REJECT;
  let unit: UnitToken | null = null;
  if (unit1) {
    unit = unit1.unit;
    end = unit1.end;
  }
  const numbers = [first.value];

  if (!comparator) {
    const sep = matchAt(lex.rangeSep, text, end);
    const sepWord = sep?.[2]?.toLowerCase();
    const joins = sep && (sepWord === undefined || lex.rangeJoins(sepWord, prevWord));
    if (sep && joins) {
      const secondAt = end + sep[0].length;
      const second = readNumber(text, secondAt, lex);
      if (!second || second.end > limit) return REJECT;
      let end2 = second.end;
      const unit2 = readUnit(text, end2, lex);
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
      const post = matchAt(lex.postComp, text, end);
      if (post && post.index + post[0].length <= limit) {
        comparator = lex.lowerWords.has((post[1] ?? '').toLowerCase()) ? '≤' : '≥';
        end += post[0].length;
      }
    }
  }
  if (end > limit) return REJECT;
  let percentOf: RawValue['percentOf'] = null;
  if (unit === '%') {
    const of = matchAt(lex.percentOf, text, end);
    if (of) percentOf = of[1] ? 'time' : 'other';
  }
  if (!unit && !comparator && numbers.length === 1 && !followAllowed(text, end, limit, lex)) return REJECT;
  return { start: pos, end, numbers, comparator, unit, percentOf };
}

/** Gives a raw value its measure's unit, or refuses it (wrong unit, implausible number, ambiguous bare range). */
export function resolve(raw: RawValue, spec: NameSpec, text: string): Omit<ValueMatch, 'name'> | null {
  const measureId = spec.measure;
  if (!measureId) return null;
  const measure = MEASURES[measureId];
  let unit: ValueUnit | null = null;
  let unitInferred = false;
  const nums = raw.numbers;
  if (raw.unit) {
    if (measure.family === 'a1c') {
      unit = raw.unit === '%' ? '%' : raw.unit === 'mmol/mol' || raw.unit === 'mmol' ? 'mmol/mol' : null;
    } else if (measure.family === 'glucose') {
      unit = raw.unit === 'mg/dL' ? 'mg/dL' : raw.unit === 'mmol/L' || raw.unit === 'mmol' ? 'mmol/L' : null;
    } else if (measure.family === 'bmi') unit = raw.unit === 'kg/m²' ? 'kg/m²' : null;
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
