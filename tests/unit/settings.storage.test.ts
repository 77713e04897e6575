/**
 * Stored settings that are corrupt, from a newer TermLens, or cannot be written: fall back per field, say what
 * happened, and lose nothing that is valid.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, importSettings, inspectSettings, settingsForStorage, withSite } from '../../core/settings';
import { loadSettings, saveSettings, updateSettings, watchSaveFailures } from '../../utils/settings-store';
import { storageProblemText } from '../../components/options/StorageNotice';
import { messagesFor, saveFailureText } from '../../components/i18n';
import type { SaveFailure } from '../../utils/settings-store';

const english = messagesFor('en');

const stored = async () =>
  (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown> | undefined;

describe('inspectSettings', () => {
  it('reports nothing for nothing stored or for valid settings', () => {
    expect(inspectSettings(undefined)).toMatchObject({ problems: [], unreadable: false, newerVersion: null });
    expect(inspectSettings({ ...DEFAULT_SETTINGS, style: 'background' })).toMatchObject({
      problems: [],
      unreadable: false,
      newerVersion: null,
    });
  });

  it('names each corrupt field and keeps the valid ones', () => {
    const report = inspectSettings({
      enabled: 'yes',
      style: 'background',
      hoverDelayMs: null,
      disabledSites: ['example.org', 7],
    });
    expect([...report.problems].sort()).toEqual(['disabledSites', 'enabled', 'hoverDelayMs']);
    expect(report.settings).toEqual({ ...DEFAULT_SETTINGS, style: 'background', disabledSites: ['example.org'] });
    expect(storageProblemText(english, report)).toContain(
      'highlighting on or off, the wait before explaining, the sites where highlighting is off',
    );
  });

  it('says when storage holds no settings object at all', () => {
    for (const raw of ['{"style":', 42, null, ['underline']]) {
      const report = inspectSettings(raw);
      expect(report.unreadable).toBe(true);
      expect(report.settings).toEqual(DEFAULT_SETTINGS);
      expect(storageProblemText(english, report)).toMatch(/could not be read/);
    }
  });

  it('recognises settings from a newer version', () => {
    const report = inspectSettings({ ...DEFAULT_SETTINGS, version: 7, sparkle: true });
    expect(report.newerVersion).toBe(7);
    expect(report.problems).toEqual([]);
    expect(storageProblemText(english, report)).toMatch(/newer version of TermLens \(settings version 7\)/);
  });
});

describe('settingsForStorage', () => {
  it('writes plain settings over corrupt ones of this version', () => {
    expect(settingsForStorage({ style: 'neon', junk: 1 }, { ...DEFAULT_SETTINGS })).toEqual({
      ...DEFAULT_SETTINGS,
      junk: 1,
    });
  });

  it('keeps a newer version’s unknown fields, its version, and values it may understand, unless changed here', () => {
    const future = { ...DEFAULT_SETTINGS, version: 3, density: 'paragraph', style: 'glow', sparkle: { level: 2 } };
    const changedStyle = { ...DEFAULT_SETTINGS, style: 'background' as const, disabledSites: ['example.org'] };
    expect(settingsForStorage(future, changedStyle)).toEqual({
      ...DEFAULT_SETTINGS,
      version: 3,
      density: 'paragraph', // not changed here: kept as the newer version wrote it
      style: 'background', // changed here
      disabledSites: ['example.org'],
      sparkle: { level: 2 },
    });
  });
});

describe('importing a settings file from a newer version', () => {
  it('applies what this version understands and keeps everything else to store', () => {
    const file = { version: 4, style: 'background', density: 'sentence', hoverDelayMs: 500, sparkle: true };
    const result = importSettings(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toEqual({ ...DEFAULT_SETTINGS, style: 'background', hoverDelayMs: 500 });
    expect(result.newer).toEqual({ version: 4, stored: { ...DEFAULT_SETTINGS, ...file } });
  });

  it('still refuses a file of this version with unknown or wrong fields', () => {
    expect(importSettings(JSON.stringify({ version: 1, sparkle: true })).ok).toBe(false);
    expect(importSettings(JSON.stringify({ style: 'sentence' })).ok).toBe(false);
  });
});

describe('saving through browser.storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('survives a switch flipped on settings from a newer version without losing anything', async () => {
    const future = { ...DEFAULT_SETTINGS, version: 2, style: 'glow', sparkle: true, disabledSites: ['a.org'] };
    await fakeBrowser.storage.local.set({ settings: future });
    expect(await updateSettings((s) => withSite(s, 'b.org', false))).not.toBeNull();
    expect(await stored()).toEqual({ ...future, disabledSites: ['a.org', 'b.org'] });
  });

  it('reports a full storage quota, resolves false, and leaves what was stored untouched', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, style: 'background' });
    const before = await stored();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const messages: SaveFailure[] = [];
    const stop = watchSaveFailures((m) => messages.push(m));
    expect(await saveSettings({ ...DEFAULT_SETTINGS, density: 'first' })).toBe(false);
    expect(await updateSettings((s) => ({ ...s, hoverDelayMs: 900 }))).toBeNull();
    stop();
    expect(messages).toHaveLength(2);
    expect(messages[0]?.storageFull).toBe(true);
    expect(saveFailureText(english, messages[0]!)).toMatch(
      /storage for TermLens is full.*previous settings are still in place/,
    );
    vi.restoreAllMocks();
    expect(await stored()).toEqual(before);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, style: 'background' });
  });

  it('reports other storage failures with their reason', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('IO error: .../LOCK: File currently in use'),
    );
    const messages: SaveFailure[] = [];
    const stop = watchSaveFailures((m) => messages.push(m));
    expect(await saveSettings({ ...DEFAULT_SETTINGS })).toBe(false);
    stop();
    expect(messages[0]).toEqual({ storageFull: false, detail: 'IO error: .../LOCK: File currently in use' });
    expect(saveFailureText(english, messages[0]!)).toBe(
      'Your change was not saved (IO error: .../LOCK: File currently in use). Your previous settings are still in place.',
    );
  });
});
