/**
 * The README's before/after pictures of the marks: the same sentences, on a light and a dark page, painted with the
 * Highlight API as the previous style did and as pageHighlightCss does now.
 *   npx tsx tools/mark-shots.ts      # writes docs/marks-before.png and docs/marks-after.png
 */
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { chromiumPath } from '../harness/browser';
import { pageHighlightCss } from '../components/page-marks-css';
import type { PageNames } from '../utils/random-id';

const names: PageNames = {
  term: 'tl-term',
  linked: 'tl-linked',
  value: 'tl-value',
  guess: 'tl-guess',
  active: 'tl-active',
  mark: 'tl-mark',
  card: 'tl-card',
};

/** The style before this change: dots that skip descenders, and a second underline on links. */
function previousCss(dark: boolean): string {
  const line = dark ? '#5eead4' : '#0f766e';
  const valueLine = dark ? '#c4b5fd' : '#6d5bd0';
  return `::highlight(tl-term), ::highlight(tl-linked) { text-decoration: underline dotted ${line} 2px; text-underline-offset: 3px; }
::highlight(tl-value) { text-decoration: underline dashed ${valueLine} 1px; text-underline-offset: 4px; }`;
}

const body = (dark: boolean) => `
<div style="padding:14px 18px;background:${dark ? '#15181d' : '#fff'};color:${dark ? '#e7e7e7' : '#1a1a1a'};font:19px/1.6 Georgia,serif">
<p style="margin:0">A <span data-t="term">fasting plasma glucose</span> of <span data-t="value">126 mg/dL</span> or higher,
or an <span data-t="term">oral glucose tolerance test</span>, can show
<a href="#" style="color:${dark ? '#8ab4f8' : '#1a0dab'}"><span data-t="linked">type 2 diabetes</span></a> and
<span data-t="term">hyperglycemia</span>.</p></div>`;

async function shot(css: (dark: boolean) => string, out: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 720, height: 260 }, deviceScaleFactor: 2 });
  await page.setContent(`<!doctype html><html><body style="margin:0">${body(false)}${body(true)}
    <style id="light">${css(false)}</style></body></html>`);
  await page.evaluate((darkCss) => {
    // One sheet per theme: the dark block's ranges go to highlights of their own, styled with the dark colours.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(darkCss.replaceAll('tl-', 'dk-'));
    document.adoptedStyleSheets = [sheet];
    const blocks = [...document.querySelectorAll('body > div')];
    blocks.forEach((block, i) => {
      for (const span of block.querySelectorAll<HTMLElement>('[data-t]')) {
        const name = `${i ? 'dk' : 'tl'}-${span.dataset.t}`;
        const range = new Range();
        range.selectNodeContents(span);
        const h = CSS.highlights.get(name) ?? new Highlight();
        h.add(range);
        CSS.highlights.set(name, h);
      }
    });
  }, css(true));
  const height = await page.evaluate(() => document.body.scrollHeight);
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 720, height } });
  await browser.close();
}

await shot(previousCss, resolve('docs/marks-before.png'));
await shot((dark) => pageHighlightCss(names, 'underline', dark), resolve('docs/marks-after.png'));
console.log('wrote docs/marks-before.png and docs/marks-after.png');
