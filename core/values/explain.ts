/**
 * Turns a found value into what its popover shows: conversions, the published ranges it falls in (and whose), the
 * caveats that matter and the sources. All numbers and sentences come from `data.ts`; this file only combines them.
 */

import {
  a1cMmolMolToPercent,
  a1cPercentToMmolMol,
  eagMgDl,
  formatNumber,
  glucoseMgDlToMmolL,
  glucoseMmolLToMgDl,
  roundLab,
  withUnit,
} from './convert';
import {
  CAVEATS,
  FORMULAS,
  GOALS,
  MEASURES,
  SCHEMES,
  UNITS,
  type Band,
  type BandLimits,
  type CaveatId,
  type FormulaId,
  type Goal,
  type Scheme,
} from './data';
import type {
  BandView,
  Comparator,
  GoalLine,
  RangeReading,
  Source,
  ValueConversion,
  ValueExplanation,
  ValueForm,
  ValueMatch,
  ValueUnit,
} from './types';

// ---------------------------------------------------------------------------------------------------------------
// Intervals: a value, a range or a bound is a set of numbers; a band is hit when the two sets overlap.
// ---------------------------------------------------------------------------------------------------------------

interface Interval {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
}

function formInterval(form: ValueForm): Interval {
  switch (form.kind) {
    case 'single':
      return { lo: form.value, loIn: true, hi: form.value, hiIn: true };
    case 'range':
      return { lo: form.low, loIn: true, hi: form.high, hiIn: true };
    case 'bound':
      return boundInterval(form.comparator, form.value);
  }
}

function boundInterval(c: Comparator, v: number): Interval {
  if (c === '<' || c === '≤') return { lo: -Infinity, loIn: false, hi: v, hiIn: c === '≤' };
  return { lo: v, loIn: c === '≥', hi: Infinity, hiIn: false };
}

function bandInterval(l: BandLimits): Interval {
  return {
    lo: l.lo?.value ?? -Infinity,
    loIn: l.lo?.inclusive ?? false,
    hi: l.hi?.value ?? Infinity,
    hiIn: l.hi?.inclusive ?? false,
  };
}

function overlaps(a: Interval, b: Interval): boolean {
  const lowOk = a.lo < b.hi || (a.lo === b.hi && a.loIn && b.hiIn);
  const highOk = b.lo < a.hi || (b.lo === a.hi && b.loIn && a.hiIn);
  return lowOk && highOk;
}

/** Ids of the bands of `scheme` that the value reaches, in the value's unit; `null` when the scheme has no limits in it. */
export function bandsHit(scheme: Scheme, unit: ValueUnit, form: ValueForm): string[] | null {
  if (!scheme.bands.every((b) => b.limits[unit])) return null;
  const iv = formInterval(form);
  return scheme.bands.filter((b) => overlaps(iv, bandInterval(b.limits[unit] ?? {}))).map((b) => b.id);
}

/**
 * Whether a scheme shown only for some bands (the low-glucose levels) concerns this value: the value lies wholly in
 * those bands ("below 54 mg/dL", 60 mg/dL), or one of its written numbers does ("50–120 mg/dL"). "Below 100 mg/dL"
 * or "at least 126 mg/dL" do not make the low levels worth showing.
 */
function relevant(scheme: Scheme, unit: ValueUnit, form: ValueForm, hitIds: string[]): boolean {
  const only = scheme.onlyWhenHits ?? [];
  const within = (ids: string[] | null) => ids !== null && ids.length > 0 && ids.every((id) => only.includes(id));
  if (within(hitIds)) return true;
  const numbers = form.kind === 'range' ? [form.low, form.high] : form.kind === 'single' ? [form.value] : [];
  return numbers.some((value) => within(bandsHit(scheme, unit, { kind: 'single', value })));
}

// ---------------------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------------------

/** A number as the page gave it (7.2, 126, 5.75), not padded or rounded. */
function plain(n: number): string {
  return String(n);
}

/** "5.7%", "126 mg/dL", "BMI 31" style text for the numbers of a form, in words for bounds ("below 7%"). */
function describeForm(form: ValueForm, unit: ValueUnit, fmt: (n: number) => string): string {
  switch (form.kind) {
    case 'single':
      return withUnit(fmt(form.value), unit);
    case 'range':
      return withUnit(`${fmt(form.low)}–${fmt(form.high)}`, unit);
    case 'bound':
      return `${COMPARATOR_WORDS[form.comparator]} ${withUnit(fmt(form.value), unit)}`;
  }
}

const COMPARATOR_WORDS: Record<Comparator, string> = { '<': 'below', '≤': 'up to', '>': 'above', '≥': 'at least' };

/** The limits of a band as words, in a unit: "5.7% to 6.4%", "below 54 mg/dL", "40 or higher". */
export function describeLimits(l: BandLimits, unit: ValueUnit): string {
  const { step, decimals } = UNITS[unit];
  const trim = unit !== 'mmol/L'; // ADA writes "7.0 mmol/L" but "25" for a BMI and "70%" for time in range
  const bare = (v: number) => {
    const text = roundLab(v, decimals).toFixed(decimals);
    return trim ? text.replace(/\.0$/, '') : text;
  };
  const n = (v: number) => withUnit(bare(v), unit);
  // "5.7% to 6.4%" but "100 to 125 mg/dL".
  const span = (a: number, b: number) => (UNITS[unit].attached ? `${n(a)} to ${n(b)}` : `${bare(a)} to ${n(b)}`);
  const { lo, hi } = l;
  if (lo && hi) {
    if (lo.inclusive && !hi.inclusive) return span(lo.value, hi.value - step);
    if (!lo.inclusive && hi.inclusive) return `over ${n(lo.value)}, up to ${n(hi.value)}`;
    return span(lo.value, hi.value);
  }
  if (lo) return lo.inclusive ? `${n(lo.value)} or higher` : `over ${n(lo.value)}`;
  if (hi) return hi.inclusive ? `${n(hi.value)} or less` : `below ${n(hi.value)}`;
  return 'any value';
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function verdict(form: ValueForm, unit: ValueUnit, hits: Band[]): string {
  const value = describeForm(form, unit, plain);
  const first = hits[0];
  if (!first) return `${value} is outside these ranges.`;
  if (hits.length === 1) {
    if (form.kind === 'single') return `${capitalize(value)} is ${first.phrase}.`;
    if (form.kind === 'range') return `The whole range ${value} is ${first.phrase}.`;
    return `Any value ${form.comparator === '<' || form.comparator === '>' ? '' : 'of '}${value} is ${first.phrase}.`;
  }
  const labels = joinWords(hits.map((b) => b.label.toLowerCase()));
  if (form.kind === 'range') return `The range ${value} spans more than one group: ${labels}.`;
  return `Values ${value} span more than one group: ${labels}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------------------------

function mapForm(form: ValueForm, f: (n: number) => number): ValueForm {
  switch (form.kind) {
    case 'single':
      return { kind: 'single', value: f(form.value) };
    case 'range':
      return { kind: 'range', low: f(form.low), high: f(form.high) };
    case 'bound':
      return { kind: 'bound', comparator: form.comparator, value: f(form.value) };
  }
}

function conversion(
  label: string,
  form: ValueForm,
  unit: ValueUnit,
  formula: FormulaId,
  extra?: string,
): ValueConversion {
  const lab = (n: number) => formatNumber(n, unit);
  const main = describeForm(form, unit, lab);
  return { label, value: extra ? `${main} (${extra})` : main, formula };
}

function conversionsFor(m: ValueMatch): { list: ValueConversion[]; other?: { unit: ValueUnit; form: ValueForm } } {
  const { form, unit } = m;
  if (unit === '%' && m.measure === 'a1c') {
    const mmol = mapForm(form, a1cPercentToMmolMol);
    return {
      list: [conversion('In mmol/mol (IFCC)', mmol, 'mmol/mol', 'a1c-percent-to-mmolmol'), eag(form)],
      other: { unit: 'mmol/mol', form: mmol },
    };
  }
  if (unit === 'mmol/mol') {
    const pct = mapForm(form, a1cMmolMolToPercent);
    return {
      list: [conversion('In percent (NGSP)', pct, '%', 'a1c-mmolmol-to-percent'), eag(pct)],
      other: { unit: '%', form: pct },
    };
  }
  if (unit === 'mg/dL') {
    const mmol = mapForm(form, glucoseMgDlToMmolL);
    return {
      list: [conversion('In mmol/L', mmol, 'mmol/L', 'glucose-mgdl-mmoll')],
      other: { unit: 'mmol/L', form: mmol },
    };
  }
  if (unit === 'mmol/L') {
    const mg = mapForm(form, glucoseMmolLToMgDl);
    return { list: [conversion('In mg/dL', mg, 'mg/dL', 'glucose-mgdl-mmoll')], other: { unit: 'mg/dL', form: mg } };
  }
  return { list: [] };
}

/** Estimated average glucose for an A1C form in percent (unrounded input, so mmol/mol values convert exactly once). */
function eag(percentForm: ValueForm): ValueConversion {
  const mg = mapForm(percentForm, eagMgDl);
  const mmol = mapForm(mg, glucoseMgDlToMmolL);
  const mmolText = describeForm(mmol, 'mmol/L', (n) => formatNumber(n, 'mmol/L'));
  return conversion('Estimated average glucose', mg, 'mg/dL', 'a1c-to-eag', mmolText);
}

/** Rounded the way the reader sees it, so the crossing check compares what is shown. */
function roundForm(form: ValueForm, unit: ValueUnit): ValueForm {
  return mapForm(form, (n) => roundLab(n, UNITS[unit].decimals));
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

/** Everything the popover shows for a value found by `findValues`. Never advice about treatment or doses. */
export function explainValue(m: ValueMatch): ValueExplanation {
  const measure = MEASURES[m.measure];
  const { list: conversions, other } = conversionsFor(m);
  const ranges: RangeReading[] = [];
  const caveatIds: CaveatId[] = [];
  const sources: Source[] = [];
  let crossing = false;

  for (const schemeId of measure.schemes) {
    const scheme: Scheme = SCHEMES[schemeId];
    const hitIds = bandsHit(scheme, m.unit, m.form);
    if (!hitIds) continue;
    if (scheme.onlyWhenHits && !relevant(scheme, m.unit, m.form, hitIds)) continue;
    if (scheme.skipIfShown?.some((id) => ranges.some((r) => r.scheme === id))) continue;
    const hits = scheme.bands.filter((b) => hitIds.includes(b.id));
    const bands: BandView[] = scheme.bands.map((b) => ({
      id: b.id,
      label: b.label,
      limits: describeLimits(b.limits[m.unit] ?? {}, m.unit),
      hit: hitIds.includes(b.id),
    }));
    ranges.push({
      scheme: scheme.id,
      title: scheme.title,
      owner: scheme.owner,
      verdict: verdict(m.form, m.unit, hits),
      bands,
      source: scheme.source,
    });
    caveatIds.push(...scheme.caveats);
    sources.push(scheme.source);
    if (other && m.form.kind === 'single') {
      const otherHits = bandsHit(scheme, other.unit, roundForm(other.form, other.unit));
      if (otherHits && otherHits.join() !== hitIds.join()) crossing = true;
    }
  }

  caveatIds.push(...measure.caveats);
  if (crossing) caveatIds.push('crossing');
  const goal = goalFor(m);
  if (goal) sources.push(goal.line.source);
  for (const c of conversions) sources.push(FORMULAS[c.formula as FormulaId].source);
  if (measure.source) sources.push(measure.source);
  const caveats = caveatIds.filter((id) => !goal?.replaces.includes(id));

  const explanation: ValueExplanation = {
    measure: m.measure,
    title: `${measure.name} ${describeForm(m.form, m.unit, plain)}`,
    measureName: measure.longName,
    about: measure.about,
    asWritten: m.text,
    unitInferred: m.unitInferred,
    conversions,
    ranges,
    caveats: [...new Set(caveats)].map((id) => CAVEATS[id]),
    sources: dedupeSources(sources),
  };
  if (goal) explanation.goal = goal.line;
  if (m.unitInferred) explanation.unitNote = unitNote(m);
  return explanation;
}

/** The measure's general goal, only for a value written about someone's diabetes care and in a unit the goal has. */
function goalFor(m: ValueMatch): { line: GoalLine; replaces: readonly CaveatId[] } | null {
  const id = MEASURES[m.measure].goal;
  if (!id || m.context !== 'care') return null;
  const goal: Goal = GOALS[id];
  const text = goal.text[m.unit];
  if (!text) return null;
  return { line: { text, owner: goal.owner, source: goal.source }, replaces: goal.replacesCaveats };
}

function dedupeSources(list: Source[]): Source[] {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(s.url) && (seen.add(s.url), true));
}

function unitNote(m: ValueMatch): string {
  const family = MEASURES[m.measure].family;
  if (family === 'a1c') {
    return m.unit === '%'
      ? 'No unit was written. TermLens read it as a percent, the unit US labs use, because an A1C of 20 or less is given in percent.'
      : 'No unit was written. TermLens read it as mmol/mol, because an A1C above 20 cannot be a percent.';
  }
  if (family === 'glucose') {
    return m.unit === 'mg/dL'
      ? 'No unit was written. TermLens read it as mg/dL, the US unit, because blood sugar in mmol/L is almost never above 35.'
      : 'No unit was written. TermLens read it as mmol/L, the unit used in many countries, because a blood sugar of 35 mg/dL or less would be extremely low.';
  }
  return 'No unit was written. TermLens read it as a percent of the time.';
}
