/**
 * For whoever writes a Spanish glossary file: `npx tsx tools/glossary-es.ts glossary/es/<file>.json`
 * validates that file against the English entries and the other Spanish files (alias clashes), and prints each of
 * its entries' INFLESZ score. Entries not yet written elsewhere are not reported; `npm run glossary -- check` is the
 * build's full rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadEnglishGlossaryFromDisk, SPANISH_DIR } from './load-glossary';
import { attachSpanish } from '../core/glossary/validate-es';
import { spanishScore, SPANISH_READING_LIMITS } from '../core/glossary/reading-level-es';
import { infleszBand } from '../core/glossary/readability-es';
import type { RawGlossaryFile } from '../core/glossary/validate';
import { compileMatcher, MatcherCompileError } from '../core/matcher';

const ROOT = join(import.meta.dirname, '..');

function main(target: string | undefined): number {
  if (!target) {
    console.error('usage: npx tsx tools/glossary-es.ts glossary/es/<file>.json');
    return 2;
  }
  const targetFile = relative(ROOT, resolve(target));
  const english = loadEnglishGlossaryFromDisk();
  const files: RawGlossaryFile[] = readdirSync(SPANISH_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const file = relative(ROOT, join(SPANISH_DIR, f));
      try {
        return [{ file, data: JSON.parse(readFileSync(join(SPANISH_DIR, f), 'utf8')) as unknown }];
      } catch (err) {
        if (file === targetFile) console.error(`${file}: is not valid JSON (${(err as Error).message})`);
        return [];
      }
    });
  const mine = files.find((f) => f.file === targetFile);
  if (!mine) {
    console.error(`${targetFile}: not found or not valid JSON`);
    return 1;
  }
  const myIds = new Set(
    Array.isArray(mine.data)
      ? mine.data.map((e) => (e as { id?: unknown }).id).filter((id) => typeof id === 'string')
      : [],
  );
  const problems: string[] = [];
  const entries = attachSpanish(english, files, problems, false);
  try {
    compileMatcher(entries, 'es');
  } catch (err) {
    if (!(err instanceof MatcherCompileError)) throw err;
    problems.push(...err.problems.map((p) => `Spanish matcher: ${p}`));
  }
  const myProblems = problems.filter((p) => p.includes(targetFile) || [...myIds].some((id) => p.includes(`"${id}"`)));

  const scores = entries.filter((e) => e.es && myIds.has(e.id)).map((e) => ({ id: e.id, score: spanishScore(e.es!) }));
  for (const s of scores) console.log(`${s.score.toFixed(1).padStart(6)}  ${infleszBand(s.score).padEnd(14)} ${s.id}`);
  const sorted = scores.map((s) => s.score).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`${scores.length} entries written, median INFLESZ ${median}, lowest ${sorted[0] ?? '-'}`);
  for (const s of scores)
    if (s.score < SPANISH_READING_LIMITS.minScore)
      myProblems.push(`Spanish entry "${s.id}": INFLESZ ${s.score} is below ${SPANISH_READING_LIMITS.minScore}`);
  if (scores.length && median < SPANISH_READING_LIMITS.minMedian)
    myProblems.push(`${targetFile}: median INFLESZ ${median} is below ${SPANISH_READING_LIMITS.minMedian}`);
  if (myProblems.length) {
    console.error(`${myProblems.length} problem(s):\n  - ${myProblems.join('\n  - ')}`);
    return 1;
  }
  console.log('no problems');
  return 0;
}

process.exitCode = main(process.argv[2]);
