/**
 * Turns a found value into what its popover shows: conversions, the published ranges it falls in (and whose), the
 * caveats that matter and the sources, in the card's language. All numbers come from `data.ts` and all words from
 * `wording.ts` (which reads `data.ts` and `data-es.ts`); this file only combines them.
 */

import type { Lang } from '../glossary/types';
import {
  a1cMmolMolToPercent,
  a1cPercentToMmolMol,
  eagMgDl,
  formatNumber,
  glucoseMgDlToMmolL,
  glucoseMmolLToMgDl,
  roundLab,
} from './convert';
import {
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
import { WORDINGS, type UnitNoteId, type Wording } from './wording';
import type {
  BandView,
  Comparator,
  GoalLine,
  RangeReading,
  ValueConversion,
  ValueExplanation,
  ValueForm,
  ValueMatch,
  ValueSource,
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

/** A number as the page gave it (7.2, 126, 5.75), not padded or rounded, as the card's language writes it. */
function plain(w: Wording): (n: number) => string {
  return (n) => w.number(String(n));
}

/** "5.7%", "126 mg/dL", "BMI 31" style text for the numbers of a form, in words for bounds ("below 7%"). */
function describeForm(form: ValueForm, unit: ValueUnit, fmt: (n: number) => string, w: Wording): string {
  switch (form.kind) {
    case 'single':
      return w.withUnit(fmt(form.value), unit);
    case 'range':
      return w.withUnit(`${fmt(form.low)}–${fmt(form.high)}`, unit);
    case 'bound':
      return `${w.comparators[form.comparator]} ${w.withUnit(fmt(form.value), unit)}`;
  }
}

/** The limits of a band as words, in a unit: "5.7% to 6.4%", "below 54 mg/dL", "40 or higher". */
export function describeLimits(l: BandLimits, unit: ValueUnit, lang: Lang = 'en'): string {
  const w = WORDINGS[lang];
  const { step, decimals } = UNITS[unit];
  const trim = unit !== 'mmol/L'; // ADA writes "7.0 mmol/L" but "25" for a BMI and "70%" for time in range
  const bare = (v: number) => {
    const text = roundLab(v, decimals).toFixed(decimals);
    return w.number(trim ? text.replace(/\.0$/, '') : text);
  };
  const n = (v: number) => w.withUnit(bare(v), unit);
  // "5.7% to 6.4%" but "100 to 125 mg/dL".
  const span = (a: number, b: number) => w.limits.span(UNITS[unit].attached ? n(a) : bare(a), n(b));
  const { lo, hi } = l;
  if (lo && hi) {
    if (lo.inclusive && !hi.inclusive) return span(lo.value, hi.value - step);
    if (!lo.inclusive && hi.inclusive) return w.limits.overUpTo(n(lo.value), n(hi.value));
    return span(lo.value, hi.value);
  }
  if (lo) return lo.inclusive ? w.limits.orHigher(n(lo.value)) : w.limits.over(n(lo.value));
  if (hi) return hi.inclusive ? w.limits.orLess(n(hi.value)) : w.limits.below(n(hi.value));
  return w.limits.any;
}

function joinWords(items: string[], w: Wording): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${w.and} ${items[items.length - 1]}`;
}

function verdict(form: ValueForm, unit: ValueUnit, hits: readonly { label: string; phrase: string }[], w: Wording) {
  const value = describeForm(form, unit, plain(w), w);
  const first = hits[0];
  const strict = form.kind === 'bound' && (form.comparator === '<' || form.comparator === '>');
  if (!first) return w.verdicts.outside(value);
  if (hits.length === 1) {
    if (form.kind === 'single') return w.verdicts.single(value, first.phrase);
    if (form.kind === 'range') return w.verdicts.range(value, first.phrase);
    return w.verdicts.bound(value, first.phrase, strict);
  }
  const labels = joinWords(
    hits.map((b) => b.label.toLowerCase()),
    w,
  );
  if (form.kind === 'range') return w.verdicts.rangeSpans(value, labels);
  return w.verdicts.valuesSpan(value, labels, strict);
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

/** A number rounded as a lab report would, as the card's language writes it. */
function lab(unit: ValueUnit, w: Wording): (n: number) => string {
  return (n) => w.number(formatNumber(n, unit));
}

function conversion(
  label: string,
  form: ValueForm,
  unit: ValueUnit,
  formula: FormulaId,
  w: Wording,
  extra?: string,
): ValueConversion {
  const main = describeForm(form, unit, lab(unit, w), w);
  return { label, value: extra ? `${main} (${extra})` : main, formula };
}

function conversionsFor(
  m: ValueMatch,
  w: Wording,
): { list: ValueConversion[]; other?: { unit: ValueUnit; form: ValueForm } } {
  const { form, unit } = m;
  const labels = w.conversions;
  if (unit === '%' && m.measure === 'a1c') {
    const mmol = mapForm(form, a1cPercentToMmolMol);
    return {
      list: [conversion(labels.mmolMol, mmol, 'mmol/mol', 'a1c-percent-to-mmolmol', w), eag(form, w)],
      other: { unit: 'mmol/mol', form: mmol },
    };
  }
  if (unit === 'mmol/mol') {
    const pct = mapForm(form, a1cMmolMolToPercent);
    return {
      list: [conversion(labels.percent, pct, '%', 'a1c-mmolmol-to-percent', w), eag(pct, w)],
      other: { unit: '%', form: pct },
    };
  }
  if (unit === 'mg/dL') {
    const mmol = mapForm(form, glucoseMgDlToMmolL);
    return {
      list: [conversion(labels.mmolL, mmol, 'mmol/L', 'glucose-mgdl-mmoll', w)],
      other: { unit: 'mmol/L', form: mmol },
    };
  }
  if (unit === 'mmol/L') {
    const mg = mapForm(form, glucoseMmolLToMgDl);
    return {
      list: [conversion(labels.mgDl, mg, 'mg/dL', 'glucose-mgdl-mmoll', w)],
      other: { unit: 'mg/dL', form: mg },
    };
  }
  return { list: [] };
}

/** Estimated average glucose for an A1C form in percent (unrounded input, so mmol/mol values convert exactly once). */
function eag(percentForm: ValueForm, w: Wording): ValueConversion {
  const mg = mapForm(percentForm, eagMgDl);
  const mmol = mapForm(mg, glucoseMgDlToMmolL);
  const mmolText = describeForm(mmol, 'mmol/L', lab('mmol/L', w), w);
  return conversion(w.conversions.eag, mg, 'mg/dL', 'a1c-to-eag', w, mmolText);
}

/** Rounded the way the reader sees it, so the crossing check compares what is shown. */
function roundForm(form: ValueForm, unit: ValueUnit): ValueForm {
  return mapForm(form, (n) => roundLab(n, UNITS[unit].decimals));
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

/**
 * Everything the popover shows for a value found by `findValues`, in `lang` (the language of the text it was found
 * in). Never advice about treatment or doses.
 */
export function explainValue(m: ValueMatch, lang: Lang = 'en'): ValueExplanation {
  const w = WORDINGS[lang];
  const measure = MEASURES[m.measure];
  const { list: conversions, other } = conversionsFor(m, w);
  const ranges: RangeReading[] = [];
  const caveatIds: CaveatId[] = [];
  const sources: ValueSource[] = [];
  let crossing = false;

  for (const schemeId of measure.schemes) {
    const scheme: Scheme = SCHEMES[schemeId];
    const hitIds = bandsHit(scheme, m.unit, m.form);
    if (!hitIds) continue;
    if (scheme.onlyWhenHits && !relevant(scheme, m.unit, m.form, hitIds)) continue;
    if (scheme.skipIfShown?.some((id) => ranges.some((r) => r.scheme === id))) continue;
    const text = (b: Band) => w.band(schemeId, b.id);
    const hits = scheme.bands.filter((b) => hitIds.includes(b.id)).map(text);
    const bands: BandView[] = scheme.bands.map((b) => ({
      id: b.id,
      label: text(b).label,
      limits: describeLimits(b.limits[m.unit] ?? {}, m.unit, lang),
      hit: hitIds.includes(b.id),
    }));
    const { title, owner } = w.scheme(schemeId);
    ranges.push({
      scheme: scheme.id,
      title,
      owner,
      verdict: verdict(m.form, m.unit, hits, w),
      bands,
      source: w.cite(scheme.source),
    });
    caveatIds.push(...scheme.caveats);
    sources.push(...w.citeScheme(schemeId));
    if (other && m.form.kind === 'single') {
      const otherHits = bandsHit(scheme, other.unit, roundForm(other.form, other.unit));
      if (otherHits && otherHits.join() !== hitIds.join()) crossing = true;
    }
  }

  caveatIds.push(...measure.caveats);
  if (crossing) caveatIds.push('crossing');
  const goal = goalFor(m, w);
  if (goal) sources.push(...goal.sources);
  for (const c of conversions) sources.push(w.cite(FORMULAS[c.formula as FormulaId].source));
  const about = w.aboutSource(m.measure);
  if (about) sources.push(about);
  const caveats = caveatIds.filter((id) => !goal?.replaces.includes(id));
  const text = w.measure(m.measure);

  const explanation: ValueExplanation = {
    measure: m.measure,
    title: `${text.name} ${describeForm(m.form, m.unit, plain(w), w)}`,
    measureName: text.longName,
    about: text.about,
    asWritten: m.text,
    unitInferred: m.unitInferred,
    conversions,
    ranges,
    caveats: [...new Set(caveats)].map((id) => w.caveat(id)),
    sources: dedupeSources(sources),
  };
  if (w.lang) explanation.lang = w.lang;
  if (goal) explanation.goal = goal.line;
  if (m.unitInferred) explanation.unitNote = w.unitNotes[unitNoteId(m)];
  return explanation;
}

/** The measure's general goal, only for a value written about someone's diabetes care and in a unit the goal has. */
function goalFor(
  m: ValueMatch,
  w: Wording,
): { line: GoalLine; replaces: readonly CaveatId[]; sources: ValueSource[] } | null {
  const id = MEASURES[m.measure].goal;
  if (!id || m.context !== 'care') return null;
  const goal: Goal = GOALS[id];
  const line = w.goal(id, m.unit);
  if (!line) return null;
  return {
    line: { text: line.text, owner: line.owner, source: w.cite(goal.source) },
    replaces: goal.replacesCaveats,
    sources: w.citeGoal(id),
  };
}

function dedupeSources(list: ValueSource[]): ValueSource[] {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(s.url) && (seen.add(s.url), true));
}

function unitNoteId(m: ValueMatch): UnitNoteId {
  const family = MEASURES[m.measure].family;
  if (family === 'a1c') return m.unit === '%' ? 'a1c-percent' : 'a1c-mmolmol';
  if (family === 'glucose') return m.unit === 'mg/dL' ? 'glucose-mgdl' : 'glucose-mmoll';
  return 'percent-of-time';
}
