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

export function misspellingShare(dir: string, rounds = 7): { withoutMs: number; withMs: number; chars: number } {
  const glossary = loadGlossaryFromDisk();
  const byId = new Map(glossary.map((e) => [e.id, e] as const));
  const base: SessionDeps = {
    matcher: compileMatcher(glossary),
    termOf: (id) => byId.get(id),
    knownNames: loadNamesFromDisk(),
  };
  const data = loadFuzzyDataFromDisk();
  // A fresh reader each round: what it remembers of words seen on earlier pages is not counted.
  const withMisspellings = (): SessionDeps => ({ ...base, misspellings: new MisspellingReader(data) });
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => batchesOf(readFileSync(join(dir, f), 'utf8')));
  const chars = pages.flat().reduce((n, b) => n + b.segments[0]!.length, 0);
  const time = (deps: SessionDeps) => {
    const started = performance.now();
    for (const batches of pages) new PageSession(deps, { values: true, hiddenCategories: [] }).read(batches);
    return performance.now() - started;
  };
  time(base);
  time(withMisspellings()); // the code warm, as the worker's is after its first page
  const without: number[] = [];
  const withM: number[] = [];
  for (let i = 0; i < rounds; i++) {
    without.push(time(base));
    withM.push(time(withMisspellings()));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { withoutMs: median(without), withMs: median(withM), chars };
}

export function describeMisspellingShare(dir: string): string {
  const { withoutMs, withMs, chars } = misspellingShare(dir);
  const share = ((withMs - withoutMs) / withoutMs) * 100;
  return (
    `misspellings in the background's reading of the corpus (${chars} characters, warm, medians of 7): ` +
    `${withoutMs.toFixed(1)} ms without, ${withMs.toFixed(1)} ms with: +${share.toFixed(1)}% (target ≤ 10%)`
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(describeMisspellingShare(resolve(process.argv[2] ?? join('..', 'shared', 'corpus', 'pages'))));
}
