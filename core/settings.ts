import { CATEGORIES, type Category, type Lang } from './glossary/types';
import { isRecord } from './guards';

/** Bumped when the stored shape changes; `parseSettings` migrates older versions forward. */
const SETTINGS_VERSION = 1;

export type HighlightStyle = 'underline' | 'background';
export type Density = 'all' | 'first';
/** The language of the popup and the options page: the browser's, or one the reader chose. */
export type InterfaceLanguage = 'browser' | Lang;

const INTERFACE_LANGUAGES: readonly InterfaceLanguage[] = ['browser', 'en', 'es'];

export interface Settings {
  version: number;
  enabled: boolean;
  style: HighlightStyle;
  density: Density;
  /** Delay before a hovered term opens, in ms. */
  hoverDelayMs: number;
  /** Categories whose terms are not marked on pages. */
  hiddenCategories: Category[];
  /** Hosts (without `www.`) where highlighting is off. */
  disabledSites: string[];
  /** Mark values of known measures ("A1C 7.2%", "BMI 31") and explain them ("Numbers explained"). */
  explainValues: boolean;
  /**
   * Words the reader said are not a misspelling of a term ("Not this" on a misspelling's card), each as
   * `"<site> <word>"` (site as `siteKey` gives it, word lowercased): left alone on that site.
   */
  notMisspellings: string[];
  /** The popup's and options page's language; the in-page card follows the language of the text instead. */
  interfaceLanguage: InterfaceLanguage;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  style: 'underline',
  density: 'all',
  hoverDelayMs: 350,
  hiddenCategories: [],
  disabledSites: [],
  explainValues: true,
  notMisspellings: [],
  interfaceLanguage: 'browser',
});

export const HOVER_DELAY_RANGE = { min: 100, max: 1500 } as const;

/** Host key for the per-site switch: lowercase, no port, `www.` ignored. Empty for pages that are not on a host. */
export function siteKey(urlOrHost: string): string {
  let host = urlOrHost.trim().toLowerCase();
  try {
    if (host.includes('://')) host = new URL(host).hostname;
  } catch {
    return '';
  }
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  return host.replace(/^www\./, '');
}

const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\[[0-9a-f:]+\]$/;

export function isValidSite(host: string): boolean {
  return host.length > 0 && host.length <= 253 && HOST_PATTERN.test(host);
}

/**
 * Reads whatever is in storage into valid settings. Each field is checked on its own: a bad or unknown value falls
 * back to its default while every valid field is kept.
 */
export function parseSettings(raw: unknown): Settings {
  const s = isRecord(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  const hover = s.hoverDelayMs;
  return {
    version: SETTINGS_VERSION,
    enabled: typeof s.enabled === 'boolean' ? s.enabled : d.enabled,
    style: s.style === 'underline' || s.style === 'background' ? s.style : d.style,
    density: s.density === 'all' || s.density === 'first' ? s.density : d.density,
    hoverDelayMs:
      typeof hover === 'number' && Number.isFinite(hover)
        ? Math.round(Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, hover)))
        : d.hoverDelayMs,
    hiddenCategories: Array.isArray(s.hiddenCategories)
      ? [...new Set(s.hiddenCategories.filter((c): c is Category => CATEGORIES.includes(c as Category)))]
      : [...d.hiddenCategories],
    disabledSites: Array.isArray(s.disabledSites)
      ? [
          ...new Set(
            s.disabledSites
              .filter((h): h is string => typeof h === 'string')
              .map(siteKey)
              .filter(isValidSite),
          ),
        ].sort()
      : [...d.disabledSites],
    explainValues: typeof s.explainValues === 'boolean' ? s.explainValues : d.explainValues,
    notMisspellings: Array.isArray(s.notMisspellings)
      ? [...new Set(s.notMisspellings.filter(isNotMisspelling))].sort()
      : [...d.notMisspellings],
    interfaceLanguage: INTERFACE_LANGUAGES.includes(s.interfaceLanguage as InterfaceLanguage)
      ? (s.interfaceLanguage as InterfaceLanguage)
      : d.interfaceLanguage,
  };
}

/**
 * The language the interface speaks: the reader's choice, else the browser's (`browser.i18n.getUILanguage()`, such
 * as "es-419" or "en-US"). Spanish in any region is Spanish; every other language gets English, the first language.
 */
export function interfaceLang(choice: InterfaceLanguage, browserLanguage: string): Lang {
  if (choice !== 'browser') return choice;
  return browserLanguage.trim().toLowerCase().split(/[-_]/)[0] === 'es' ? 'es' : 'en';
}

/** At most this many words are kept per settings: a reader clicks "Not this" a handful of times, not thousands. */
const MAX_NOT_MISSPELLINGS = 2000;

function isNotMisspelling(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 300) return false;
  const space = v.indexOf(' ');
  return space > 0 && isValidSite(v.slice(0, space)) && v.slice(space + 1).trim().length > 0;
}

/** The settings with `word` left alone on `site` (its misspelling mark gone there). */
export function withNotMisspelling(settings: Settings, site: string, word: string): Settings {
  const entry = `${siteKey(site)} ${word.trim().toLowerCase()}`;
  if (!isNotMisspelling(entry) || settings.notMisspellings.includes(entry)) return settings;
  const next = [...settings.notMisspellings, entry].sort();
  return { ...settings, notMisspellings: next.slice(-MAX_NOT_MISSPELLINGS) };
}

/** The settings with one `"<site> <word>"` of `notMisspellings` taken back: the word may be marked again there. */
export function withoutNotMisspelling(settings: Settings, entry: string): Settings {
  return { ...settings, notMisspellings: settings.notMisspellings.filter((e) => e !== entry) };
}

/** The words left alone on `site`, lowercased. */
export function notMisspellingsOn(settings: Settings, site: string): string[] {
  const prefix = `${siteKey(site)} `;
  return settings.notMisspellings.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
}

/** A stored setting the reader controls (every field but the version). */
export type SettingField = Exclude<keyof Settings, 'version'>;

// A record, not a list, so that a new setting cannot be left out: the compiler asks for it here.
const FIELDS: Record<SettingField, true> = {
  enabled: true,
  style: true,
  density: true,
  hoverDelayMs: true,
  hiddenCategories: true,
  disabledSites: true,
  explainValues: true,
  notMisspellings: true,
  interfaceLanguage: true,
};

/** Every setting the reader controls. */
const SETTING_FIELDS = Object.keys(FIELDS) as SettingField[];

export interface SettingsReport {
  settings: Settings;
  /** Stored fields that were present but invalid, so their default is used (empty when all is well). */
  problems: SettingField[];
  /** True when what is stored is not a settings object at all. */
  unreadable: boolean;
  /** The stored version, when a newer TermLens wrote it. */
  newerVersion: number | null;
}

/** Like `parseSettings`, and says what it had to drop, so the options page can tell the person. */
export function inspectSettings(raw: unknown): SettingsReport {
  const settings = parseSettings(raw);
  if (raw === undefined) return { settings, problems: [], unreadable: false, newerVersion: null };
  if (!isRecord(raw)) return { settings, problems: [], unreadable: true, newerVersion: null };
  const problems = SETTING_FIELDS.filter(
    (key) =>
      key in raw &&
      JSON.stringify(normaliseForCompare(raw[key])) !== JSON.stringify(normaliseForCompare(settings[key])),
  );
  const newerVersion = typeof raw.version === 'number' && raw.version > SETTINGS_VERSION ? raw.version : null;
  return { settings, problems, unreadable: false, newerVersion };
}

/**
 * What to write to storage: the settings, plus whatever a newer TermLens stored that this version does not know
 * (unknown fields and its version number), so going back to an older version and forward again loses nothing.
 */
export function settingsForStorage(stored: unknown, next: Settings): Record<string, unknown> {
  const clean = parseSettings(next);
  if (!isRecord(stored)) return { ...clean };
  const known = new Set<string>(Object.keys(DEFAULT_SETTINGS));
  const kept = Object.fromEntries(Object.entries(stored).filter(([key]) => !known.has(key)));
  const newer = typeof stored.version === 'number' && stored.version > SETTINGS_VERSION;
  const out: Record<string, unknown> = { ...kept, ...clean, version: newer ? stored.version : clean.version };
  if (newer) {
    // A value this version cannot read may be valid to the newer one: it stays unless this save changes that field.
    const current = parseSettings(stored);
    for (const key of SETTING_FIELDS) {
      const unchanged = JSON.stringify(clean[key]) === JSON.stringify(current[key]);
      const unreadable =
        key in stored &&
        JSON.stringify(normaliseForCompare(stored[key])) !== JSON.stringify(normaliseForCompare(current[key]));
      if (unchanged && unreadable) out[key] = stored[key];
    }
  }
  return out;
}

/**
 * Why a settings file was refused, for the options page to say in the reader's language
 * (components/options/BackupSection.tsx).
 */
export type ImportProblem =
  | { kind: 'not-json' }
  | { kind: 'not-settings' }
  /** From a newer TermLens, and not one field this version knows. */
  | { kind: 'newer-unknown'; version: number }
  | { kind: 'unknown-fields'; fields: string[] }
  | { kind: 'bad-value'; field: string };

export type ImportResult =
  | {
      ok: true;
      settings: Settings;
      /** Set for a file from a newer TermLens: what to store, with everything this version does not understand. */
      newer?: { version: number; stored: Record<string, unknown> };
    }
  | { ok: false; problem: ImportProblem };

/**
 * Imports a settings file strictly: unlike stored values, a file a person chose is refused whole, with the reason,
 * when any field is wrong, so nothing changes behind their back. A file from a newer TermLens is the exception: its
 * fields may be right for that version, so what this version understands is applied and everything else is kept
 * as it is in storage, for when TermLens is updated.
 */
export function importSettings(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  if (!isRecord(raw)) return { ok: false, problem: { kind: 'not-settings' } };
  const known = new Set(Object.keys(DEFAULT_SETTINGS));
  if (typeof raw.version === 'number' && Number.isFinite(raw.version) && raw.version > SETTINGS_VERSION) {
    if (!SETTING_FIELDS.some((k) => k in raw)) {
      return { ok: false, problem: { kind: 'newer-unknown', version: raw.version } };
    }
    const settings = parseSettings(raw);
    return { ok: true, settings, newer: { version: raw.version, stored: settingsForStorage(raw, settings) } };
  }
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length) return { ok: false, problem: { kind: 'unknown-fields', fields: unknown } };
  const parsed = parseSettings(raw);
  for (const key of Object.keys(raw) as (keyof Settings)[]) {
    if (key === 'version') continue;
    if (JSON.stringify(normaliseForCompare(raw[key])) !== JSON.stringify(normaliseForCompare(parsed[key]))) {
      return { ok: false, problem: { kind: 'bad-value', field: key } };
    }
  }
  return { ok: true, settings: parsed };
}

function normaliseForCompare(v: unknown): unknown {
  return Array.isArray(v) ? [...v].map((x) => (typeof x === 'string' ? siteKey(x) : x)).sort() : v;
}

export function isHighlightingOn(settings: Settings, site: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteKey(site));
}

/**
 * The settings that change *what* is marked on a page, so a page must be read again when one changes. The others
 * (style, hover delay) apply to the marks already there; the site switch turns the whole reading on or off.
 */
const SETTINGS_THAT_CHANGE_MARKS = [
  'density',
  'hiddenCategories',
  'explainValues',
  'notMisspellings',
] as const satisfies readonly (keyof Settings)[];

/** Whether going from `before` to `next` changes what a page marks (order of hidden categories aside). */
export function marksChange(before: Settings, next: Settings): boolean {
  const comparable = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...v].sort() : v);
  return SETTINGS_THAT_CHANGE_MARKS.some((key) => comparable(before[key]) !== comparable(next[key]));
}

/** Returns new settings with the site switched on or off. */
export function withSite(settings: Settings, site: string, on: boolean): Settings {
  const key = siteKey(site);
  const rest = settings.disabledSites.filter((h) => h !== key);
  return { ...settings, disabledSites: on || !isValidSite(key) ? rest : [...rest, key].sort() };
}

/**
 * Whether a found occurrence is painted. Every value is painted: each is its own reading, and "first occurrence
 * only" is about terms. A term is painted everywhere, or only where the page has not painted it yet.
 */
export function paintsOccurrence(density: Density, kind: 'term' | 'value', termPaintedAlready: boolean): boolean {
  return kind === 'value' || density === 'all' || !termPaintedAlready;
}

/** Whether a term of `category` is marked at all (a hidden category's terms are found but not marked). */
export function marksCategory(hidden: readonly Category[], category: Category | undefined): boolean {
  return category === undefined || !hidden.includes(category);
}
