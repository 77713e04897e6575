/**
 * Privacy: TermLens makes no network request of its own, ever, runs no remote code, and keeps settings in the
 * browser. Every request of a whole session of use (pages, explanations, selection lookups, popup search, options,
 * export) is recorded with who made it: the service worker, an extension page or a web page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { CHROME_BUILD, FIREFOX_BUILD } from '../../harness/browser';
import { cardDialog, hoverTerm, waitForScan } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface Recorded {
  url: string;
  by: string;
}

describe('privacy', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' } });
  const recorded: Recorded[] = [];
  const sockets: string[] = [];
  beforeAll(() => {
    const who = (r: Request) => {
      const worker = r.serviceWorker();
      if (worker) return `service worker ${worker.url()}`;
      try {
        return `frame ${r.frame().url()}`;
      } catch {
        return 'unknown';
      }
    };
    suite.browser.context.on('request', (r) => recorded.push({ url: r.url(), by: who(r) }));
    suite.browser.context.on('page', (p) => p.on('websocket', (ws) => sockets.push(ws.url())));
  });

  it('sends nothing anywhere during a session of use', async () => {
    const extensionOrigin = `chrome-extension://${suite.browser.extensionId}/`;
    // A page: terms marked, an explanation opened and expanded, a related term followed, a selection explained.
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/terms.html'));
    await waitForScan(page);
    const dialog = await hoverTerm(page, 'metformin');
    await dialog.getByRole('button', { name: 'Read more' }).click();
    await dialog.getByRole('list').getByRole('button').first().click();
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const node = document.getElementById('p4')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, node.data.indexOf('insulin resistence'));
      range.setEnd(node, node.data.indexOf('insulin resistence') + 'insulin resistence'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.bringToFront();
    await suite.browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'explain-selection' });
    });
    const selected = await cardDialog(page);
    await expect
      .poll(() =>
        selected
          .getByRole('heading')
          .first()
          .textContent()
          .catch(() => ''),
      )
      .toBe('Insulin resistance');
    // "Open in glossary" goes through the service worker, which opens the popup page in a tab.
    const glossaryTab = suite.browser.context.waitForEvent('page');
    await selected.getByRole('button', { name: 'Open in glossary' }).click();
    await (await glossaryTab).waitForLoadState();

    // The popup: search with a typo, open an entry, browse by category.
    const popup = await suite.browser.openPopup();
    await popup.getByRole('combobox', { name: 'Search the glossary' }).fill('ozempik');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { level: 2, name: 'Semaglutide' }).waitFor();

    // The options page: change settings, export them.
    const options = await suite.browser.context.newPage();
    await options.goto(suite.browser.extensionUrl('options.html'));
    await options.getByRole('radio', { name: /Tinted background/ }).check();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    await download;

    // Every request went to the test server (from the web pages it served) or to the extension's own files.
    expect(recorded.length).toBeGreaterThan(3); // the recording works: the pages themselves were fetched
    const outside = recorded.filter(({ url, by }) => {
      if (
        url.startsWith(extensionOrigin) ||
        url.startsWith('data:') ||
        url.startsWith('blob:' + extensionOrigin.slice(0, -1))
      )
        return false;
      // The card's frame, asked for by its dynamic URL (a per-session id for our own files: wxt.config.ts).
      if (/^chrome-extension:\/\/[0-9a-f-]{36}\/card\.html$/.test(url)) return false;
      if (url.startsWith(suite.server.origin) && by.startsWith(`frame ${suite.server.origin}`)) return false;
      // A navigation the test started.
      if (url.startsWith(suite.server.origin) && by === `frame about:blank`) return false;
      return true;
    });
    expect(outside).toEqual([]);
    expect(recorded.filter((r) => r.by.startsWith('service worker'))).toEqual([]);
    expect(
      recorded.filter(
        (r) =>
          r.by.startsWith(`frame ${extensionOrigin}`) &&
          !r.url.startsWith(extensionOrigin) &&
          !r.url.startsWith('blob:'),
      ),
    ).toEqual([]);
    expect(sockets).toEqual([]);
    for (const p of [page, popup, options]) await p.close();
  });

  it('posts the page no message naming TermLens while it reads, marks and explains', async () => {
    const page = await suite.browser.context.newPage();
    // Before any script of ours: every window message the page can hear (WXT's content-script context posted one
    // named after the extension id; the gate and the content script run without it).
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      addEventListener('message', (e) => heard.push(JSON.stringify(e.data) ?? String(e.data)), true);
    });
    await page.goto(suite.server.url('/terms.html'));
    await waitForScan(page);
    await hoverTerm(page, 'metformin');
    await page.keyboard.press('Escape');
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard.filter((m) => m.includes(suite.browser.extensionId) || /wxt|termlens/i.test(m))).toEqual([]);
    // The recorder works: a message the page posts itself is heard.
    await page.evaluate(() => postMessage({ probe: 'termlens-probe' }, '*'));
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { __heard: string[] }).__heard.some((m) => m.includes('termlens-probe')),
        ),
      )
      .toBe(true);
    await page.close();
  });

  it('would see a request the service worker made (so the check above can fail)', async () => {
    const before = recorded.length;
    await suite.browser.worker.evaluate(() => fetch(chrome.runtime.getURL('manifest.json')).then((r) => r.ok));
    await expect.poll(() => recorded.slice(before).filter((r) => r.by.startsWith('service worker')).length).toBe(1);
  });

  it('stores settings only in the browser’s local extension storage', async () => {
    const areas = await suite.browser.worker.evaluate(async () => ({
      local: Object.keys(await chrome.storage.local.get(null)),
      sync: Object.keys(await chrome.storage.sync.get(null)),
    }));
    expect(areas.local).toContain('settings'); // the session above saved a choice
    expect(areas.sync).toEqual([]);
  });

  for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
    it(`ships no network API, no remote code and no remote script in ${build.split('/').pop()}`, () => {
      const files = filesUnder(build);
      const code = files.filter((f) => /\.(js|html)$/.test(f));
      expect(code.length).toBeGreaterThan(3);
      for (const file of code) {
        const text = readFileSync(file, 'utf8');
        const found = text.match(
          /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|\beval\(|new Function\(|storage\.sync|<script[^>]+src=["']?(https?:)?\/\//g,
        );
        expect(found, file).toBeNull();
      }
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest).not.toHaveProperty('externally_connectable');
      expect(manifest).not.toHaveProperty('content_security_policy'); // the browser's default: no remote or inline code
      // Host access reaches exactly what the gate's declaration already reaches (every page), and serves only to inject
      // our own content script there (MV3 names it host_permissions, MV2 lists it among the permissions).
      const gateMatches = (manifest.content_scripts as { matches: string[] }[]).flatMap((c) => c.matches);
      expect(gateMatches).toEqual(['<all_urls>']);
      expect(manifest.host_permissions ?? ['<all_urls>']).toEqual(['<all_urls>']);
      expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'contextMenus', 'scripting']));
      expect(JSON.stringify(manifest.permissions)).not.toMatch(/https?:|webRequest|cookies|history|tabs|downloads/);
    });
  }
});
