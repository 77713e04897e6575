/**
 * The misspellings the glossary lists itself (aliases flagged `misspelling`: "metformen", "infusion sights"): read
 * exactly, with the matcher's own rules (whole words, case, plural endings), where the edit-distance finder could not
 * reach them (short words, real words in a phrase, three edits). They are few, so their matcher is compiled when the
 * background first reads a page.
 */
import type { GlossaryEntry } from '../glossary/types';
import { compileMatcher } from '../matcher';
import type { Matcher } from '../matcher/types';
import { MisspellingFinder } from './find';
import type { FuzzyData, Misspelling } from './types';

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

/** Listed misspellings first, then what the finder reads as one where nothing listed is. */
export class MisspellingReader {
  private readonly listed: Matcher;
  private readonly finder: MisspellingFinder;
  /**
   * The longest word of every listed misspelling (its misspelt part, mostly): a block with none of them cannot hold
   * one, and a native regex test costs a fraction of the matcher's pass (which normalises every character).
   */
  private readonly mayHoldListed: RegExp;

  constructor(data: FuzzyData) {
    const listed = data.listed ?? [];
    this.listed = compileListed(listed);
    this.finder = new MisspellingFinder(data);
    const longestWord = (t: string) => t.split(/[\s-]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    const heads = [...new Set(listed.map((l) => longestWord(l.text).toLowerCase()))];
    const escaped = heads.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.mayHoldListed = escaped.length ? new RegExp(escaped.join('|'), 'i') : /$^/;
  }

  find(text: string): Misspelling[] {
    if (!this.mayHoldListed.test(text)) return this.finder.find(text);
    const exact: Misspelling[] = this.listed
      .findMatches(text)
      .map((m) => ({ start: m.start, end: m.end, entryId: m.entryId, wrote: m.text, meant: m.text, distance: 0 }));
    if (!exact.length) return this.finder.find(text);
    const guessed = this.finder.find(text).filter((g) => !exact.some((e) => e.start < g.end && g.start < e.end));
    return [...exact, ...guessed].sort((a, b) => a.start - b.start);
  }
}
