/**
 * Abbreviations a page defines itself, found as Schwartz & Hearst (2003) do: a short form in parentheses after its
 * long form ("durable medical equipment (DME)"), or the other way round ("DME (durable medical equipment)"); the long
 * form is the shortest run of words before the parenthesis whose letters spell the short form in order, its first
 * letter starting a word. ("A simple algorithm for identifying abbreviation definitions in biomedical text",
 * Pacific Symposium on Biocomputing 2003.)
 *
 * Spanish pages also give English short forms and say so: "autocontrol de glucosa en sangre (SMBG, por sus siglas en
 * inglés)", "(infusión subcutánea continua de insulina, abreviado CSII)". The letters cannot spell the Spanish words,
 * so such a definition is taken from the words that say it is one, and its long form is left for the reader of the
 * definition to delimit (`spelled: false`).
 */

export interface AbbreviationDefinition {
  short: string;
  long: string;
  /** Where the short form stands in the text. */
  shortStart: number;
  /** Where `long` ends in the text, so what it holds can be read in the page's context. */
  longEnd: number;
  /**
   * False when the page says in words that the short form abbreviates `long` (whose letters need not spell it): the
   * long form is then the end of `long`, which may hold words before it.
   */
  spelled: boolean;
}

const PAREN = /\(([^()]{1,80})\)/g;
/** "SMBG, por sus siglas en inglés", "por sus siglas en inglés, SMBG", "en inglés SMBG". */
const SAID_ENGLISH_AFTER = /^([\p{L}\p{N}][\p{L}\p{N}-]{1,9}),?\s+(?:por\s+sus\s+siglas\s+|siglas\s+)?en\s+inglés$/iu;
const SAID_ENGLISH_BEFORE = /^(?:por\s+sus\s+siglas\s+|siglas\s+)?en\s+inglés,?\s+([\p{L}\p{N}][\p{L}\p{N}-]{1,9})$/iu;
/** "infusión subcutánea continua de insulina, abreviado CSII": the long form is inside the parentheses. */
const SAID_SHORT = /^(.+?)\s*,?\s+(?:abreviad[oa]|abreviatura|abbreviated)\s+([\p{L}\p{N}][\p{L}\p{N}-]{1,9})$/iu;
/** How many words before the parenthesis may hold the long form of a short form in another language. */
const UNSPELLED_WORDS = 8;
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
    const said = saidDefinition(text, inside, open, open + (m[0] as string).indexOf(inside));
    if (said) {
      out.push(said);
      continue;
    }
    if (isShortFormCandidate(inside)) {
      // "long form (SF)": look at most min(|SF| + 5, 2|SF|) words back.
      const window = wordsBefore(text, open, Math.min(inside.length + 5, inside.length * 2));
      const long = bestLongForm(inside, window);
      if (long)
        out.push({
          short: inside,
          long,
          shortStart: open + (m[0] as string).indexOf(inside),
          longEnd: text.slice(0, open).trimEnd().length,
          spelled: true,
        });
      continue;
    }
    // "SF (long form)": the word just before the parenthesis is the short form.
    const before = /([\p{L}\p{N}][\p{L}\p{N}-]{0,9})\s*$/u.exec(text.slice(Math.max(0, open - 12), open));
    if (before && isShortFormCandidate(before[1] as string) && inside.split(/\s+/).length > 1) {
      const long = bestLongForm(before[1] as string, inside);
      if (long === inside || (long && inside.endsWith(long)))
        out.push({
          short: before[1] as string,
          long: inside,
          shortStart: open - (before[0] as string).length,
          longEnd: open + (m[0] as string).indexOf(inside) + inside.length,
          spelled: true,
        });
    }
  }
  return out;
}

/** A definition the page states in words ("por sus siglas en inglés", "abreviado"), or null. */
function saidDefinition(
  text: string,
  inside: string,
  open: number,
  insideStart: number,
): AbbreviationDefinition | null {
  const english = SAID_ENGLISH_AFTER.exec(inside) ?? SAID_ENGLISH_BEFORE.exec(inside);
  if (english && isShortFormCandidate(english[1] as string)) {
    const short = english[1] as string;
    const long = wordsBefore(text, open, UNSPELLED_WORDS);
    const longEnd = text.slice(0, open).trimEnd().length;
    return long ? { short, long, shortStart: insideStart + inside.indexOf(short), longEnd, spelled: false } : null;
  }
  const named = SAID_SHORT.exec(inside);
  if (named && isShortFormCandidate(named[2] as string)) {
    const short = named[2] as string;
    const long = named[1] as string;
    return {
      short,
      long,
      shortStart: insideStart + inside.lastIndexOf(short),
      longEnd: insideStart + long.length,
      spelled: false,
    };
  }
  return null;
}
