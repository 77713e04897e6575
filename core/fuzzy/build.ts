/**
 * Builds the misspelling finder's data at build time, in Node, from the glossary and an English word list. Only what
 * the page side needs ships: the alias words, their deletion index, the real words that lie near an alias word (the
 * few thousand a page word could be taken for), and every real word of fuzzy length as a Bloom filter, 1.5 bytes a
 * word (the list's 275,000 words are 3 MB), so the page side passes over real words cheaply.
 */
import type { AliasSpec, GlossaryEntry } from '../glossary/types';
import { collectPatterns, type Pattern } from '../matcher/patterns';
import { flagsOf } from '../matcher/types';
import { normalizeKey } from '../text/normalize';
import { iesVariant } from '../text/plurals';
import { PREFIX_LENGTH, deletionVariants } from './deletes';
import { EDIT_THRESHOLDS, maxEditsFor, shortestFuzzyLength, type EditThreshold } from './thresholds';
import type { FuzzyAlias, FuzzyData } from './types';
import { WordIndex, pluralCores } from './word-index';
import { foldedWords, forEachLetterRun } from './words';
import { headOf, listedMisspellings } from './listed';
import { RealWords } from './real-words';

const PLAIN_WORD = /^[a-z]+$/;

const textOf = (spec: AliasSpec): string => (typeof spec === 'string' ? spec : spec.text);
const isMatchCase = (spec: AliasSpec): boolean => typeof spec !== 'string' && spec.matchCase === true;
const isSearchOnly = (spec: AliasSpec): boolean => typeof spec !== 'string' && spec.searchOnly === true;
/**
 * A misspelling the glossary lists itself ("metformen"): never an alias to correct towards, and never a real word
 * that would hide a misspelling. Read with `in` so this holds whether or not the glossary's type has the flag.
 */
const isListedMisspelling = (spec: AliasSpec): boolean =>
  typeof spec !== 'string' && 'misspelling' in spec && spec.misspelling === true;

/**
 * Key → the glossary's own spelling of it, for `Misspelling.meant`. Aliases before the term, as the matcher reads
 * them, so the first spelling that produced a key names it; a "-ies" key names its singular alias.
 */
function spellingsByKey(entries: readonly GlossaryEntry[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const entry of entries) {
    for (const spec of [...entry.aliases, entry.term]) {
      if (isSearchOnly(spec) || isMatchCase(spec) || isListedMisspelling(spec)) continue;
      const key = normalizeKey(textOf(spec));
      if (!byKey.has(key)) byKey.set(key, textOf(spec));
    }
  }
  for (const [key, text] of [...byKey]) {
    const variant = iesVariant(key);
    if (variant !== undefined && !byKey.has(variant)) byKey.set(variant, text);
  }
  return byKey;
}

/** Marked on pages (the matcher's own choice of keys), case-insensitive, and not a `notWhen` phrase. */
function fuzzyPatterns(entries: readonly GlossaryEntry[]): Pattern[] {
  return collectPatterns(entries)
    .filter((p) => p.anyCase && p.stop !== true)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every folded word any spelling in the glossary uses, marked on pages or not: none of them is a misspelling. */
function glossaryWords(entries: readonly GlossaryEntry[]): Set<string> {
  const out = new Set<string>();
  for (const entry of entries) {
    const aliases = entry.aliases.filter((spec) => !isListedMisspelling(spec)).map(textOf);
    const texts = [entry.term, ...aliases, ...(entry.notWhen ?? [])];
    for (const text of texts) for (const word of foldedWords(text)) out.add(word);
  }
  return out;
}

function sortedPairs(map: Map<string, number[]>): [string, number[]][] {
  return [...map.keys()].sort().map((key) => [key, (map.get(key) ?? []).sort((a, b) => a - b)]);
}

/**
 * The finder's data. `dictionary` is any word list (lowercase or not; entries that fold to more than one word are
 * ignored). Deterministic: the same glossary and list give the same JSON.
 */
export function buildFuzzyData(
  entries: readonly GlossaryEntry[],
  dictionary: Iterable<string>,
  thresholds: readonly EditThreshold[] = EDIT_THRESHOLDS,
): FuzzyData {
  const shortest = shortestFuzzyLength(thresholds);
  const spellings = spellingsByKey(entries);
  const aliasWordSlots: { pattern: Pattern; slots: [string, number][] }[] = [];
  const wordSet = new Set<string>();
  for (const pattern of fuzzyPatterns(entries)) {
    const slots: [string, number][] = [];
    forEachLetterRun(pattern.key, (start, end) => {
      if (end - start >= shortest) slots.push([pattern.key.slice(start, end), start]);
    });
    if (slots.length === 0) continue;
    aliasWordSlots.push({ pattern, slots });
    for (const [word] of slots) wordSet.add(word);
  }
  const words = [...wordSet].sort();
  const ordinal = new Map(words.map((w, i) => [w, i]));

  const aliases = aliasWordSlots.map(({ pattern, slots }): FuzzyAlias => ({
    entryId: pattern.entryId,
    meant: spellings.get(pattern.key) ?? pattern.key,
    key: pattern.key,
    slots: slots.map(([word, offset]): [number, number] => [ordinal.get(word) ?? 0, offset]),
    ...flagsOf(pattern),
  }));

  const deletes = new Map<string, number[]>();
  words.forEach((word, i) => {
    for (const variant of deletionVariants(word.slice(0, PREFIX_LENGTH), maxEditsFor(word.length, thresholds))) {
      const list = deletes.get(variant);
      if (list) list.push(i);
      else deletes.set(variant, [i]);
    }
  });

  const index = new WordIndex(words, [...deletes], thresholds, PREFIX_LENGTH);
  const near = new Set<string>();
  /** Every folded word of the list and of the glossary: real words, none of them a misspelling. */
  const realWords = new Set<string>();
  const consider = (word: string): void => {
    realWords.add(word);
    if (word.length < shortest || wordSet.has(word) || near.has(word)) return;
    // A real word with a plural ending ("statings") is no misspelling either; the finder tries those cores too.
    if (index.isNear(word) || pluralCores(word, shortest).some((core) => index.isNear(core))) near.add(word);
  };
  for (const raw of dictionary) {
    // Most lists are plain lowercase ASCII, which folding leaves as it is; skipping it keeps the build fast.
    if (PLAIN_WORD.test(raw)) {
      consider(raw);
      continue;
    }
    const folded = foldedWords(raw);
    if (folded.length === 1 && folded[0] !== undefined) consider(folded[0]);
  }
  for (const word of glossaryWords(entries)) consider(word);

  return {
    version: 1,
    thresholds: thresholds.map((row) => ({ ...row })),
    prefixLength: PREFIX_LENGTH,
    words,
    aliases,
    deletes: sortedPairs(deletes),
    nearWords: [...near].sort(),
    realWords: RealWords.of([...realWords].filter((w) => w.length >= shortest)).toData(),
    listed: listedMisspellings(entries).map((l) => ({ ...l, head: headOf(l.text, (w) => realWords.has(w)) })),
  };
}
