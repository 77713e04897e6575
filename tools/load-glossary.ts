import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateGlossary, validateNames, GlossaryError, type RawGlossaryFile } from '../core/glossary/validate';
import type { GlossaryEntry } from '../core/glossary/types';
import { compileMatcher, MatcherCompileError } from '../core/matcher';

export const ENTRIES_DIR = join(import.meta.dirname, '..', 'glossary', 'entries');

/** Reads every glossary/entries/*.json file; a file that is not valid JSON is reported by name. */
export function readGlossaryFiles(dir = ENTRIES_DIR): RawGlossaryFile[] {
  const problems: string[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const file = relative(join(dir, '..', '..'), path);
      try {
        return { file, data: JSON.parse(readFileSync(path, 'utf8')) as unknown };
      } catch (err) {
        problems.push(`${file}: is not valid JSON (${(err as Error).message})`);
        return { file, data: [] };
      }
    });
  if (problems.length) throw new GlossaryError(problems);
  return files;
}

export const NAMES_FILE = join(import.meta.dirname, '..', 'glossary', 'names.json');

/** The names in which no term is marked (see core/context/names.ts), validated. */
export function loadNamesFromDisk(file = NAMES_FILE): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new GlossaryError([`glossary/names.json: is not valid JSON (${(err as Error).message})`]);
  }
  return validateNames(raw);
}

/** Validates, then compiles the page matcher once, so an alias the matcher cannot take fails here and not in a tab. */
export function loadGlossaryFromDisk(dir = ENTRIES_DIR): GlossaryEntry[] {
  const entries = validateGlossary(readGlossaryFiles(dir));
  try {
    compileMatcher(entries);
  } catch (err) {
    if (err instanceof MatcherCompileError) throw new GlossaryError(err.problems);
    throw err;
  }
  return entries;
}
