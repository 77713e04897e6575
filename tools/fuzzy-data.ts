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
import { listedMisspellings } from '../core/fuzzy/listed';
import type { FuzzyData } from '../core/fuzzy/types';
import { loadGlossaryFromDisk } from './load-glossary';

const require = createRequire(import.meta.url);

/**
 * The word list, read as data: its package's main is a 3 MB JSON file, which a typed import would make the compiler
 * infer a type for on every run.
 */
export function loadEnglishWords(): string[] {
  const path = require.resolve('an-array-of-english-words');
  const words: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(words) || !words.every((w): w is string => typeof w === 'string')) {
    throw new Error(`${path}: expected an array of strings`);
  }
  return words;
}

/**
 * The data for the glossary on disk (validated first, as the build does). A misspelling the glossary lists that is
 * itself an English word ("canula", a real spelling) fails the build, naming its entry: it would mark a real word.
 */
export function loadFuzzyDataFromDisk(): FuzzyData {
  const glossary = loadGlossaryFromDisk();
  const words = loadEnglishWords();
  const real = new Set(words);
  const problems = listedMisspellings(glossary)
    .filter(({ text }) => !/\s/.test(text) && real.has(text.toLowerCase()))
    .map(({ entryId, text }) => `entry "${entryId}": misspelling "${text}" is an English word; make it an alias`);
  if (problems.length) throw new Error(`Glossary misspellings:\n${problems.join('\n')}`);
  return buildFuzzyData(glossary, words);
}

/** What the data holds and weighs, for the build log and for tuning the thresholds. */
export function describeFuzzyData(data: FuzzyData): Record<string, number> {
  const json = JSON.stringify(data);
  return {
    aliasWords: data.words.length,
    aliases: data.aliases.length,
    deletionVariants: data.deletes.length,
    postings: data.deletes.reduce((n, [, list]) => n + list.length, 0),
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
