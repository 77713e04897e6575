import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateGlossary, GlossaryError, type RawGlossaryFile } from '../core/glossary/validate';
import type { GlossaryEntry } from '../core/glossary/types';

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

export function loadGlossaryFromDisk(dir = ENTRIES_DIR): GlossaryEntry[] {
  return validateGlossary(readGlossaryFiles(dir));
}
