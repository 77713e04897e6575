/**
 * Abbreviations a page defines itself, found as Schwartz & Hearst (2003) do: a short form in parentheses after its
 * long form ("durable medical equipment (DME)"), or the other way round ("DME (durable medical equipment)"); the long
 * form is the shortest run of words before the parenthesis whose letters spell the short form in order, its first
 * letter starting a word. ("A simple algorithm for identifying abbreviation definitions in biomedical text",
 * Pacific Symposium on Biocomputing 2003.)
 */

export interface AbbreviationDefinition {
  short: string;
  long: string;
  /** Where the short form stands in the text. */
  shortStart: number;
}

const PAREN = /\(([^()]{1,80})\)/g;
const ALNUM = /[\p{L}\p{N}]/u;

/** A short form is 2 to 10 characters, at most two words, starts with a letter or digit and holds a letter. */
function isShortFormCandidate(s: string): boolean {
  if (s.length < 2 || s.length > 10 || s.split(/\s+/).length > 2) return false;
  if (!ALNUM.test(s.charAt(0)) || !/\p{L}/u.test(s)) return false;
  // "(2019)", "(see above)" are not short forms; a short form has a capital or a digit in it.
  return /[\p{Lu}\p{N}]/u.test(s);
}

/** Schwartz & Hearst's `findBestLongForm`: the long form inside `candidate` that spells `short`, or null. */
export function bestLongForm(short: string, candidate: string): string | null {
  const s = short.toLowerCase();
  const l = candidate.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  for (; si >= 0; si--) {
    const c = s.charAt(si);
    if (!ALNUM.test(c)) continue;
    while (li >= 0 && (l.charAt(li) !== c || (si === 0 && li > 0 && ALNUM.test(l.charAt(li - 1))))) li--;
    if (li < 0) return null;
    li--;
  }
  const from = l.lastIndexOf(' ', li) + 1;
  const long = candidate.slice(from).trim();
  return long.length > short.length ? long : null;
}

/** Words before `end` in the same sentence, at most `count` of them. */
function wordsBefore(text: string, end: number, count: number): string {
  const sentenceStart = Math.max(
    text.lastIndexOf('. ', end - 1) + 1,
    text.lastIndexOf('\u0000', end - 1) + 1,
    text.lastIndexOf('\n', end - 1) + 1,
  );
  const words = text.slice(sentenceStart, end).trim().split(/\s+/);
  return words.slice(-count).join(' ');
}

export function findAbbreviationDefinitions(text: string): AbbreviationDefinition[] {
  if (!text.includes('(')) return [];
  const out: AbbreviationDefinition[] = [];
  for (const m of text.matchAll(PAREN)) {
    const inside = (m[1] as string).trim();
    const open = m.index;
    if (isShortFormCandidate(inside)) {
      // "long form (SF)": look at most min(|SF| + 5, 2|SF|) words back.
      const window = wordsBefore(text, open, Math.min(inside.length + 5, inside.length * 2));
      const long = bestLongForm(inside, window);
      if (long) out.push({ short: inside, long, shortStart: open + (m[0] as string).indexOf(inside) });
      continue;
    }
    // "SF (long form)": the word just before the parenthesis is the short form.
    const before = /([\p{L}\p{N}][\p{L}\p{N}-]{0,9})\s*$/u.exec(text.slice(Math.max(0, open - 12), open));
    if (before && isShortFormCandidate(before[1] as string) && inside.split(/\s+/).length > 1) {
      const long = bestLongForm(before[1] as string, inside);
      if (long === inside || (long && inside.endsWith(long)))
        out.push({ short: before[1] as string, long: inside, shortStart: open - (before[0] as string).length });
    }
  }
  return out;
}
