/**
 * The misspellings the glossary lists itself (aliases flagged `misspelling`: "metformen", "infusion sights"): read
 * exactly, with the matcher's own rules (whole words, case, plural endings), where the edit-distance finder could not
 * reach them (short words, real words in a phrase, three edits). They are few, so their matcher is compiled when the
 * background first reads a page, and reads only a text that holds one's head word, which the finder watches for as
 * it reads the words anyway.
 */
import type { GlossaryEntry } from '../glossary/types';
import { compileMatcher } from '../matcher';
import type { Matcher } from '../matcher/types';
import { MisspellingFinder } from './find';
import type { FuzzyData, ListedInData, Misspelling } from './types';
import { iesVariant } from '../text/plurals';
import { LETTER_ENDINGS } from './word-index';
import { foldedWords } from './words';

export interface ListedMisspelling {
  entryId: string;
  text: string;
}

/** At build time: every alias the glossary flags as a misspelling, by entry. */
export function listedMisspellings(entries: readonly GlossaryEntry[]): ListedMisspelling[] {
  return entries.flatMap((entry) =>
    entry.aliases.flatMap((a) =>
      typeof a !== 'string' && a.misspelling === true ? [{ entryId: entry.id, text: a.text }] : [],
    ),
  );
}

/** A matcher whose only keys are the listed misspellings (each entry stands in with its first one as its term). */
function compileListed(listed: readonly ListedMisspelling[]): Matcher {
  const byEntry = new Map<string, string[]>();
  for (const { entryId, text } of listed) byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), text]);
  const entries: GlossaryEntry[] = [...byEntry].map(([id, [term = '', ...aliases]]) => ({
    id,
    term,
    aliases,
    category: 'condition',
    summary: '',
    definition: '',
    related: [],
    sources: [],
    lastReviewed: '',
  }));
  return compileMatcher(entries);
}

/**
 * The word of a listed misspelling a text must hold to hold it: the longest that is no real word ("libre" in "free
 * libre", "rapd" in "rapd-acting"), which ordinary text seldom holds, or else its longest. At build time.
 */
export function headOf(text: string, isRealWord: (word: string) => boolean): string {
  const words = foldedWords(text).sort((a, b) => b.length - a.length);
  return words.find((w) => !isRealWord(w)) ?? words[0] ?? '';
}

/** A head as the page may write it: the matcher lets a plural ending follow an alias's last word. */
function headForms(head: string): string[] {
  const ies = iesVariant(head);
  return [head, ...LETTER_ENDINGS.map((ending) => head + ending), ...(ies ? [ies] : [])];
}

/** Listed misspellings first, then what the finder reads as one where nothing listed is. */
export class MisspellingReader {
  private readonly listed: readonly ListedInData[];
  /** Compiled when a text first holds a head: most pages never do, and compiling takes longer than a page's read. */
  private listedMatcher: Matcher | null = null;
  /** Watches for the listed misspellings' heads, so the listed matcher reads only a text that holds one. */
  private readonly finder: MisspellingFinder;

  constructor(data: FuzzyData) {
    this.listed = data.listed ?? [];
    this.finder = new MisspellingFinder(
      data,
      this.listed.flatMap((l) => headForms(l.head)),
    );
  }

  find(text: string): Misspelling[] {
    const guessed = this.finder.find(text);
    if (!this.finder.sawWatched) return guessed;
    this.listedMatcher ??= compileListed(this.listed);
    const exact: Misspelling[] = this.listedMatcher
      .findMatches(text)
      .map((m) => ({ start: m.start, end: m.end, entryId: m.entryId, wrote: m.text, meant: m.text, distance: 0 }));
    if (!exact.length) return guessed;
    const others = guessed.filter((g) => !exact.some((e) => e.start < g.end && g.start < e.end));
    return [...exact, ...others].sort((a, b) => a.start - b.start);
  }
}
