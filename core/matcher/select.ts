/**
 * Leftmost-longest selection: among accepted occurrences, the one starting first wins; at the same start, the longest
 * ("type 2 diabetes mellitus" over "type 2 diabetes"); anything overlapping a chosen match is dropped. This is what a
 * reader expects from highlighting and guarantees the DOM layer never gets nested or crossing ranges.
 *
 * Two refinements. An occurrence of the SAME entry that overlaps the chosen one and reaches further extends it, so
 * "once-weekly insulin icodec" (aliases "once-weekly insulin" and "insulin icodec") is one highlight, not a
 * highlight followed by a stray "icodec". And where a phrase ends in "de"/"of" and the start of a longer term
 * ("control de la [Diabetes] Mellitus", "administración de [insulina] rápida", "bajada de la [glucosa] en sangre"),
 * or in "con"/"with" ("tratamiento con [insulinas] de acción rápida"), the term wins: the phrase's last noun is what
 * the term names in full, and its head ("control") is a common word.
 */
import type { MatchFlags } from './types';

/** Accepted occurrences in normalised offsets, collected in parallel arrays to keep allocation flat. */
export class Candidates {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Key (pattern) index of each occurrence. */
  readonly keys: number[] = [];
  /** Entry ordinal of each occurrence, for the same-entry merge. */
  readonly entries: number[] = [];

  add(start: number, end: number, key: number, entry: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.keys.push(key);
    this.entries.push(entry);
  }

  get size(): number {
    return this.starts.length;
  }
}

export interface Selected {
  start: number;
  end: number;
  /** Key of the occurrence that won the start position. */
  key: number;
}

/** A phrase's words before the term it crosses end in a preposition: "control de la ", "tratamiento con ". */
const ENDS_IN_OF = /[\s\u00a0](?:de|del|of|con|with)(?:[\s\u00a0]+(?:la|las|los|el|the))?[\s\u00a0]+$/iu;

/**
 * The chosen matches, in text order, non-overlapping; `text` is what the offsets index. `isStop` tells the keys of
 * stop phrases (notWhen), which hold their place whatever crosses them.
 */
export function selectLeftmostLongest(
  candidates: Candidates,
  text: string,
  isStop: (key: number) => boolean,
): Selected[] {
  const { starts, ends, keys, entries } = candidates;
  const order = Array.from({ length: candidates.size }, (_, i) => i);
  order.sort((a, b) => (starts[a] as number) - (starts[b] as number) || (ends[b] as number) - (ends[a] as number));
  const chosen: Selected[] = [];
  let last: Selected | undefined;
  let lastEntry = -1;
  for (const i of order) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    if (last !== undefined && start < last.end) {
      if (entries[i] === lastEntry && end > last.end) last.end = end;
      else if (
        end > last.end &&
        start > last.start &&
        !isStop(last.key) &&
        !isStop(keys[i] as number) &&
        ENDS_IN_OF.test(text.slice(last.start, start))
      ) {
        last.start = start;
        last.end = end;
        last.key = keys[i] as number;
        lastEntry = entries[i] as number;
      }
      continue;
    }
    last = { start, end, key: keys[i] as number };
    lastEntry = entries[i] as number;
    chosen.push(last);
  }
  return chosen;
}

/**
 * What may stand between two words of one name: white space, and the invisible characters the normaliser drops
 * (so a zero-width space changes nothing), with at least one real space.
 */
const GAP =
  /^[ \t\n\r\f\u00a0\u2000-\u200f\u202f\u205f\u3000\u00ad\u180e\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+$/;
const SPACE = /[ \t\n\r\f\u00a0\u2000-\u200a\u202f\u205f\u3000]/;

/**
 * Neighbouring matches of the same entry with only white space between them are one mark: a brand, its model and
 * the device's name ("Tandem" "t:slim" "pump", "Dexcom" "G7") read as one thing, and one card explains it. The joined
 * match is topic-only or entry-bound only if every part is.
 */
export function joinAdjacent<M extends MatchFlags & { entryId: string; start: number; end: number; text: string }>(
  text: string,
  matches: M[],
): M[] {
  if (matches.length < 2) return matches;
  const out: M[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    const gap = last ? text.slice(last.end, m.start) : '';
    if (last && last.entryId === m.entryId && GAP.test(gap) && SPACE.test(gap)) {
      const joined = { ...last, end: m.end, text: text.slice(last.start, m.end) };
      if (!m.topicOnly) delete joined.topicOnly;
      if (!m.withEntry) delete joined.withEntry;
      if (m.proper) joined.proper = true;
      out[out.length - 1] = joined;
    } else {
      out.push(m);
    }
  }
  return out;
}
