/**
 * Where the finder looks for a name's values: right after it, just before it, and on in the next sentences. Kept
 * apart from reading a value so that how far the walk goes, and what it may cross, is stated in one place.
 */

import { MEASURES } from '../data';
import type { ValueMatch } from '../types';
import { LINK_PUNCT, SPACE, WORD, matchAt, type Lexicon } from './lexicon';
import type { NameHit, NameSpec } from './names';
import { REJECT, readValue, resolve } from './read';

// ---------------------------------------------------------------------------------------------------------------
// Sentence and block boundaries
// ---------------------------------------------------------------------------------------------------------------

/** Block separator, sentence ends (a period not inside a number), semicolons, bullets, blank lines. */
const BOUNDARY = /[\u0000;!?|\u2022\u00b7]|\.(?!\d)|\n[ \t\u00a0]*\n/g;
/** How far from a name a value may be looked for, in characters. */
const RIGHT_WINDOW = 120;
const LEFT_WINDOW = 40;

function clauseEnd(text: string, from: number): number {
  // Search a short slice: a search of `text` itself would run to the end of a long text with no sentence end in it.
  const window = text.slice(from, from + RIGHT_WINDOW);
  BOUNDARY.lastIndex = 0;
  const m = BOUNDARY.exec(window);
  return from + (m ? m.index : window.length);
}

function clauseStart(text: string, before: number): number {
  const from = Math.max(0, before - LEFT_WINDOW);
  const window = text.slice(from, before);
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(window); m !== null; m = BOUNDARY.exec(window)) start = m.index + m[0].length;
  return from + start;
}

// ---------------------------------------------------------------------------------------------------------------
// Walking from a name to its values
// ---------------------------------------------------------------------------------------------------------------

/** Farthest a first value may start after its name, and a further value after the previous one (characters). */
const FIRST_GAP = 48;
const NEXT_GAP = 32;
const MAX_LINKS = 5;

const isCgmTime = (spec: NameSpec) => spec.measure !== null && MEASURES[spec.measure].family === 'cgm-time';

export function walkRight(
  text: string,
  hit: NameHit,
  nameStarts: Set<number>,
  lex: Lexicon,
): Omit<ValueMatch, 'name'>[] {
  const out: Omit<ValueMatch, 'name'>[] = [];
  const limit = clauseEnd(text, hit.end);
  let pos = hit.end;
  let anchor = hit.end;
  let links = 0;
  let prevWord = '';
  let directOk = true;
  while (pos < limit) {
    const sp = matchAt(SPACE, text, pos);
    pos += sp ? sp[0].length : 0;
    if (pos >= limit || nameStarts.has(pos)) break;
    if (pos - anchor > (out.length ? NEXT_GAP : FIRST_GAP)) break;
    const raw = readValue(text, pos, limit, prevWord, lex);
    if (raw === REJECT) break;
    if (raw) {
      if (!directOk) break;
      const v = resolve(raw, hit.spec, text);
      if (!v) {
        // "Time in range (70–180 mg/dL) was 72%": the glucose range right after the name defines the range; step
        // over it.
        const definesRange = raw.unit === 'mg/dL' || raw.unit === 'mmol/L';
        if (isCgmTime(hit.spec) && definesRange && out.length === 0) {
          pos = raw.end;
          continue;
        }
        break;
      }
      const first = out[0];
      if (first && v.unit !== first.unit && (v.unitInferred || first.unitInferred)) break;
      out.push(v);
      pos = anchor = raw.end;
      links = 0;
      prevWord = '';
      directOk = true;
      continue;
    }
    const w = matchAt(WORD, text, pos);
    if (w) {
      const lw = lex.key(w[0]).replace(/['\u2019]s$/, '');
      const direct = lex.links.get(lw);
      if (direct === undefined || ++links > MAX_LINKS) break;
      // After a change, Spanish "de" is "from": "bajó de 8,1 a 6,9" is two values, not a range.
      const from: boolean = !directOk && lex.fromAfterChange.has(lw);
      prevWord = from ? lex.from : lw;
      directOk = from || (direct === 'keep' ? directOk : direct);
      pos += w[0].length;
      continue;
    }
    const c = text[pos] ?? '';
    if (!LINK_PUNCT.has(c)) break;
    pos += 1;
  }
  return out;
}

const NUMBER_STARTS = /(?<![\p{L}\d.])\d/gu;

/** A value written before its name ("a 7.2% A1C", "6.5% or higher A1C"): it must carry its unit. */
export function walkLeft(text: string, hit: NameHit, lex: Lexicon): Omit<ValueMatch, 'name'> | null {
  const from = clauseStart(text, hit.start);
  const window = text.slice(from, hit.start);
  NUMBER_STARTS.lastIndex = 0;
  for (let m = NUMBER_STARTS.exec(window); m !== null; m = NUMBER_STARTS.exec(window)) {
    let start = from + m.index;
    const sym = /(<=|>=|\u2264|\u2265|<|>)[\s\u00a0]*$/.exec(text.slice(Math.max(from, start - 3), start));
    if (sym) start -= sym[0].length;
    const raw = readValue(text, start, hit.start, '', lex);
    if (!raw || raw === REJECT || !raw.unit) continue;
    if (!lex.leftGap.test(text.slice(raw.end, hit.start))) continue;
    return resolve(raw, hit.spec, text);
  }
  return null;
}

/**
 * A later sentence of the same block that carries on with the measure just named: "My A1C was 6.1 in May. Then it
 * was 5.8", "Had my A1C checked. It was 5.6!". Only a pronoun or "then"/"now" with a linking verb, right before the
 * number (the lexicon's `continuation`), and only when no other measure is named in between; the number must then
 * read as that measure does.
 */
const CONTINUE_WINDOW = 240;
const CONTINUED_FAMILIES = new Set(['a1c', 'glucose']);

export function walkOnward(
  text: string,
  hit: NameHit,
  names: readonly NameHit[],
  lex: Lexicon,
): Omit<ValueMatch, 'name'>[] {
  const measure = hit.spec.measure;
  if (!measure || !CONTINUED_FAMILIES.has(MEASURES[measure].family)) return [];
  const from = clauseEnd(text, hit.end);
  const block = text.indexOf('\u0000', hit.end);
  const nextName = names.find((n) => n.start > hit.end);
  const to = Math.min(
    from + CONTINUE_WINDOW,
    block === -1 ? text.length : block,
    nextName ? nextName.start : text.length,
  );
  const out: Omit<ValueMatch, 'name'>[] = [];
  const window = text.slice(0, to);
  const continuation = lex.continuation;
  continuation.lastIndex = from;
  for (let m = continuation.exec(window); m !== null; m = continuation.exec(window)) {
    const at = m.index + m[0].length;
    const raw = readValue(text, at, clauseEnd(text, at), '', lex);
    if (!raw || raw === REJECT) continue;
    // Bare numbers need a decimal point to be read as a level: "it was 6" could be anything.
    if (!raw.unit && raw.numbers.every((n) => Number.isInteger(n))) continue;
    const v = resolve(raw, hit.spec, text);
    if (v) out.push(v);
  }
  return out;
}
