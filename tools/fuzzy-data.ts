/**
 * The misspelling finder's data as the build makes it: the validated glossary and the English word list of the
 * `an-array-of-english-words` devDependency (MIT; ~275,000 lowercase words with their inflections). Only the words
 * near an alias end up in the data, so the list never ships. `tsx tools/fuzzy-data.ts` prints what it made.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { buildFuzzyData } from '../core/fuzzy/build';
import type { FuzzyData } from '../core/fuzzy/types';
import { loadGlossaryFromDisk } from './load-glossary';

/** The word list, read as data (its package's main is a JSON file, which plain ESM will not import untyped). */
export function loadEnglishWords(): string[] {
  const path = createRequire(import.meta.url).resolve('an-array-of-english-words');
  const words: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(words) || !words.every((w): w is string => typeof w === 'string')) {
    throw new Error(`${path}: expected an array of strings`);
  }
  return words;
}

/** The data for the glossary on disk (validated first, as the build does). */
export function loadFuzzyDataFromDisk(): FuzzyData {
  return buildFuzzyData(loadGlossaryFromDisk(), loadEnglishWords());
}

/** What the data holds and weighs, for the build log and for tuning the thresholds. */
export function describeFuzzyData(data: FuzzyData): Record<string, number> {
  const json = JSON.stringify(data);
  return {
    aliasWords: data.words.length,
    aliases: data.aliases.length,
    deletionVariants: Object.keys(data.deletes).length,
    postings: Object.values(data.deletes).reduce((n, list) => n + list.length, 0),
    nearWords: data.nearWords.length,
    jsonBytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json).length,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const glossary = loadGlossaryFromDisk();
  const words = loadEnglishWords();
  const started = performance.now();
  const data = buildFuzzyData(glossary, words);
  const ms = performance.now() - started;
  console.log({ ...describeFuzzyData(data), buildMs: Math.round(ms) });
}
