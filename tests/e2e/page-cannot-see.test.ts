/**
 * The page cannot see TermLens, read what the reader opened, or change the card. An ordinary page script, with no
 * special rights, is in the page before TermLens loads (`addInitScript`). It spies the way trackers do: the
 * performance timeline, the highlight registry, the DOM, the console, shadow roots, event listeners, the frames. It
 * tries to read and rewrite an open card, to cover it, and to message the extension. Every try must fail, and a
 * click on the card's source must still open the real source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  cardClosed,
  cardDialog,
  cardFrame,
  hoverTerm,
  inspectorOf,
  pageNames,
  sendToPage,
  waitForScan,
} from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';

/** What the spy saw; kept in the page's own world, as a tracker would keep it. */
interface Spy {
  entries: string[];
  highlightNames: string[];
  added: { tag: string; attributes: string[]; shadowRoot: boolean }[];
  shadowRootsCaught: number;
  console: string[];
  events: string[];
  mutations: string[];
}

/** The spy: an ordinary script of the page, run before any other. */
const SPY = () => {
  const spy: Spy = {
    entries: [],
    highlightNames: [],
    added: [],
    shadowRootsCaught: 0,
    console: [],
    events: [],
    mutations: [],
  };
  (window as unknown as { __spy: Spy }).__spy = spy;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) spy.entries.push(`${e.entryType}:${e.name}`);
  }).observe({ entryTypes: ['mark', 'measure'] });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    spy.shadowRootsCaught++;
    return attach.call(this, init);
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      spy.console.push(args.map(String).join(' '));
      original.apply(console, args);
    };
  }
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n instanceof Element)
          spy.added.push({
            tag: n.tagName,
            attributes: [...n.attributes].map((a) => `${a.name}=${a.value}`),
            shadowRoot: n.shadowRoot !== null,
          });
      }
    }
  }).observe(document, { childList: true, subtree: true });
  setInterval(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    for (const name of registry?.keys() ?? []) if (!spy.highlightNames.includes(name)) spy.highlightNames.push(name);
  }, 10);
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'copy'])
    addEventListener(type, (e) => spy.events.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
};

const spyOf = (page: Page) => page.evaluate(() => (window as unknown as { __spy: Spy }).__spy);

/** Our element, as the page finds it: the one of the page's new elements in the top layer. */
const HOST = `[...document.documentElement.children].find((el) => el.matches(':popover-open'))`;

describe('the page cannot see TermLens', () => {
  const suite = useExtension({
    serve: { '/': 'tests/fixtures/pages' },
    routes: { '/phish.html': () => '<!doctype html><p>Fake card: metformin cures diabetes.</p>' },
  });
  const opened: string[] = [];
  beforeAll(async () => {
    // Sources open in a new tab; nothing may leave this machine, so their servers are played here.
    await suite.browser.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.fulfill({ body: 'source', contentType: 'text/plain' }),
    );
    suite.browser.context.on('page', (p) => opened.push(p.url()));
  });

  async function openSpied(path = '/terms.html'): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(SPY);
    await page.goto(suite.server.url(path));
    await waitForScan(page);
    return page;
  }

  it('finds nothing that names TermLens: no timings, console lines, constant names or readable elements', async () => {
    const page = await openSpied();
    const inspector = await inspectorOf(page);
    const dialog = await hoverTerm(page, 'metformin');
    await dialog.getByRole('button', { name: 'Read more' }).click();
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await page.waitForTimeout(100);
    const spy = await spyOf(page);
    const names = await pageNames(page);

    expect(spy.entries).toEqual([]);
    expect(
      await page.evaluate(
        () => performance.getEntries().filter((e) => e.entryType === 'mark' || e.entryType === 'measure').length,
      ),
    ).toBe(0);
    expect(spy.console).toEqual([]);
    // Nor in the console the page's DevTools show, from any world of the page.
    expect(inspector.extensionConsole).toEqual([]);

    // The registry holds our highlights (the page can see that), under random names that say nothing.
    expect(spy.highlightNames.length).toBeGreaterThan(0);
    expect(spy.highlightNames).toEqual(expect.arrayContaining([names.term]));
    for (const name of spy.highlightNames) expect(name).toMatch(/^[a-z]{4}-[a-z]{5}$/);

    // One element came and went while the card was open: a random tag whose closed shadow root the page never got.
    const ours = spy.added.filter((e) => e.tag === names.card.toUpperCase());
    expect(ours.length).toBeGreaterThan(0);
    expect(spy.added.every((e) => !/termlens|term-lens|extension/i.test(`${e.tag} ${e.attributes.join(' ')}`))).toBe(
      true,
    );
    expect(ours.every((e) => !e.shadowRoot)).toBe(true);
    expect(spy.shadowRootsCaught).toBe(0);
    await page.close();

    // Another page gets other names: nothing to recognise TermLens by from one page to the next.
    const next = await openSpied();
    await expect.poll(async () => (await spyOf(next)).highlightNames.length).toBeGreaterThan(0);
    const again = (await spyOf(next)).highlightNames;
    expect(again.filter((n) => spy.highlightNames.includes(n))).toEqual([]);
    expect((await pageNames(next)).card).not.toBe(names.card);
    await next.close();
  });

  it('cannot fetch or frame the card page to learn that TermLens is installed', async () => {
    const page = await openSpied();
    const id = suite.browser.extensionId;
    const fetched = await page.evaluate(
      (ext) =>
        fetch(`chrome-extension://${ext}/card.html`).then(
          (r) => `status ${r.status}`,
          (e) => `failed: ${e}`,
        ),
      id,
    );
    expect(fetched).toMatch(/^failed/);
    await page.evaluate((ext) => {
      const frame = document.createElement('iframe');
      frame.src = `chrome-extension://${ext}/card.html#chosen-by-the-page`;
      document.body.append(frame);
    }, id);
    await page.waitForTimeout(500);
    // The browser refused to load it: no frame of the page runs our card's script.
    for (const f of page.frames().filter((f) => f.url().includes('chosen-by-the-page'))) {
      expect(await f.evaluate(() => document.getElementById('card') !== null).catch(() => false)).toBe(false);
    }
    await page.close();
  });

  it('cannot read an open card, change what it says, or hear the keys pressed in it', async () => {
    const page = await openSpied();
    // By the keyboard command, so the card takes focus and the reader's keys go to it.
    await sendToPage(suite.browser, page, { type: 'navigate', direction: 1 });
    const dialog = await cardDialog(page);
    const heading = await dialog.getByRole('heading').first().textContent();
    const source = await dialog.getByRole('link').first().getAttribute('href');
    expect(source).toMatch(/^https:\/\//);
    await page.evaluate(() => ((window as unknown as { __spy: Spy }).__spy.events = []));

    const tries = await page.evaluate((hostQuery) => {
      const host = eval(hostQuery) as HTMLElement | undefined;
      const out: Record<string, string> = {};
      out.host = host ? 'found' : 'none';
      out.shadowRoot = String(host?.shadowRoot ?? null);
      out.text = host?.textContent ?? '';
      out.inner = host?.innerHTML ?? '';
      const watch = new MutationObserver(() => undefined);
      if (host) watch.observe(host, { subtree: true, childList: true, characterData: true });
      out.observed = String(watch.takeRecords().length);
      // A frame in a closed shadow root is not one of the page's `window.frames`: the page has no handle on it at all.
      out.frames = String(frames.length);
      out.ownFrames = String(document.querySelectorAll('iframe').length);
      // A forged message in the card's protocol, to every window the page can reach: the card listens to our port only.
      const channel = new MessageChannel();
      for (let i = 0; i < frames.length; i++)
        frames[i]!.postMessage({ type: 'render', serial: 99, token: 'guess' }, '*', [channel.port2]);
      window.postMessage({ type: 'render', serial: 99, content: { kind: 'entry', id: 'insulin' } }, '*');
      return out;
    }, HOST);
    expect(tries.host).toBe('found');
    expect(tries.shadowRoot).toBe('null');
    expect(tries.text).toBe('');
    expect(tries.inner).toBe('');
    expect(tries.frames).toBe(tries.ownFrames);
    // The reader moves through the card by keyboard: the page hears none of it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(200);
    expect((await spyOf(page)).events).toEqual([]);
    expect(await dialog.getByRole('heading').first().textContent()).toBe(heading);
    expect(await dialog.getByRole('link').first().getAttribute('href')).toBe(source);
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await page.close();
  });

  it('loses the card at once when our element is restyled or hidden, or the card’s frame is navigated', async () => {
    const page = await openSpied();
    const tamper = async (how: (host: string) => Promise<void>) => {
      await hoverTerm(page, 'metformin');
      await how(HOST);
      await cardClosed(page, 3000);
      await expect.poll(() => page.frames().some((f) => f.url().includes('phish'))).toBe(false);
      await page.mouse.move(1, 1);
      await page.waitForTimeout(400);
    };
    // What the page's own script can do to our element.
    // (A plain `style.opacity = …` changes nothing: our element's inline style is all !important.)
    await tamper((host) =>
      page.evaluate((q) => (eval(q) as HTMLElement).style.setProperty('opacity', '0.01', 'important'), host),
    );
    await tamper((host) => page.evaluate((q) => (eval(q) as HTMLElement).hidePopover(), host));
    await tamper((host) => page.evaluate((q) => (eval(q) as HTMLElement).removeAttribute('popover'), host));
    // The page has no handle on the card's frame, but should anything navigate it, what loads there is not our card.
    const phish = suite.server.url('/phish.html');
    await tamper(async () => void (await (await cardFrame(page)).goto(phish).catch(() => undefined)));
    await page.close();
  });

  it('cannot cover the card: its source link gets the click, and opens the real source', async () => {
    const page = await openSpied();
    const dialog = await hoverTerm(page, 'metformin');
    const link = dialog.getByRole('link').first();
    const source = (await link.getAttribute('href'))!;
    // A transparent sheet over everything, then a popover of the page's own, shown after the card, over it too.
    await page.evaluate(() => {
      const sheet = document.createElement('div');
      sheet.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(255,0,0,0.05)';
      sheet.addEventListener(
        'click',
        () =>
          ((window as unknown as { __stolen: number }).__stolen =
            1 + ((window as unknown as { __stolen?: number }).__stolen ?? 0)),
      );
      document.body.append(sheet);
      const top = document.createElement('div');
      top.setAttribute('popover', 'manual');
      top.style.cssText =
        'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:rgba(0,0,255,0.05)';
      top.addEventListener(
        'click',
        () =>
          ((window as unknown as { __stolen: number }).__stolen =
            1 + ((window as unknown as { __stolen?: number }).__stolen ?? 0)),
      );
      document.body.append(top);
      top.showPopover();
    });
    await page.waitForTimeout(100);
    await page.screenshot({ path: 'test-output/card-over-page-overlay.png' });
    const box = (await link.boundingBox())!;
    const tab = suite.browser.context.waitForEvent('page');
    await page.mouse.click(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
    const sourcePage = await tab;
    await expect.poll(() => sourcePage.url()).toBe(source);
    expect(await page.evaluate(() => (window as unknown as { __stolen?: number }).__stolen ?? 0)).toBe(0);
    await sourcePage.close();
    await page.close();
  });

  it('gets nothing done by messaging the extension', async () => {
    const settingsBefore = await suite.browser.worker.evaluate(() => chrome.storage.local.get(null));
    const tabsBefore = suite.browser.context.pages().length;
    const page = await openSpied();
    const result = await page.evaluate(async (id) => {
      const said: string[] = [];
      const requests = [
        { type: 'open-glossary', id: 'metformin' },
        { type: 'status', count: 99, active: false },
        { type: 'best-match', text: 'metformin' },
        { type: 'gate', text: 'metformin' },
        { type: 'toggle-site' },
      ];
      const runtime = (
        window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }
      ).chrome?.runtime;
      for (const r of requests) {
        // The extension API, if the browser gave the page any of it (it does not: no externally_connectable).
        try {
          said.push(`runtime: ${JSON.stringify(await runtime?.sendMessage?.(id, r))}`);
        } catch (e) {
          said.push(`runtime refused: ${(e as Error).message.slice(0, 40)}`);
        }
        // And every way a content script could be listening in the page.
        window.postMessage(r, '*');
        document.dispatchEvent(new CustomEvent(r.type, { detail: r }));
        for (let i = 0; i < frames.length; i++) frames[i]!.postMessage(r, '*');
      }
      return said;
    }, suite.browser.extensionId);
    for (const line of result) expect(line).not.toMatch(/^runtime: (?!undefined)/);
    await page.waitForTimeout(500);
    expect(suite.browser.context.pages().length).toBe(tabsBefore + 1); // only the page itself
    expect(await suite.browser.worker.evaluate(() => chrome.storage.local.get(null))).toEqual(settingsBefore);
    // The page is still marked and explained as before.
    await expect((await hoverTerm(page, 'metformin')).getByRole('heading').first().textContent()).resolves.toBe(
      'Metformin',
    );
    await page.close();
  });
});
