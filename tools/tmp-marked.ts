import { readdirSync } from 'node:fs';
import { launchWithExtension } from '../tests/e2e/browser';
import { serveFixtures } from '../tests/e2e/server';
import { markedTexts, waitForScan } from '../tests/e2e/page-helpers';
const server = await serveFixtures({ '/corpus/': '../shared/corpus/pages' });
const b = await launchWithExtension();
for (const f of readdirSync('../shared/corpus/pages').filter((f) => f.endsWith('.html'))) {
  const page = await b.context.newPage();
  await page.goto(server.url('/corpus/' + f));
  await waitForScan(page);
  const t = await markedTexts(page);
  const counts = new Map<string, number>();
  for (const x of t) counts.set(x, (counts.get(x) ?? 0) + 1);
  console.log(`${f} (${t.length}): ` + [...counts].map(([k, v]) => `${k}×${v}`).join(', '));
  await page.close();
}
await b.close(); await server.close();
