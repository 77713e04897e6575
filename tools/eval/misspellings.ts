/**
 * How well TermLens reads misspellings (issue: misspelt terms on the page), on the real occurrences collected in
 * tests/fixtures/misspellings/: for each, whether the page's word gets the entry it means, exactly (the glossary
 * already spells it so) or as a misspelling; and every misspelling read anywhere in those sentences that is not the
 * annotated one (a false mark). `tsx tools/eval/misspellings.ts` prints the scores and the misses.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compileMatcher } from '../../core/matcher';
import { MisspellingReader } from '../../core/fuzzy/listed';
import type { FuzzyData } from '../../core/fuzzy/types';
import { loadGlossaryFromDisk } from '../load-glossary';
import { loadFuzzyDataFromDisk } from '../fuzzy-data';

export interface Occurrence {
  wrote: string;
  means: string;
  context: string;
  source: string;
  kind: 'post' | 'list';
  /** Another entry that reads the spelling as rightly: a lexicon row labels a drug, a variant may name one form of it. */
  alsoMeans?: string[];
}

const meant = (o: Occurrence, entryId: string | undefined) =>
  entryId !== undefined && (o.means === entryId || (o.alsoMeans?.includes(entryId) ?? false));

export interface MisspellingScore {
  occurrences: number;
  found: number;
  foundExactly: number;
  wrongEntry: number;
  falseMarks: { context: string; wrote: string; entryId: string }[];
  missed: Occurrence[];
  recall: number;
  precision: number;
}

export function loadOccurrences(file = 'tests/fixtures/misspellings/occurrences.json'): Occurrence[] {
  const all = JSON.parse(readFileSync(file, 'utf8')) as Occurrence[];
  // A published lexicon writes a variant of several words with underscores for its spaces ("humalin_r"); a page
  // writes "humalin r", and the matcher reads underscored words as one identifier, so the cell is read as a page would
  // write it.
  return all.map((o) => (o.kind === 'list' ? { ...o, context: o.context.replaceAll('_', ' ') } : o));
}

export function scoreMisspellings(occurrences: readonly Occurrence[], data: FuzzyData = loadFuzzyDataFromDisk()) {
  const matcher = compileMatcher(loadGlossaryFromDisk());
  const reader = new MisspellingReader(data);
  const score: MisspellingScore = {
    occurrences: occurrences.length,
    found: 0,
    foundExactly: 0,
    wrongEntry: 0,
    falseMarks: [],
    missed: [],
    recall: 0,
    precision: 0,
  };
  let guesses = 0;
  let rightGuesses = 0;
  // A mark reads an annotated word when it shares characters with it ("Countour Next" in "Countour Next One").
  const covers = (o: Occurrence, m: { start: number; end: number }) => {
    const at = o.context.indexOf(o.wrote);
    return at >= 0 && m.start < at + o.wrote.length && at < m.end;
  };
  const byContext = new Map<string, Occurrence[]>();
  for (const o of occurrences) byContext.set(o.context, [...(byContext.get(o.context) ?? []), o]);
  for (const [context, annotated] of byContext) {
    const exact = matcher.findMatches(context);
    const read = reader.find(context).filter((g) => !exact.some((m) => m.start < g.end && g.start < m.end));
    for (const o of annotated) {
      if (meant(o, exact.find((m) => covers(o, m))?.entryId)) {
        score.found++;
        score.foundExactly++;
      } else if (meant(o, read.find((g) => covers(o, g))?.entryId)) score.found++;
      else {
        if (read.some((g) => covers(o, g)) || exact.some((m) => covers(o, m))) score.wrongEntry++;
        score.missed.push(o);
      }
    }
    guesses += read.length;
    for (const g of read) {
      // Right when it is an annotated misspelling read as its entry; a published list's cell holds several
      // misspellings of one drug, each right when read as that drug.
      const right = annotated.some((o) => meant(o, g.entryId) && (covers(o, g) || o.kind === 'list'));
      if (right) rightGuesses++;
      else score.falseMarks.push({ context, wrote: g.wrote, entryId: g.entryId });
    }
  }
  score.recall = score.found / Math.max(1, score.occurrences);
  score.precision = rightGuesses / Math.max(1, guesses);
  return score;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const all = loadOccurrences();
  for (const kind of ['post', 'list', undefined] as const) {
    const set = kind ? all.filter((o) => o.kind === kind) : all;
    const s = scoreMisspellings(set);
    console.log(
      `${kind ?? 'all'}: ${s.found}/${s.occurrences} found (recall ${s.recall.toFixed(3)}; ${s.foundExactly} exact),` +
        ` precision of misspelling marks ${s.precision.toFixed(3)}, ${s.wrongEntry} wrong entry`,
    );
    if (!kind) {
      for (const m of s.missed) console.log(`  missed ${JSON.stringify(m.wrote)} -> ${m.means} (${m.kind})`);
      for (const f of s.falseMarks) console.log(`  false ${JSON.stringify(f.wrote)} -> ${f.entryId}`);
    }
  }
}
