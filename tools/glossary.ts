/**
 * Tools for people who edit the glossary:
 *   npm run glossary -- check    validate every entry in both languages (schema, aliases, related ids, sources,
 *                                reading level: Flesch-Kincaid in English, INFLESZ in Spanish)
 *   npm run glossary -- export   print the validated glossary as one JSON array
 *   npm run glossary -- stats [category]   counts per category, the reading-level distribution, and each entry's grade in [category]
 */
import { loadGlossaryFromDisk, loadNamesFromDisk } from './load-glossary';
import { GlossaryError } from '../core/glossary/validate';
import { CATEGORIES } from '../core/glossary/types';
import { readingGrades, READING_LIMITS } from '../core/glossary/reading-level';
import { spanishScores, SPANISH_READING_LIMITS } from '../core/glossary/reading-level-es';

function main(command: string | undefined): number {
  let entries;
  try {
    entries = loadGlossaryFromDisk();
    loadNamesFromDisk();
  } catch (err) {
    if (err instanceof GlossaryError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  const grades = readingGrades(entries);
  const spanish = spanishScores(entries);
  const spanishSorted = spanish.map((s) => s.score).sort((a, b) => a - b);
  const spanishMedian = spanishSorted[Math.floor(spanishSorted.length / 2)] ?? 0;

  switch (command) {
    case 'export':
      process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      return 0;
    case 'stats': {
      console.log(`${entries.length} entries`);
      for (const c of CATEGORIES) console.log(`  ${c.padEnd(13)} ${entries.filter((e) => e.category === c).length}`);
      const sorted = grades.map((g) => g.grade).sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      console.log(`reading level (Flesch-Kincaid grade of summary + definition):`);
      console.log(`  min ${at(0)}  p25 ${at(0.25)}  median ${at(0.5)}  p75 ${at(0.75)}  max ${at(1)}`);
      const buckets = new Map<string, number>();
      for (const g of sorted) {
        const b = g <= 6 ? '<= 6' : g <= 8 ? '6-8' : g <= 10 ? '8-10' : '> 10';
        buckets.set(b, (buckets.get(b) ?? 0) + 1);
      }
      for (const b of ['<= 6', '6-8', '8-10', '> 10']) console.log(`  grade ${b.padEnd(5)} ${buckets.get(b) ?? 0}`);
      console.log(
        `Spanish reading ease (INFLESZ of summary + definition, higher is easier): min ${spanishSorted[0] ?? '-'}  median ${spanishMedian}  max ${spanishSorted[spanishSorted.length - 1] ?? '-'}`,
      );
      console.log('hardest entries:');
      for (const g of [...grades].sort((a, b) => b.grade - a.grade).slice(0, 10))
        console.log(`  ${g.grade.toFixed(1).padStart(5)}  ${g.id}`);
      const only = process.argv[3];
      if (only) {
        console.log(`every entry in ${only}:`);
        for (const g of grades.filter((g) => entries.find((e) => e.id === g.id)?.category === only)) {
          console.log(`  ${g.grade.toFixed(1).padStart(5)}  ${g.id}`);
        }
      }
      return 0;
    }
    case 'check': {
      const tooHardEs = spanish.filter((s) => s.score < SPANISH_READING_LIMITS.minScore);
      for (const s of tooHardEs)
        console.error(`Spanish entry "${s.id}": INFLESZ ${s.score} is below ${SPANISH_READING_LIMITS.minScore}`);
      if (spanishMedian < SPANISH_READING_LIMITS.minMedian)
        console.error(`median Spanish INFLESZ ${spanishMedian} is below ${SPANISH_READING_LIMITS.minMedian}`);
      const tooHard = grades.filter((g) => g.grade > READING_LIMITS.maxGrade);
      const median = grades.map((g) => g.grade).sort((a, b) => a - b)[Math.floor(grades.length / 2)] ?? 0;
      for (const g of tooHard)
        console.error(`entry "${g.id}": reading grade ${g.grade} is above ${READING_LIMITS.maxGrade}`);
      if (median > READING_LIMITS.maxMedian)
        console.error(`median reading grade ${median} is above ${READING_LIMITS.maxMedian}`);
      if (tooHard.length || median > READING_LIMITS.maxMedian) return 1;
      if (tooHardEs.length || spanishMedian < SPANISH_READING_LIMITS.minMedian) return 1;
      console.log(
        `glossary ok: ${entries.length} entries in English and Spanish, median reading grade ${median}, median Spanish INFLESZ ${spanishMedian}`,
      );
      return 0;
    }
    default:
      console.error('usage: npm run glossary -- check | export | stats');
      return 2;
  }
}

process.exitCode = main(process.argv[2]);
