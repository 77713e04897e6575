/**
 * What TermLens costs the page it reads, measured from outside the page, side by side in one run in the real Chromium:
 * no extension, the previous release (matcher in the content script, built from git), and this build.
 *
 *   npm run bench                         # the saved corpus (../shared/corpus/pages), a 5 MB page, 20 ad frames
 *   npm run bench -- --pages DIR          # your own saved pages (*.html in DIR)
 *   npm run bench -- --runs 5 --no-huge   # more loads per page, skip the 5 MB page
 *   npm run bench -- --no-previous        # this build against no extension only
 *   npm run bench -- --previous REF       # compare with another commit instead of the previous release
 *
 * Every page is loaded fresh (one warm-up load discarded, then --runs loads; medians reported). Columns:
 *   walk      a bare TreeWalker pass reading every text node's data in the page: the lower bound
 *   added     main-thread time TermLens adds: CDP Performance.getMetrics TaskDuration of the page's renderer, with the
 *             extension minus without it, over the load and until TermLens is done
 *   script    JavaScript time TermLens adds (ScriptDuration with minus without: the probe's own timer is in both), far
 *             less noisy than all tasks, which include the page's own style and layout
 *   gap       longest gap seen by a 5 ms heartbeat timer in the page (from its load event): how long a click waits
 *   first     DOMContentLoaded to the first mark registered in the page (warm background)
 *   card      hover intent to the frame that shows the card (TermLens's `popover` record, read in its isolated world)
 * Nothing here asserts: tests never time anything. Numbers move with the machine; compare within one run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from '../harness/browser';
import { serveFixtures } from '../harness/server';
import { inspectorOf, inTermLens } from '../harness/page-helpers';
import { describeMisspellingShare } from './bench-misspellings';

/**
 * Whether TermLens has read the page. This build keeps its records in its isolated world, read over the DevTools
 * protocol; the previous release wrote them to the page's own performance timeline, which the page could read too.
 */
async function readingDone(page: Page): Promise<boolean> {
  const ours = await inTermLens(
    page,
    (record) => record?.measures.some((m) => m.name === 'scan' || m.name === 'gate') ?? false,
  ).catch(() => false);
  return ours || page.evaluate(() => performance.getEntriesByName('termlens:scan').length > 0);
}

async function waitForReading(page: Page, timeoutMs = 120_000): Promise<void> {
  for (let waited = 0; waited < timeoutMs && !(await readingDone(page)); waited += 50) await page.waitForTimeout(50);
}

/** For launching either build: rejects unless the page is read within 1.5 s. */
async function readWithin(page: Page): Promise<void> {
  for (let waited = 0; !(await readingDone(page)); waited += 50) {
    if (waited >= 1500) throw new Error('not read');
    await page.waitForTimeout(50);
  }
}

/** The last release that matched in the content script: the column this design is measured against. */
const PREVIOUS_RELEASE = '3571dd4';

interface Options {
  pages: string;
  runs: number;
  huge: boolean;
  /** The commit the "previous" column is built from (the previous release unless `--previous REF` names another); null without that column. */
  previous: string | null;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    pages: resolve('..', 'shared', 'corpus', 'pages'),
    runs: 5,
    huge: true,
    previous: PREVIOUS_RELEASE,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pages') opts.pages = resolve(argv[++i] ?? '.');
    else if (a === '--runs') opts.runs = Math.max(1, Number(argv[++i]) || 5);
    else if (a === '--no-huge') opts.huge = false;
    else if (a === '--no-previous') opts.previous = null;
    else if (a === '--previous') opts.previous = argv[++i] ?? PREVIOUS_RELEASE;
    else throw new Error(`Unknown option ${a}. Use --pages DIR, --runs N, --no-huge, --no-previous, --previous REF.`);
  }
  return opts;
}

/** Builds `ref` beside this build (once per commit; kept in .bench/), so its cost is measured, not remembered. */
function buildPrevious(ref: string): string {
  const commit = execFileSync('git', ['rev-parse', '--short', ref]).toString().trim();
  const dir = resolve('.bench', commit);
  const dist = join(dir, '.output', 'chrome-mv3');
  if (existsSync(join(dist, 'manifest.json'))) return dist;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(resolve('.bench'), { recursive: true });
  execFileSync('git', ['worktree', 'add', '--force', '--detach', dir, commit], { stdio: 'inherit' });
  // An old commit may need other packages than today's (3571dd4 still imported @floating-ui/dom), so it gets its own
  // install unless its lockfile is today's.
  const sameLock = readFileSync(join(dir, 'package-lock.json'), 'utf8') === readFileSync('package-lock.json', 'utf8');
  if (sameLock) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  else execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build'], { cwd: dir, stdio: 'inherit' });
  return dist;
}

/** A 5 MB page: the demo article's paragraphs repeated, the worst case the scheduler must keep responsive. */
function hugePage(): string {
  const html = readFileSync(resolve('demo', 'article.html'), 'utf8');
  const body = html.slice(html.indexOf('<article>'), html.indexOf('</article>') + 10);
  const copies = Math.ceil((5 * 1024 * 1024) / body.length);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge</title></head><body>${body.repeat(copies)}</body></html>`;
}

/** An article with `frames` small ad-like frames (a line of text each), as news pages carry them. */
function adsPage(frames: number): string {
  const html = readFileSync(resolve('demo', 'article.html'), 'utf8');
  const body = html.slice(html.indexOf('<article>'), html.indexOf('</article>') + 10);
  const ad = `<iframe width="300" height="60" srcdoc="<p style='font:12px sans-serif'>Advertisement. Shop the sale now.</p>"></iframe>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ads</title></head><body>${body}${ad.repeat(frames)}</body></html>`;
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : Number.NaN;
};

/**
 * In the page from its first script on: a 5 ms heartbeat's longest gap from the page's load event (TermLens starts
 * at document_idle; the page's own first layout, before load, is not counted), and when the first mark was registered
 * in the page's highlight registry (checked on each beat: animation-frame callbacks asked for this early never run).
 */
const PROBE = () => {
  const w = window as unknown as { __probe: { gap: number; firstMark: number } };
  w.__probe = { gap: 0, firstMark: Number.NaN };
  let last = 0;
  let counting = false;
  addEventListener('load', () => {
    counting = true;
    last = performance.now();
  });
  setInterval(() => {
    const now = performance.now();
    if (counting) w.__probe.gap = Math.max(w.__probe.gap, now - last);
    last = now;
    if (Number.isNaN(w.__probe.firstMark)) {
      const h = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
      if (h && [...h.values()].some((x) => x.size > 0)) w.__probe.firstMark = now;
    }
  }, 5);
};

interface Load {
  taskMs: number;
  /** JavaScript only (CDP ScriptDuration): far less noisy than all tasks, which include the page's own layout. */
  scriptMs: number;
  gapMs: number;
  firstMarkMs: number;
}

type Target = { kind: 'none'; browser: Browser } | { kind: 'extension'; ext: ExtensionBrowser };

/** Time after TermLens reports its reading done (or after load without it) in which late work is still counted. */
const SETTLE_MS = 1500;

async function load(target: Target, url: string): Promise<Load> {
  const context =
    target.kind === 'none'
      ? await target.browser.newContext({ viewport: { width: 1200, height: 800 } })
      : target.ext.context;
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // TermLens's records are read over a DevTools session with the Runtime domain on: the page without the extension
  // gets one too, so that both pay for it alike.
  if (target.kind === 'extension') await inspectorOf(page);
  else await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  if (target.kind === 'extension') await waitForReading(page);
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
  const taskMs = metric('TaskDuration');
  const scriptMs = metric('ScriptDuration');
  const probe = await page.evaluate(() => {
    const p = (window as unknown as { __probe: { gap: number; firstMark: number } }).__probe;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { gap: p.gap, firstMark: p.firstMark - (nav?.domContentLoadedEventStart ?? 0) };
  });
  await cdp.detach();
  await page.close();
  if (target.kind === 'none') await context.close();
  return { taskMs, scriptMs, gapMs: probe.gap, firstMarkMs: probe.firstMark };
}

const medianLoad = (all: Load[]): Load => ({
  taskMs: median(all.map((l) => l.taskMs)),
  scriptMs: median(all.map((l) => l.scriptMs)),
  gapMs: median(all.map((l) => l.gapMs)),
  firstMarkMs: median(all.map((l) => l.firstMarkMs)),
});

/** Loads `url` in every target in turn, `runs` rounds after a warm-up round: drift on the machine hits all alike. */
async function interleaved(targets: Target[], url: string, runs: number): Promise<Load[]> {
  for (const t of targets) await load(t, url); // warm-up: caches, code compilation, the worker's matcher
  const all: Load[][] = targets.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, t] of targets.entries()) all[k]!.push(await load(t, url));
  return all.map(medianLoad);
}

/** Median of many bare walks in the loaded page: the clock is coarse, so small pages are walked many times per sample. */
async function bareWalkMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const ms = await page.evaluate(() => {
    const samples: number[] = [];
    let chars = 0;
    for (let s = -1; s < 15; s++) {
      let reps = 0;
      const t0 = performance.now();
      let t = t0;
      while (t - t0 < 5 || reps < 3) {
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (w.nextNode()) chars += (w.currentNode as Text).data.length;
        reps++;
        t = performance.now();
      }
      if (s >= 0) samples.push((t - t0) / reps + (chars < 0 ? 1 : 0));
    }
    samples.sort((a, b) => a - b);
    return samples[7]!;
  });
  await context.close();
  return ms;
}

/** Hover intent to the painted card, on the first mark in view (the `popover` record; medians of a few hovers). */
async function cardMs(ext: ExtensionBrowser, url: string): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await waitForReading(page);
  await page.waitForTimeout(300);
  // The previous release's terms highlight was named `termlens`; this build's name is random, and told only to its world.
  const name = (await inTermLens(page, (record) => record?.names?.term ?? null).catch(() => null)) ?? 'termlens';
  const points = await page.evaluate((highlight) => {
    const found: { x: number; y: number }[] = [];
    for (const r of (CSS.highlights.get(highlight) ?? []) as Iterable<StaticRange>) {
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const box = live.getClientRects()[0];
      if (box && box.top > 0 && box.bottom < innerHeight && box.width > 4)
        found.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      if (found.length >= 3) break;
    }
    return found;
  }, name);
  const times: number[] = [];
  for (const [i, p] of points.entries()) {
    await page.mouse.move(p.x - 60, p.y - 40);
    await page.waitForTimeout(400);
    await page.mouse.move(p.x, p.y, { steps: 4 });
    const shown = await cardShownMs(page, i);
    if (shown !== null) times.push(shown);
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await page.waitForTimeout(400);
  }
  await page.close();
  return median(times);
}

/** How long the `n`th card took from hover intent to painted, from either build's record; null if it never showed. */
async function cardShownMs(page: Page, n: number): Promise<number | null> {
  for (let waited = 0; waited < 5000; waited += 25) {
    const ours = await inTermLens(
      page,
      (record, i) => {
        const m = record?.measures.filter((x) => x.name === 'popover')[i];
        return m ? m.end - m.start : null;
      },
      n,
    ).catch(() => null);
    if (ours !== null) return ours;
    const previous = await page.evaluate(
      (i) => performance.getEntriesByName('termlens:popover')[i]?.duration ?? null,
      n,
    );
    if (previous !== null) return previous;
    await page.waitForTimeout(25);
  }
  return null;
}

/** DOMContentLoaded to first mark with the service worker stopped first (as Chrome does after 30 s idle). */
async function coldFirstMarkMs(ext: ExtensionBrowser, url: string, runs: number): Promise<number> {
  const admin = await ext.context.newPage();
  await admin.goto(ext.extensionUrl('options.html'));
  const cdp = await ext.context.newCDPSession(admin);
  await cdp.send('ServiceWorker.enable');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await admin.waitForTimeout(300);
    times.push((await load({ kind: 'extension', ext }, url)).firstMarkMs);
  }
  await cdp.detach();
  await admin.close();
  return median(times);
}

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1000;
}

const fmt = (ms: number, digits = 1) => (Number.isFinite(ms) ? ms.toFixed(digits) : '–');
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}x` : '–';

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const files = readdirSync(opts.pages)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const routes: Record<string, () => string> = {};
  if (opts.huge) routes['/huge.html'] = hugePage;
  routes['/ads-0.html'] = () => adsPage(0);
  routes['/ads-20.html'] = () => adsPage(20);
  const server = await serveFixtures({ '/pages/': opts.pages }, routes);
  const previousDist = opts.previous ? buildPrevious(opts.previous) : null;

  console.log(
    `TermLens bench: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${execFileSync(chromiumPath(), ['--version']).toString().trim()}`,
  );
  console.log(
    `${opts.runs} loads per page after one warm-up; medians. "added": TaskDuration with the extension minus without.`,
  );
  const current = join(CHROME_BUILD, 'content.js');
  // The previous release declared its content script; later builds inject an unlisted one.
  const previousScript =
    previousDist &&
    [join(previousDist, 'content-scripts', 'content.js'), join(previousDist, 'content.js')].find((f) => existsSync(f));
  console.log(`gate (every page and frame): ${gzipKb(join(CHROME_BUILD, 'gate.js')).toFixed(2)} kB gzipped`);
  console.log(describeMisspellingShare(opts.pages));
  console.log(
    `content script (pages the gate lets through): ${gzipKb(current).toFixed(2)} kB gzipped${previousScript ? ` (${opts.previous ?? 'previous'} ${gzipKb(previousScript).toFixed(2)} kB)` : ''}\n`,
  );

  const plain = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const now = await launchWithExtension({ readPage: readWithin });
  const before = previousDist ? await launchWithExtension({ dist: previousDist, readPage: readWithin }) : null;

  const pages = [...files.map((f) => `/pages/${f}`), ...(opts.huge ? ['/huge.html'] : [])];
  interface Row {
    page: string;
    walk: number;
    none: Load;
    now: Load;
    before: Load | null;
    card: number;
    cardBefore: number;
  }
  const rows: Row[] = [];
  for (const path of pages) {
    const url = server.url(path);
    const targets: Target[] = [
      { kind: 'none', browser: plain },
      { kind: 'extension', ext: now },
      ...(before ? [{ kind: 'extension', ext: before } as Target] : []),
    ];
    const [none, current, previous] = await interleaved(targets, url, opts.runs);
    const row: Row = {
      page: path.replace(/^\/pages\//, ''),
      walk: await bareWalkMs(plain, url),
      none: none!,
      now: current!,
      before: previous ?? null,
      card: path === '/huge.html' ? Number.NaN : await cardMs(now, url),
      cardBefore: before && path !== '/huge.html' ? await cardMs(before, url) : Number.NaN,
    };
    rows.push(row);
    const added = row.now.taskMs - row.none.taskMs;
    const addedBefore = row.before ? row.before.taskMs - row.none.taskMs : Number.NaN;
    console.log(
      `${row.page.padEnd(40)} walk ${fmt(row.walk, 2).padStart(5)} ms | added ${fmt(added).padStart(6)} ms, prev ${fmt(addedBefore).padStart(6)} ms` +
        ` | script added ${fmt(row.now.scriptMs - row.none.scriptMs).padStart(5)} ms (${ratio(row.now.scriptMs - row.none.scriptMs, row.walk)} walk), prev ${fmt((row.before?.scriptMs ?? Number.NaN) - row.none.scriptMs).padStart(5)} ms | gap ${fmt(row.now.gapMs).padStart(5)} ms (none ${fmt(row.none.gapMs)}, prev ${fmt(row.before?.gapMs ?? Number.NaN)})` +
        ` | first ${fmt(row.now.firstMarkMs).padStart(6)} ms (prev ${fmt(row.before?.firstMarkMs ?? Number.NaN)}) | card ${fmt(row.card)} ms (prev ${fmt(row.cardBefore)})`,
    );
  }

  const corpus = rows.filter((r) => r.page !== '/huge.html');
  const sum = (f: (r: Row) => number) => corpus.reduce((n, r) => n + Math.max(0, f(r)), 0);
  const walk = sum((r) => r.walk);
  const added = sum((r) => r.now.taskMs - r.none.taskMs);
  const addedBefore = before ? sum((r) => (r.before ? r.before.taskMs - r.none.taskMs : 0)) : Number.NaN;
  const script = sum((r) => r.now.scriptMs - r.none.scriptMs);
  const scriptBefore = before ? sum((r) => (r.before ? r.before.scriptMs - r.none.scriptMs : 0)) : Number.NaN;
  const empty = corpus.filter((r) => /guardian|nytimes|yahoo/.test(r.page));
  console.log(
    `\ncorpus (${corpus.length} pages), summed: walk ${fmt(walk, 2)} ms; added ${fmt(added)} ms = ${ratio(added, walk)} the walk (${opts.previous ?? 'previous'} ${fmt(addedBefore)} ms = ${ratio(addedBefore, walk)})`,
  );
  console.log(
    `script time added, summed: ${fmt(script)} ms = ${ratio(script, walk)} the walk (${opts.previous ?? 'previous'} ${fmt(scriptBefore)} ms = ${ratio(scriptBefore, walk)})`,
  );
  console.log(
    `pages without terms (${empty.map((r) => r.page).join(', ')}): added ${empty.map((r) => fmt(r.now.taskMs - r.none.taskMs)).join(', ')} ms, script ${empty.map((r) => fmt(r.now.scriptMs - r.none.scriptMs)).join(', ')} ms`,
  );
  console.log(
    `heartbeat: longest added gap over the corpus ${fmt(Math.max(...corpus.map((r) => r.now.gapMs - r.none.gapMs)))} ms`,
  );
  const huge = rows.find((r) => r.page === '/huge.html');
  if (huge)
    console.log(
      `5 MB page: added ${fmt(huge.now.taskMs - huge.none.taskMs)} ms, gap ${fmt(huge.now.gapMs)} ms (none ${fmt(huge.none.gapMs)}, previous ${fmt(huge.before?.gapMs ?? Number.NaN)})`,
    );
  console.log(
    `first mark after DOMContentLoaded, warm: median ${fmt(median(corpus.map((r) => r.now.firstMarkMs)))} ms, worst ${fmt(Math.max(...corpus.map((r) => r.now.firstMarkMs).filter(Number.isFinite)))} ms` +
      (before ? ` (previous median ${fmt(median(corpus.map((r) => r.before?.firstMarkMs ?? Number.NaN)))} ms)` : ''),
  );
  console.log(
    `card painted after hover intent: median ${fmt(median(corpus.map((r) => r.card)))} ms (previous ${fmt(median(corpus.map((r) => r.cardBefore)))} ms)`,
  );

  const [ads0None, ads0Now] = await interleaved(
    [
      { kind: 'none', browser: plain },
      { kind: 'extension', ext: now },
    ],
    server.url('/ads-0.html'),
    opts.runs,
  );
  const [ads20None, ads20Now] = await interleaved(
    [
      { kind: 'none', browser: plain },
      { kind: 'extension', ext: now },
    ],
    server.url('/ads-20.html'),
    opts.runs,
  );
  const ads0 = { none: ads0None!, now: ads0Now! };
  const ads20 = { none: ads20None!, now: ads20Now! };
  const perFrame = (ads20.now.taskMs - ads20.none.taskMs - (ads0.now.taskMs - ads0.none.taskMs)) / 20;
  const scriptPerFrame = (ads20.now.scriptMs - ads20.none.scriptMs - (ads0.now.scriptMs - ads0.none.scriptMs)) / 20;
  console.log(`20 ad-like frames: ${fmt(perFrame, 2)} ms added per frame (script ${fmt(scriptPerFrame, 2)} ms)`);
  const coldUrl = server.url(`/pages/${files.find((f) => f.includes('niddk')) ?? files[0]}`);
  console.log(
    `first mark with a cold (stopped) service worker: ${fmt(await coldFirstMarkMs(now, coldUrl, opts.runs))} ms` +
      (before ? ` (previous ${fmt(await coldFirstMarkMs(before, coldUrl, opts.runs))} ms)` : ''),
  );

  await plain.close();
  await now.close();
  await before?.close();
  await server.close();
}

await main();
