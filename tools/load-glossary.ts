import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateGlossary, validateNames, GlossaryError, type RawGlossaryFile } from '../core/glossary/validate';
import { attachSpanish } from '../core/glossary/validate-es';
import type { GlossaryEntry, Lang } from '../core/glossary/types';
import { compileMatcher, MatcherCompileError } from '../core/matcher';

export const ENTRIES_DIR = join(import.meta.dirname, '..', 'glossary', 'entries');
/** The Spanish text of the entries, one file per category like the English (README, *Español*). */
export const SPANISH_DIR = join(import.meta.dirname, '..', 'glossary', 'es');

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

/** The English entries alone, validated, for tools that check a Spanish file while it is being written. */
export function loadEnglishGlossaryFromDisk(dir = ENTRIES_DIR): GlossaryEntry[] {
  const entries = validateGlossary(readGlossaryFiles(dir));
  compileOrThrow(entries, 'en');
  return entries;
}

/**
 * The glossary in both languages: validates the English entries and their Spanish text (every entry needs both),
 * then compiles both languages' matchers once, so an alias the matcher cannot take fails here and not in a tab.
 */
export function loadGlossaryFromDisk(dir = ENTRIES_DIR, spanishDir = SPANISH_DIR): GlossaryEntry[] {
  const english = validateGlossary(readGlossaryFiles(dir));
  const problems: string[] = [];
  const entries = attachSpanish(english, readGlossaryFiles(spanishDir), problems);
  if (problems.length) throw new GlossaryError(problems);
  compileOrThrow(entries, 'en');
  compileOrThrow(entries, 'es');
  return entries;
}

function compileOrThrow(entries: readonly GlossaryEntry[], lang: Lang): void {
  try {
    compileMatcher(entries, lang);
  } catch (err) {
    if (err instanceof MatcherCompileError)
      throw new GlossaryError(lang === 'en' ? err.problems : err.problems.map((p) => `Spanish: ${p}`));
    throw err;
  }
}
