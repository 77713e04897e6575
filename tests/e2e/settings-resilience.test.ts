/**
 * Settings under stress, in the real browser: corrupt storage and a newer version's settings are read field by field
 * and the options page says so; a real storage quota error is reported and the page shows what is really stored;
 * and stopping the MV3 service worker loses nothing (settings, context menu, commands, badge, selection lookups).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { markedTexts, waitForScan, cardDialog } from '../../harness/page-helpers';
import { useExtension } from '../../harness/suite';

describe('settings resilience', () => {
  const suite = useExtension({ serve: { '/': 'tests/fixtures/pages' } });
  let worker: Worker;
  beforeAll(() => {
    worker = suite.browser.worker;
  });
  beforeEach(async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
  });

  const storeRaw = (value: unknown) => worker.evaluate((v) => chrome.storage.local.set({ settings: v }), value);
  const stored = () => worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as unknown);

  /** Fills chrome.storage.local to its quota, leaving less room than settings need. */
  const fillStorage = () =>
    worker.evaluate(async () => {
      const quota = chrome.storage.local.QUOTA_BYTES;
      for (let room = 8; room < 4096; room *= 2) {
        const used = await chrome.storage.local.getBytesInUse(null);
        try {
          await chrome.storage.local.set({ filler: 'x'.repeat(quota - used - 'filler'.length - 2 - room) });
          return true;
        } catch {
          // try again with more room left
        }
      }
      return false;
    });

  async function openOptions(): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.browser.extensionUrl('options.html'));
    await page.getByRole('heading', { name: 'How terms are marked' }).waitFor();
    return page;
  }

  it('reads corrupt stored settings field by field, applies the valid ones on pages, and says what was reset', async () => {
    await storeRaw({
      style: 'background',
      density: 42,
      hoverDelayMs: 'soon',
      disabledSites: ['example.org', { evil: true }],
    });
    const page = await openOptions();
    const notice = page.locator('#storage-notice');
    await expect.poll(() => notice.textContent()).toContain('which occurrences are marked, the wait before explaining');
    await expect(notice.getAttribute('role')).resolves.toBe('alert');
    // The valid fields were kept.
    await expect(page.getByRole('radio', { name: /Tinted background/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Remove example.org' }).waitFor();
    // A page still gets highlighted with the valid settings.
    const article = await suite.browser.context.newPage();
    await article.goto(suite.server.url('/terms.html'));
    await waitForScan(article);
    expect((await markedTexts(article)).length).toBeGreaterThan(3);
    await article.close();
    // The first change writes clean settings, and the notice goes.
    await page.getByRole('radio', { name: /Only the first time/ }).check();
    await expect.poll(() => notice.textContent()).toBe('');
    await expect(stored()).resolves.toMatchObject({
      style: 'background',
      density: 'first',
      hoverDelayMs: 350,
      disabledSites: ['example.org'],
    });
    await page.close();
  });

  it('says plainly when the stored settings are not settings at all', async () => {
    await storeRaw('{"style": "backgr');
    const page = await openOptions();
    await expect
      .poll(() => page.locator('#storage-notice').textContent())
      .toContain('could not be read, so TermLens is using its defaults');
    await page.close();
  });

  it('keeps everything a newer version stored when a setting is changed here', async () => {
    const future = {
      version: 9,
      enabled: true,
      style: 'glow',
      density: 'first',
      hoverDelayMs: 500,
      hiddenCategories: [],
      disabledSites: [],
      explainValues: true,
      sparkle: { level: 3 },
    };
    await storeRaw(future);
    const page = await openOptions();
    await expect
      .poll(() => page.locator('#storage-notice').textContent())
      .toContain('newer version of TermLens (settings version 9)');
    await page.getByRole('checkbox', { name: 'Medicines' }).uncheck();
    await expect
      .poll(stored)
      .toEqual({ ...future, hiddenCategories: ['medicine'], notMisspellings: [], interfaceLanguage: 'browser' });
    await page.close();
  });

  it('imports a settings file from a newer version: applies what it can, keeps the rest, and says so', async () => {
    await storeRaw({ style: 'underline', disabledSites: ['example.org'] });
    const page = await openOptions();
    const file = {
      version: 5,
      enabled: true,
      style: 'background',
      density: 'paragraph',
      hoverDelayMs: 700,
      hiddenCategories: [],
      disabledSites: ['nhs.uk'],
      explainValues: false,
      sparkle: [1, 2],
    };
    await page
      .getByLabel('Import settings from a file')
      .setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('status').getByText('made by a newer TermLens (settings version 5)').waitFor();
    await expect.poll(stored).toEqual({ ...file, notMisspellings: [], interfaceLanguage: 'browser' });
    await expect(page.getByRole('radio', { name: /Tinted background/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Remove nhs.uk' }).waitFor();
    await expect
      .poll(() => page.locator('#storage-notice').textContent())
      .toContain('newer version of TermLens (settings version 5)');
    await page.close();
  });

  it('reports a real storage quota error, keeps what was stored, and shows it', async () => {
    await storeRaw({ style: 'underline' });
    const page = await openOptions();
    expect(await fillStorage()).toBe(true);
    const before = await stored();
    const radio = page.getByRole('radio', { name: /Tinted background/ });
    await radio.click(); // not check(): the page rightly puts the stored choice back
    const notice = page.locator('#storage-notice');
    await expect.poll(() => notice.textContent()).toContain('storage for TermLens is full');
    // The page shows the stored value again instead of the change that was not saved.
    await expect.poll(() => radio.isChecked()).toBe(false);
    expect(await stored()).toEqual(before);
    // Room again: the same change saves, and the message goes away.
    await worker.evaluate(() => chrome.storage.local.remove('filler'));
    await radio.check();
    await expect.poll(stored).toMatchObject({ style: 'background' });
    await expect.poll(() => notice.textContent()).toBe('');
    await page.close();
  });

  it('says in the popup when a switch could not be saved, and the switch shows what is stored', async () => {
    await storeRaw({ enabled: true });
    const popup = await suite.browser.openPopup();
    const everywhere = popup.getByRole('switch', { name: 'Highlight terms on web pages' });
    await expect.poll(() => everywhere.isChecked()).toBe(true);
    expect(await fillStorage()).toBe(true);
    await everywhere.click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('storage for TermLens is full');
    await expect.poll(() => everywhere.isChecked()).toBe(true);
    await worker.evaluate(() => chrome.storage.local.remove('filler'));
    await everywhere.click();
    await expect.poll(stored).toMatchObject({ enabled: false });
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('');
    await popup.close();
  });

  it('loses nothing when the service worker is stopped and started again', async () => {
    await storeRaw({ style: 'background', disabledSites: ['example.org'], hiddenCategories: ['lifestyle'] });
    const settingsBefore = await stored();
    const commandsBefore = await worker.evaluate(() => chrome.commands.getAll());

    // Stop every service worker, as Chrome does after 30 seconds idle. (The DevTools ServiceWorker domain acts on the
    // storage partition of the page it is attached to, so it is sent from an extension page; that page also reads the
    // extension's state afterwards, since Playwright does not hand out the restarted worker.)
    const ext = await suite.browser.context.newPage();
    await ext.goto(suite.browser.extensionUrl('options.html'));
    const cdp = await suite.browser.context.newCDPSession(ext);
    const workerTargets = async () =>
      (
        (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] }
      ).targetInfos
        .filter((t) => t.type === 'service_worker' && t.url.includes(suite.browser.extensionId))
        .map((t) => t.targetId);
    const [before] = await workerTargets();
    expect(before).toBeTruthy();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(workerTargets).toEqual([]);

    // A page load sends the badge status: that starts the worker again (the tab is new, so its badge, checked below,
    // can only have been set by the restarted worker).
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/terms.html'));
    await waitForScan(page);
    await expect.poll(workerTargets).toHaveLength(1);

    expect(await ext.evaluate(async () => (await chrome.storage.local.get('settings')).settings)).toEqual(
      settingsBefore,
    );
    expect(await ext.evaluate(() => chrome.commands.getAll())).toEqual(commandsBefore);
    // The context menu made at install time is still there (updating a missing item fails).
    await expect(
      ext.evaluate(() => chrome.contextMenus.update('termlens-explain', {}).then(() => 'there')),
    ).resolves.toBe('there');
    // The badge counts this page's terms: the restarted worker handled the page's status message.
    await page.bringToFront();
    const tabId = await ext.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
    );
    await expect.poll(() => ext.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toMatch(/^\d+$/);
    // A misspelled selection needs the worker's fuzzy lookup, loaded afresh.
    await page.evaluate(() => {
      const node = document.getElementById('p4')!.firstChild as Text;
      const start = node.data.indexOf('insulin resistence');
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 'insulin resistence'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await ext.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'explain-selection' }), tabId);
    await expect
      .poll(async () =>
        (await cardDialog(page))
          .getByRole('heading')
          .first()
          .textContent()
          .catch(() => ''),
      )
      .toBe('Insulin resistance');
    await cdp.detach();
    await page.close();
    await ext.close();
  });
});
