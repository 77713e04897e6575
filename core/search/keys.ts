/**
 * The keys search compares: a query or a name folded further than the matcher folds, and each entry's names with
 * their keys made once. Kept apart from ranking and emphasis because both map back through the same folding, and
 * it must be one folding for them to agree.
 */
import { foldCharacter } from '../text/normalize';
import type { AliasSpec, GlossaryEntry } from '../glossary/types';

/** A span to emphasise: start inclusive, end exclusive (like `String.prototype.slice`). */
export type Span = [start: number, end: number];

// ---- folding ------------------------------------------------------------------------------------------------------

/** Text folded for comparison, remembering where each folded character came from. */
export interface Folded {
  /** Kept to tell what separates two marks: a hyphen joins them, a space does not. */
  text: string;
  key: string;
  /** `from[i]`..`to[i]` is the span of the original text that produced key character i. */
  from: number[];
  to: number[];
  /** Key indices where a word starts (after a space, hyphen or punctuation, or at 0). */
  wordStarts: number[];
}

/**
 * Folds as the matcher does (core/text/normalize.ts: lowercase, β → beta, HbA₁c = HbA1c), then, for search only,
 * also ignores spaces, dashes, accents and punctuation, so "Crohn's", "mg/dL" and "glycémie" need no exact typing.
 * Done one code point at a time so every folded character maps back to the original span to emphasise.
 */
export function fold(text: string): Folded {
  const out: Folded = { text, key: '', from: [], to: [], wordStarts: [] };
  let at = 0;
  let boundary = true;
  for (const ch of text) {
    const folded = foldCharacter(ch)
      .normalize('NFKD')
      .replace(/[\s\p{M}\p{P}]/gu, '');
    if (!folded) boundary = true;
    for (let k = 0; k < folded.length; k++) {
      if (boundary) out.wordStarts.push(out.key.length);
      boundary = false;
      out.key += folded[k];
      out.from.push(at);
      out.to.push(at + ch.length);
    }
    at += ch.length;
  }
  return out;
}

/** The original span covering folded characters `start`..`end` (end exclusive). */
export function spanOf(f: Folded, start: number, end: number): Span {
  return [f.from[start] ?? 0, f.to[end - 1] ?? 0];
}

export function wordsOf(f: Folded): string[] {
  return f.wordStarts.map((start, i) => f.key.slice(start, f.wordStarts[i + 1] ?? f.key.length));
}

// ---- names --------------------------------------------------------------------------------------------------------

/** One way to call an entry: its term or one alias. */
export interface Name {
  entry: GlossaryEntry;
  text: string;
  isTerm: boolean;
  searchOnly: boolean;
  /** A Spanish term or alias: on a tie the English name is shown, the popup's own language. */
  spanish: boolean;
  folded: Folded;
  /** The folded words of the name, in order (precomputed: every keystroke checks every name). */
  words: string[];
}

// A misspelling alias finds its entry as a search-only name does: never the entry's exact name, only a way to it.
function aliasText(a: AliasSpec): { text: string; searchOnly: boolean } {
  if (typeof a === 'string') return { text: a, searchOnly: false };
  return { text: a.text, searchOnly: a.searchOnly === true || a.misspelling === true };
}

function nameOf(entry: GlossaryEntry, text: string, isTerm: boolean, searchOnly: boolean, spanish: boolean): Name {
  const folded = fold(text);
  return { entry, text, isTerm, searchOnly, spanish, folded, words: wordsOf(folded) };
}

/** An entry's names in both languages: "hemoglovina glicosilada" finds HbA1c as "insulin resistence" finds its entry. */
export function namesOf(entry: GlossaryEntry): Name[] {
  const names: Name[] = [];
  const seen = new Set<string>();
  const add = (text: string, isTerm: boolean, searchOnly: boolean, spanish: boolean) => {
    const name = nameOf(entry, text, isTerm, searchOnly, spanish);
    // A Spanish alias spelled like an English one (HbA1c, Ozempic) is one name, not two.
    if (name.folded.key.length === 0 || seen.has(name.folded.key)) return;
    seen.add(name.folded.key);
    names.push(name);
  };
  for (const text of [entry, ...(entry.es ? [entry.es] : [])]) {
    const spanish = text !== entry;
    add(text.term, true, false, spanish);
    for (const alias of text.aliases) {
      const spelled = aliasText(alias);
      add(spelled.text, false, spelled.searchOnly, spanish);
    }
  }
  return names;
}
