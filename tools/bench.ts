/**
 * What the content script costs on real pages, measured side by side in one run in the real Chromium:
 * its busy time for the first scan (from the `termlens:scan` User Timing measure) against a bare walk over the same
 * page's text (a TreeWalker reading every text node), and the longest main-thread task while it scanned.
 * Run: npm run bench   (builds first). Prints a table; asserts nothing about time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/browser';
import { serveFixtures } from '../tests/e2e/server';

const CORPUS = resolve('..', 'shared', 'corpus', 'pages');
/** The page's clock is coarse (0.1 ms); timing many walks and dividing gives a usable figure for small pages. */
const WALK_REPEATS = 50;

/** A 5 MB page: the demo article's paragraphs repeated, the worst case the scheduler must keep responsive. */
let huge: string | undefined;
function hugePage(): string {
  if (huge) return huge;
  const html = readFileSync(resolve('demo', 'article.html'), 'utf8');
  const body = html.slice(html.indexOf('<article>'), html.indexOf('</article>') + 10);
  const copies = Math.ceil((5 * 1024 * 1024) / body.length);
  huge = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge</title></head><body>${body.repeat(copies)}</body></html>`;
  return huge;
}

interface Row {
  page: string;
  kb: number;
  chars: number;
  matches: number;
  scanMs: number;
  walkMs: number;
  compileMs: number;
  slices: number;
  longestTaskMs: number;
}

async function main(): Promise<void> {
  const pages = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort() : [];
  const server = await serveFixtures({ '/corpus/': CORPUS }, { '/huge.html': hugePage });
  const browser = await launchWithExtension();
  const rows: Row[] = [];
  for (const name of [...pages.map((p) => `/corpus/${p}`), '/huge.html']) {
    const page = await browser.context.newPage();
    // Record long tasks from the very start, before the content script runs at document_idle.
    await page.addInitScript(() => {
      const w = window as unknown as { __tasks: { start: number; duration: number }[] };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url(name), { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('termlens:scan').length > 0, undefined, { timeout: 120_000 });
    const scan = await page.evaluate(() => {
      const m = performance.getEntriesByName('termlens:scan')[0] as PerformanceMeasure;
      const compile = performance.getEntriesByName('termlens:compile')[0];
      return { ...(m.detail as { chars: number; matches: number; busyMs: number; slices: number }), compileMs: compile?.duration ?? 0 };
    });
    const walkMs = await page.evaluate((repeats) => {
      let chars = 0;
      const t0 = performance.now();
      for (let i = 0; i < repeats; i++) {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) chars += (walker.currentNode as Text).data.length;
      }
      return (performance.now() - t0) / repeats + (chars < 0 ? 1 : 0);
    }, WALK_REPEATS);
    // Only tasks that began once TermLens started scanning are ours to answer for (parsing a 5 MB page is not).
    const longest = await page.evaluate(() => {
      const start = performance.getEntriesByName('termlens:scan')[0]!.startTime;
      return (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks
        .filter((t) => t.start + t.duration > start)
        .reduce((m, t) => Math.max(m, t.duration), 0);
    });
    const bytes = name === '/huge.html' ? hugePage().length : readFileSync(resolve(CORPUS, name.replace('/corpus/', ''))).length;
    rows.push({ page: name.replace('/corpus/', ''), kb: Math.round(bytes / 1024), chars: scan.chars, matches: scan.matches, scanMs: scan.busyMs, walkMs, compileMs: scan.compileMs, slices: scan.slices, longestTaskMs: Math.round(longest) });
    await page.close();
  }
  await browser.close();
  await server.close();

  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`${'page'.padEnd(40)}${pad('KB', 7)}${pad('chars', 10)}${pad('terms', 7)}${pad('scan ms', 9)}${pad('walk ms', 9)}${pad('ratio', 7)}${pad('compile', 9)}${pad('slices', 8)}${pad('long task', 11)}`);
  for (const r of rows) {
    const ratio = r.walkMs > 0 ? (r.scanMs / r.walkMs).toFixed(1) : 'n/a';
    console.log(`${r.page.padEnd(40)}${pad(r.kb, 7)}${pad(r.chars, 10)}${pad(r.matches, 7)}${pad(r.scanMs.toFixed(1), 9)}${pad(r.walkMs.toFixed(3), 9)}${pad(ratio, 7)}${pad(r.compileMs.toFixed(1), 9)}${pad(r.slices, 8)}${pad(r.longestTaskMs ? `${r.longestTaskMs} ms` : 'none', 11)}`);
  }
  const total = rows.reduce((a, r) => ({ scan: a.scan + r.scanMs, walk: a.walk + r.walkMs }), { scan: 0, walk: 0 });
  console.log(`\nall pages: scan ${total.scan.toFixed(1)} ms vs bare walk ${total.walk.toFixed(1)} ms = ${(total.scan / total.walk).toFixed(1)}x`);
  console.log('scan ms = busy time of the first scan; compile = building the matcher once for the page, before the scan; long task = the longest main-thread task over 50 ms that ran while TermLens scanned (none = no such task).');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
