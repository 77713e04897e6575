import { launchWithExtension } from '../tests/e2e/browser';
import { serveFixtures } from '../tests/e2e/server';
import { waitForScan } from '../tests/e2e/page-helpers';
const server = await serveFixtures({ '/corpus/': '../shared/corpus/pages' });
const b = await launchWithExtension();
const page = await b.context.newPage();
await page.goto(server.url('/corpus/' + process.argv[2]));
await waitForScan(page);
console.log(await page.evaluate(() => [...(CSS.highlights.get('termlens') ?? [])].slice(0, 5).map((r) => {
  const el = (r as AbstractRange).startContainer.parentElement!;
  const path = []; for (let e: Element | null = el; e; e = e.parentElement) path.push(e.tagName);
  return path.join('<') + ' :: ' + (r.startContainer as Text).data.slice(0, 120);
})));
await b.close(); await server.close();
