import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from '../../harness/browser';
import { serveFixtures } from '../../harness/server';
import { measuresOf, waitForScan } from '../../harness/page-helpers';
import { readPage, type PageReading } from './read-page';
import { scorePage, type Annotation, type PageScore } from './score';

export interface PageResult {
  page: string;
  reading: PageReading;
  score: PageScore;
  /** Whether TermLens judged the page to be about diabetes or metabolic health (its badge's topic state). */
  onTopic: boolean;
}

/** Opens every annotated page of `dir` (named in its expected.json) in Chromium with the built extension and scores it. */
export async function evaluatePages(dir: string): Promise<PageResult[]> {
  const file = join(dir, 'expected.json');
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: a page folder needs an expected.json ({ "page.html": { "expected": [...], "traps": [...] } })`,
    );
  const annotations = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Annotation>;
  const browser = await launchWithExtension();
  const server = await serveFixtures({ '/': dir });
  const results: PageResult[] = [];
  try {
    for (const [name, annotation] of Object.entries(annotations)) {
      const page = await browser.context.newPage();
      await page.goto(server.url(`/${name}`));
      await waitForScan(page);
      const reading = await readPage(page);
      // TermLens records its readings in its own world, never in the page's timeline (README, Privacy).
      const onTopic = (await measuresOf(page, 'scan')).some(
        (m) => (m.detail as { onTopic?: unknown }).onTopic === true,
      );
      results.push({ page: name, reading, score: scorePage(reading.text, reading.spans, annotation), onTopic });
      await page.close();
    }
  } finally {
    await server.close();
    await browser.close();
  }
  return results;
}
