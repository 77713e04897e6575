/**
 * The misspelling finder on the real glossary and the real English word list, as the build makes its data: the
 * misspellings the issue names are found, and no real word is ever taken for one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREFIX_LENGTH } from '../../core/fuzzy/deletes';
import { MisspellingFinder } from '../../core/fuzzy/find';
import { MisspellingReader } from '../../core/fuzzy/listed';
import type { FuzzyData, Misspelling } from '../../core/fuzzy/types';
import { collectPatterns } from '../../core/matcher/patterns';
import { loadEnglishWords, loadFuzzyDataFromDisk } from '../../tools/fuzzy-data';
import { loadGlossaryFromDisk } from '../../tools/load-glossary';

let data: FuzzyData;
let finder: MisspellingFinder;
const brief = (text: string): [string, string, string][] =>
  finder.find(text).map((m: Misspelling) => [m.wrote, m.entryId, m.meant]);

beforeAll(() => {
  // Through JSON, as the background will receive it.
  data = JSON.parse(JSON.stringify(loadFuzzyDataFromDisk())) as FuzzyData;
  finder = new MisspellingFinder(data);
});

describe('misspellings of the glossary', () => {
  it.each([
    ['metforman', 'metformin', 'Metformin'],
    ['glipizde', 'glipizide', 'Glipizide'],
    // "Ozempic" is 7 letters: long enough for one edit.
    ['Ozempik', 'semaglutide', 'Ozempic'],
    ['hypoglycimia', 'hypoglycemia', 'Hypoglycemia'],
    ['neuropothy', 'diabetic-neuropathy', 'neuropathy'],
    // "diabetes" is 8 letters; "diabeties" 1 insertion from it.
    ['diabeties', 'diabetes-mellitus', 'diabetes'],
  ])('reads "%s" as %s', (wrote, entryId, meant) => {
    expect(brief(`My doctor mentioned ${wrote} today.`)).toEqual([[wrote, entryId, meant]]);
  });

  it('marks a misspelt phrase whole', () => {
    const text = 'Signs of insulin resistence are subtle.';
    expect(finder.find(text)).toMatchObject([
      { start: 9, end: 27, wrote: 'insulin resistence', entryId: 'insulin-resistance', meant: 'Insulin resistance' },
    ]);
    // Alone, "resistence" is near no single-word alias.
    expect(brief('Their resistence grew.')).toEqual([]);
  });

  it('carries the pattern flags for the page-context rules', () => {
    // "Ozempic" is written capitalised in the glossary: a brand, like its exact marks.
    expect(finder.find('Ozempik')[0]?.proper).toBe(true);
  });
});

describe('misspellings the glossary lists', () => {
  it('are read as the matcher reads aliases, wherever the word that gives each away stands', () => {
    const reader = new MisspellingReader(data);
    const read = (text: string) => reader.find(text).map((m) => `${m.wrote}=${m.entryId}`);
    expect(read('My bloodsugars are high.')).toEqual(['bloodsugars=blood-glucose']);
    expect(read('The Basel rate was 0.8 units.')).toEqual(['Basel rate=basal-rate']);
    expect(read('A SGLUT-2 inhibitor helps.')).toEqual(['SGLUT-2 inhibitor=sglt2-inhibitors']);
    // The head alone ("basel") is no misspelling: the whole listed wording must stand there.
    expect(read('The Basel trial enrolled 200.')).toEqual([]);
  });
});

describe('real words are never misspellings', () => {
  it.each(['insulating', 'insulation', 'metric', 'stating', 'pumping', 'meters', 'glucosamine'])('"%s"', (word) => {
    expect(brief(`The ${word} was fine.`)).toEqual([]);
  });

  it('ships the near ones, and only a small part of the word list', () => {
    const near = new Set(data.nearWords);
    // Near an alias: "insulation", "metric", "stating"; "pumping" is an alias itself; the rest are near nothing.
    expect(['insulation', 'metric', 'stating'].every((w) => near.has(w))).toBe(true);
    expect(data.words).toContain('pumping');
    expect(data.nearWords.length).toBeLessThan(loadEnglishWords().length / 20);
  });

  it('no word near an alias word, fed alone, is reported', () => {
    const reported = data.nearWords.filter((word) => finder.find(word).length > 0);
    expect(reported).toEqual([]);
  });

  it('no dictionary word is reported', () => {
    expect(loadEnglishWords().filter((word) => finder.find(word).length > 0)).toEqual([]);
  });

  it('no alias the matcher marks is reported: exact wordings are its own', () => {
    const keys = collectPatterns(loadGlossaryFromDisk()).map((p) => p.key);
    expect(keys.filter((key) => finder.find(key).length > 0)).toEqual([]);
  });

  it('the look-alike words of the misspellings data set are left alone', () => {
    // Except names that are no English word, used off topic: the caller's topic check keeps those back.
    const OFF_TOPIC_NAMES = new Set(['Monjaro', 'glaucophane']);
    const file = join(import.meta.dirname, '..', 'fixtures', 'misspellings', 'traps.json');
    const traps = JSON.parse(readFileSync(file, 'utf8')) as { word: string; context: string }[];
    const reported = traps
      .filter((t) => !OFF_TOPIC_NAMES.has(t.word))
      .flatMap((t) => finder.find(t.context).map((m) => `${t.word}: ${m.wrote}`));
    expect(reported).toEqual([]);
  });
});

describe('work per word', () => {
  it('compares a word with a bounded handful of alias words, never with all of them', () => {
    // Every dictionary word, alone: how many edit distances each one cost.
    const words = loadEnglishWords();
    let most = 0;
    for (const word of words) {
      const before = finder.stats.distanceComputations;
      finder.find(word);
      most = Math.max(most, finder.stats.distanceComputations - before);
    }
    expect(data.words.length).toBeGreaterThan(1000);
    expect(most).toBeLessThanOrEqual(100);
  });

  it('makes at most the prefix variants of a word and its plural cores', () => {
    const { variants } = finder.stats;
    finder.find('hypoglycemiaas');
    // Up to 1 + 8 + 28 variants of an 8-letter prefix, for the word and each of its plural cores.
    expect(PREFIX_LENGTH).toBe(8);
    expect(finder.stats.variants - variants).toBeLessThanOrEqual(3 * 37);
  });
});
