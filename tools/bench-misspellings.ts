/**
 * What reading misspellings adds to the background's reading of a page: the corpus pages' blocks read in a page
 * session with and without the misspelling reader, interleaved, in this process (the background runs the same code
 * in the extension's worker). `npm run bench` prints it; `tsx tools/bench-misspellings.ts [DIR]` alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileMatcher } from '../core/matcher';
import { MisspellingReader } from '../core/fuzzy/listed';
import { PageSession, type BatchText, type SessionDeps } from '../core/session';
import { loadGlossaryFromDisk, loadNamesFromDisk } from './load-glossary';
import { loadFuzzyDataFromDisk } from './fuzzy-data';

const BLOCK =
  /<\/?(?:p|div|li|ul|ol|h[1-6]|td|th|tr|table|section|article|header|footer|nav|aside|blockquote|br)\b[^>]*>/gi;

/** A page's blocks as the content script sends them, near enough: one batch per block, tags and scripts gone. */
function batchesOf(html: string): BatchText[] {
  const text = html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(BLOCK, '\u0000')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&rsquo;/g, '’');
  return text
    .split('\u0000')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0)
    .map((s, id) => ({ id, segments: [s] }));
}

export interface MisspellingShare {
  chars: number;
  /** Fastest round of the whole reading, without misspellings and with. */
  withoutMs: number;
  withMs: number;
  /** Median over rounds of the time spent inside the misspelling reader, and of its ratio to that round's reading without. */
  insideMs: number;
  insideShare: number;
  /** Median over rounds of (with - without) / without: what the page would see, but the machine's noise moves it by ±15 points. */
  totalShare: number;
}

export function misspellingShare(dir: string, rounds = 15): MisspellingShare {
  const glossary = loadGlossaryFromDisk();
  const byId = new Map(glossary.map((e) => [e.id, e] as const));
  const base: SessionDeps = {
    matcher: compileMatcher(glossary),
    termOf: (id) => byId.get(id),
    knownNames: loadNamesFromDisk(),
  };
  const data = loadFuzzyDataFromDisk();
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => batchesOf(readFileSync(join(dir, f), 'utf8')));
  const chars = pages.flat().reduce((n, b) => n + b.segments[0]!.length, 0);
  const time = (deps: SessionDeps) => {
    const started = performance.now();
    for (const batches of pages) new PageSession(deps, { values: true, hiddenCategories: [] }).read(batches);
    return performance.now() - started;
  };
  // The time inside the reader, summed over its calls: measured within the same rounds, it is what the with-round
  // adds, without the drift between two rounds (the session's own part, joining segments, costs ~0.2 ms).
  let inside = 0;
  // A fresh reader each round: what it remembers of words seen on earlier pages is not counted. Making it (once in
  // a worker's life) happens before the round.
  const withMisspellings = (): SessionDeps => {
    const reader = new MisspellingReader(data);
    const find = (text: string) => {
      const started = performance.now();
      const found = reader.find(text);
      inside += performance.now() - started;
      return found;
    };
    return { ...base, misspellings: { find } };
  };
  time(base);
  time(withMisspellings()); // the code warm, as the worker's is after its first page
  const without: number[] = [];
  const withM: number[] = [];
  const insides: number[] = [];
  const insideShares: number[] = [];
  const totalShares: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const deps = withMisspellings();
    // Alternating order, so the machine's drift falls on both.
    const first = i % 2 === 0 ? time(base) : 0;
    inside = 0;
    const m = time(deps);
    const w = i % 2 === 0 ? first : time(base);
    without.push(w);
    withM.push(m);
    insides.push(inside);
    insideShares.push(inside / w);
    totalShares.push((m - w) / w);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    chars,
    withoutMs: Math.min(...without),
    withMs: Math.min(...withM),
    insideMs: median(insides),
    insideShare: median(insideShares),
    totalShare: median(totalShares),
  };
}

export function describeMisspellingShare(dir: string): string {
  const r = misspellingShare(dir);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    `misspellings in the background's reading of the corpus (${r.chars} characters, warm, 15 paired rounds): ` +
    `reading without ${r.withoutMs.toFixed(1)} ms (fastest round), with ${r.withMs.toFixed(1)} ms; inside the ` +
    `misspelling reader ${r.insideMs.toFixed(1)} ms a round = ${pct(r.insideShare)} of the reading without ` +
    `(target ≤ 10%); rounds' own (with - without) / without, median ${pct(r.totalShare)}`
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(describeMisspellingShare(resolve(process.argv[2] ?? join('..', 'shared', 'corpus', 'pages'))));
}
