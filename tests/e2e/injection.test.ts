/**
 * Injection: page text and selections are shown as text, never parsed as HTML, in the popover and in the glossary
 * tab a selection opens; every glossary link is https and opens with noopener.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hoverTerm, waitForScan, cardDialog, cardFrame } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';
import { GLOSSARY_SOURCE_URLS } from './glossary-urls';

/** Markup that runs script if anything ever parses it as HTML: it flags the shared DOM, visible from every world. */
const PAYLOAD = `<img src=x onerror="document.documentElement.dataset.pwned='yes'">`;
const SVG_PAYLOAD = `<svg onload="document.documentElement.dataset.pwned='svg'">`;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>injection</title></head><body>
<p id="next-to-term">${escapeHtml(PAYLOAD)} metformin ${escapeHtml(SVG_PAYLOAD)}</p>
<p id="alone">${escapeHtml(PAYLOAD)}</p>
<p id="with-term">insulin resistance ${escapeHtml(SVG_PAYLOAD)}</p>
</body></html>`;

describe('injection', () => {
  const suite = useExtension({ routes: { '/injection.html': () => PAGE } });

  async function selectAll(page: Page, id: string): Promise<string> {
    return page.evaluate((pid) => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(pid)!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    }, id);
  }

  async function explainSelection(page: Page): Promise<void> {
    await page.bringToFront();
    await suite.browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'explain-selection' });
    });
  }

  /** Elements in the card's shadow tree (in its own frame) that only parsed markup could have made. */
  const injectedInPopover = async (page: Page) =>
    (await cardFrame(page)).evaluate(
      () => document.getElementById('card')?.shadowRoot?.querySelectorAll('img, svg, [onerror], [onload]').length ?? -1,
    );

  const pwned = (page: Page) => page.evaluate(() => document.documentElement.dataset.pwned ?? null);

  it('the page itself shows the payload as text (the fixture is what it claims)', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/injection.html'));
    await expect(page.locator('#alone').textContent()).resolves.toBe(PAYLOAD);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await page.close();
  });

  it('explains a term next to markup-looking text without running it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/injection.html'));
    await waitForScan(page);
    const dialog = await hoverTerm(page, 'metformin');
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('Metformin');
    expect(await injectedInPopover(page)).toBe(0);
    expect(await pwned(page)).toBeNull();
    await page.close();
  });

  it('shows a selection that looks like markup as text, in the popover and in the glossary search it opens', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/injection.html'));
    await waitForScan(page);
    const selected = await selectAll(page, 'alone');
    expect(selected).toBe(PAYLOAD);
    await explainSelection(page);
    const dialog = await cardDialog(page);
    const heading = dialog.getByRole('heading').first();
    // Long selections are shortened to 57 characters and an ellipsis, as text.
    await expect.poll(() => heading.textContent().catch(() => '')).toBe(`No entry for “${PAYLOAD.slice(0, 57)}…”`);
    expect(await injectedInPopover(page)).toBe(0);

    // "Search the glossary" hands the text to the popup page in a new tab, where it must stay text too.
    const tab = suite.browser.context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Search the glossary' }).click();
    const glossary = await tab;
    await glossary.waitForLoadState();
    const search = glossary.getByRole('combobox', { name: 'Search the glossary' });
    await expect.poll(() => search.inputValue()).toBe(PAYLOAD);
    await expect(glossary.locator('img, svg[onload], [onerror]').count()).resolves.toBe(0);
    expect(await glossary.evaluate(() => document.documentElement.dataset.pwned ?? null)).toBeNull();
    expect(await pwned(page)).toBeNull();
    await glossary.close();
    await page.close();
  });

  it('explains a selection of a term plus markup as the term, with nothing parsed', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/injection.html'));
    await waitForScan(page);
    await selectAll(page, 'with-term');
    await explainSelection(page);
    const dialog = await cardDialog(page);
    await expect
      .poll(() =>
        dialog
          .getByRole('heading')
          .first()
          .textContent()
          .catch(() => ''),
      )
      .toMatch(/^(Insulin resistance|No entry for)/);
    expect(await injectedInPopover(page)).toBe(0);
    expect(await pwned(page)).toBeNull();
    await page.close();
  });

  it('links only to https sources, opened in a new tab with noopener, in the popover and the popup', async () => {
    expect(GLOSSARY_SOURCE_URLS.length).toBeGreaterThan(100);
    for (const url of GLOSSARY_SOURCE_URLS) expect(new URL(url).protocol, url).toBe('https:');

    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/injection.html'));
    await waitForScan(page);
    const dialog = await hoverTerm(page, 'metformin');
    await dialog.getByRole('button', { name: 'Read more' }).click();
    const popupPage = await suite.browser.openPopup('?entry=metformin');
    await popupPage.getByRole('heading', { level: 2, name: 'Metformin' }).waitFor();
    for (const links of [dialog.getByRole('link'), popupPage.locator('main a[href^="http"], a[target="_blank"]')]) {
      const all = await links.all();
      expect(all.length).toBeGreaterThan(0);
      for (const link of all) {
        await expect(link.getAttribute('href')).resolves.toMatch(/^https:\/\//);
        await expect(link.getAttribute('target')).resolves.toBe('_blank');
        await expect(link.getAttribute('rel')).resolves.toMatch(/\bnoopener\b/);
      }
    }
    // A source link opens with no way back into the page that opened it.
    const opened = suite.browser.context.waitForEvent('page');
    await suite.browser.context.route('https://**/*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<p>offline stand-in</p>' }),
    );
    await dialog.getByRole('link').first().click();
    const source = await opened;
    await source.waitForLoadState();
    expect(await source.evaluate(() => window.opener)).toBeNull();
    await suite.browser.context.unroute('https://**/*');
    await source.close();
    await popupPage.close();
    await page.close();
  });
});
