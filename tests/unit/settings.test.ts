import { describe, expect, it, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  importSettings,
  isHighlightingOn,
  marksCategory,
  marksChange,
  notMisspellingsOn,
  withNotMisspelling,
  withoutNotMisspelling,
  paintsOccurrence,
  parseSettings,
  siteKey,
  withSite,
} from '../../core/settings';
import { loadSettings, saveSettings, updateSettings } from '../../utils/settings-store';

describe('parseSettings', () => {
  it('gives defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and drops only the bad ones', () => {
    const s = parseSettings({
      enabled: false,
      style: 'neon',
      density: 'first',
      hoverDelayMs: 'soon',
      disabledSites: ['www.Example.org', 42, 'bad host!'],
    });
    expect(s.enabled).toBe(false);
    expect(s.style).toBe(DEFAULT_SETTINGS.style);
    expect(s.density).toBe('first');
    expect(s.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(s.disabledSites).toEqual(['example.org']);
  });

  it('explains values by default; a bad stored value falls back on its own', () => {
    expect(DEFAULT_SETTINGS.explainValues).toBe(true);
    expect(parseSettings({ explainValues: false, density: 'first' })).toMatchObject({
      explainValues: false,
      density: 'first',
    });
    expect(parseSettings({ explainValues: 'no', density: 'first' })).toMatchObject({
      explainValues: true,
      density: 'first',
    });
    expect(importSettings(JSON.stringify({ explainValues: 'no' })).ok).toBe(false);
  });

  it('clamps the hover delay and filters unknown categories', () => {
    expect(parseSettings({ hoverDelayMs: 5 }).hoverDelayMs).toBe(100);
    expect(parseSettings({ hiddenCategories: ['medicine', 'nope', 'medicine'] }).hiddenCategories).toEqual([
      'medicine',
    ]);
  });
});

describe('marksChange', () => {
  const base = parseSettings(undefined);
  it('is true for exactly the settings that change what a page marks', () => {
    expect(marksChange(base, { ...base, density: 'first' })).toBe(true);
    expect(marksChange(base, { ...base, hiddenCategories: ['medicine'] })).toBe(true);
    expect(marksChange(base, { ...base, explainValues: false })).toBe(true);
    expect(marksChange(base, { ...base, style: 'background' })).toBe(false);
    expect(marksChange(base, { ...base, hoverDelayMs: 800 })).toBe(false);
    expect(marksChange(base, { ...base, disabledSites: ['example.org'] })).toBe(false);
  });

  it('does not read the same hidden categories in another order as a change', () => {
    const a = { ...base, hiddenCategories: ['medicine', 'device'] } as typeof base;
    const b = { ...base, hiddenCategories: ['device', 'medicine'] } as typeof base;
    expect(marksChange(a, b)).toBe(false);
  });
});

describe('which occurrences are marked', () => {
  it('paints every value, every term with density "all", and only a first term with "first"', () => {
    expect(paintsOccurrence('all', 'term', true)).toBe(true);
    expect(paintsOccurrence('first', 'term', false)).toBe(true);
    expect(paintsOccurrence('first', 'term', true)).toBe(false);
    expect(paintsOccurrence('first', 'value', true)).toBe(true);
  });

  it('marks no term of a hidden category, and a term of unknown category', () => {
    expect(marksCategory(['medicine'], 'medicine')).toBe(false);
    expect(marksCategory(['medicine'], 'device')).toBe(true);
    expect(marksCategory([], 'medicine')).toBe(true);
    expect(marksCategory(['medicine'], undefined)).toBe(true);
  });
});

describe('words left alone', () => {
  const base = parseSettings(undefined);
  it('keeps a word per site, lowercased, once, and gives it back', () => {
    const one = withNotMisspelling(base, 'https://www.Example.org/forum', 'Meformin');
    expect(one.notMisspellings).toEqual(['example.org meformin']);
    expect(withNotMisspelling(one, 'example.org', 'meformin')).toBe(one);
    expect(notMisspellingsOn(one, 'example.org')).toEqual(['meformin']);
    expect(notMisspellingsOn(one, 'other.org')).toEqual([]);
    expect(withoutNotMisspelling(one, 'example.org meformin').notMisspellings).toEqual([]);
    expect(marksChange(base, one)).toBe(true);
  });

  it('drops stored entries that are not a site and a word, and keeps the other settings', () => {
    const parsed = parseSettings({
      notMisspellings: ['example.org meformin', 'nosite', ' x', 3, 'bad!host word'],
      style: 'background',
    });
    expect(parsed.notMisspellings).toEqual(['example.org meformin']);
    expect(parsed.style).toBe('background');
    expect(parseSettings({ notMisspellings: 'meformin' }).notMisspellings).toEqual([]);
  });
});

describe('site switch', () => {
  it('ignores www., case, port and scheme', () => {
    expect(siteKey('https://www.Example.org:8080/a?b')).toBe('example.org');
    expect(siteKey('www.nhs.uk')).toBe('nhs.uk');
  });

  it('turns one site off and on without touching others', () => {
    const off = withSite({ ...DEFAULT_SETTINGS, disabledSites: ['a.com'] }, 'https://www.example.org/x', false);
    expect(off.disabledSites).toEqual(['a.com', 'example.org']);
    expect(isHighlightingOn(off, 'example.org')).toBe(false);
    expect(isHighlightingOn(off, 'other.org')).toBe(true);
    const on = withSite(off, 'example.org', true);
    expect(on.disabledSites).toEqual(['a.com']);
  });

  it('the global switch wins over the site list', () => {
    expect(isHighlightingOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.org')).toBe(false);
  });
});

describe('importSettings', () => {
  it('accepts an exported file', () => {
    const file = JSON.stringify({ ...DEFAULT_SETTINGS, density: 'first', disabledSites: ['example.org'] });
    expect(importSettings(file)).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, density: 'first', disabledSites: ['example.org'] },
    });
  });

  it.each([
    ['not json', { kind: 'not-json' }],
    ['[1,2]', { kind: 'not-settings' }],
    ['{"colour":"red"}', { kind: 'unknown-fields', fields: ['colour'] }],
    ['{"style":"neon"}', { kind: 'bad-value', field: 'style' }],
    ['{"hoverDelayMs":99999}', { kind: 'bad-value', field: 'hoverDelayMs' }],
    ['{"disabledSites":["not a host!"]}', { kind: 'bad-value', field: 'disabledSites' }],
    ['{"interfaceLanguage":"fr"}', { kind: 'bad-value', field: 'interfaceLanguage' }],
    ['{"version":99}', { kind: 'newer-unknown', version: 99 }],
  ])('refuses %s and says why', (text, problem) => {
    expect(importSettings(text)).toEqual({ ok: false, problem });
  });
});

describe('settings in browser.storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips and falls back per field on corrupt storage', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', density: 'first', disabledSites: 'x' } });
    const loaded = await loadSettings();
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, density: 'first' });
    await saveSettings({ ...loaded, style: 'background' });
    expect((await loadSettings()).style).toBe('background');
  });

  it('updates one field without losing the others', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, style: 'background' });
    await updateSettings((s) => withSite(s, 'example.org', false));
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, style: 'background', disabledSites: ['example.org'] });
  });
});
