/**
 * Finds values of known measures in plain text: "my A1C is 7.2", "HbA1c of 53 mmol/mol",
 * "fasting glucose ≥126 mg/dL", "BMI 31", "time in range above 70%"; in Spanish text, "mi A1C es de 7,2 %",
 * "glucosa en ayunas de 126 mg/dl", "IMC de 31,2".
 *
 * How: one cheap native RegExp test for any measure name first (most pages have none, and then nothing else runs).
 * Otherwise every measure name is located with one global RegExp, and from each name a short walk over the words next
 * to it (a few dozen characters, never past a sentence end or a block boundary `\u0000`) collects the values attached
 * to it. The walk only crosses linking words ("is", "was", "of", "from", "to", "level", ":"...); anything else ends
 * it. Numbers that are part of names, dates, doses, counts, times, citations or section numbers are refused, as is a
 * number whose unit does not fit the measure.
 *
 * Precision over recall: when in doubt, nothing is returned. A wrong explanation of a number is worse than none.
 *
 * The parts, in `find/`: the measure names (`names.ts`), the words and units the finder knows (`lexicon.ts`), reading
 * one value (`read.ts`), walking from a name to its values (`walk.ts`) and what the sentence says about the person
 * (`scope.ts`). This file keeps the public API and settles values that two names claim.
 *
 * Languages: the text is read in one language, English unless told (the caller knows each block's language: see
 * core/session). Each language has its names (`names.ts`) and its lexicon (`lexicon.ts`, `lexicon-es.ts`); the walk
 * and the reading are the same code for both.
 */

import type { Lang } from '../glossary/types';
import type { ValueMatch } from './types';
import { MEASURES } from './data';
import { PRETEST, findNames } from './find/names';
import { walkLeft, walkOnward, walkRight } from './find/walk';
import { readSentence, type SentenceReading } from './find/scope';
import { ENGLISH, type Lexicon } from './find/lexicon';
import { SPANISH } from './find/lexicon-es';

const LEXICONS: Record<Lang, Lexicon> = { en: ENGLISH, es: SPANISH };

/** True when `text` may hold a value of a known measure: one native RegExp test, for callers that want to skip work. */
export function mayHaveValues(text: string, lang: Lang = 'en'): boolean {
  return PRETEST[lang].test(text);
}

/**
 * Every value of a known measure in `text`, sorted by position and non-overlapping. `text` is plain text of one or
 * more blocks of a page separated by `\u0000`, written in `lang`; a value and its measure's name are always in the
 * same block and the same sentence.
 */
export function findValues(text: string, lang: Lang = 'en'): ValueMatch[] {
  if (!PRETEST[lang].test(text)) return [];
  const lex = LEXICONS[lang];
  const names = findNames(text, lang);
  if (names.length === 0) return [];
  const nameStarts = new Set(names.map((n) => n.start));
  const found: ValueMatch[] = [];
  for (const hit of names) {
    if (!hit.spec.measure) continue;
    const values = walkRight(text, hit, nameStarts, lex);
    const left = walkLeft(text, hit, lex);
    if (left) values.push(left);
    const name = { start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) };
    const keep = (v: Omit<ValueMatch, 'name'>, sentence: SentenceReading) => {
      if (!sentence.outOfScope) found.push(sentence.care ? { ...v, name, context: 'care' } : { ...v, name });
    };
    if (values.length) {
      const sentence = readSentence(text, hit, values, lang);
      for (const v of values) keep(v, sentence);
    }
    for (const v of walkOnward(text, hit, names, lex)) keep(v, readSentence(text, hit, [v], lang));
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  // Two names claiming one number, or overlapping values: kept once when they agree, else all dropped (no guessing).
  const out: ValueMatch[] = [];
  let i = 0;
  while (i < found.length) {
    const first = found[i] as ValueMatch;
    let clusterEnd = first.end;
    let j = i + 1;
    for (; j < found.length; j++) {
      const v = found[j] as ValueMatch;
      if (v.start >= clusterEnd) break;
      clusterEnd = Math.max(clusterEnd, v.end);
    }
    const kept = settle(found.slice(i, j), lex);
    if (kept) out.push(kept);
    i = j;
  }
  return out;
}

/**
 * The one value a cluster of overlapping claims stands for, or null. Claims agree when they are the same number in
 * the same unit for the same measure; where the lexicon says so, a glucose claim whose time is not said also agrees
 * with one timed claim of the same number ("glucosa de 110 mg/dl en ayunas": the fasting one is kept).
 */
function settle(cluster: readonly ValueMatch[], lex: Lexicon): ValueMatch | null {
  const first = cluster[0];
  if (!first) return null;
  const same = cluster.every((v) => v.start === first.start && v.end === first.end && v.unit === first.unit);
  if (!same) return null;
  const measures = new Set(cluster.map((v) => v.measure));
  if (measures.size === 1) return first;
  if (!lex.timedGlucoseWins || measures.size !== 2 || !measures.has('glucose')) return null;
  const timed = cluster.find((v) => v.measure !== 'glucose');
  return timed && MEASURES[timed.measure].family === 'glucose' ? timed : null;
}
