/**
 * The locale files (public/_locales/<lang>/messages.json) and the lookup the popup and the options page use. The
 * Spanish file is mocked without one message here, to show the fallback; the files themselves are read from disk.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { message, messageParts } from '../../utils/i18n';

vi.mock('../../public/_locales/es/messages.json', async (importOriginal) => {
  const { resultsNone: _dropped, ...rest } = (await importOriginal<{ default: Record<string, unknown> }>()).default;
  return { default: rest };
});

interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const read = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, LocaleMessage>;
const EN = read('en');
const ES = read('es');

/** The named placeholders a message uses, lowercased as browsers compare them. */
const used = (m: LocaleMessage) => [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase());

describe('the locale files', () => {
  it('have exactly the same keys in English and Spanish', () => {
    const en = Object.keys(EN).sort();
    const es = Object.keys(ES).sort();
    expect(
      es.filter((k) => !en.includes(k)),
      'in Spanish only',
    ).toEqual([]);
    expect(
      en.filter((k) => !es.includes(k)),
      'missing in Spanish',
    ).toEqual([]);
  });

  it('use key names browsers accept, unique without regard to case', () => {
    const keys = Object.keys(EN);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('give every message text, and every English one a description for translators', () => {
    for (const [key, m] of Object.entries(EN)) {
      expect(m.message.trim(), key).not.toBe('');
      expect(m.description?.trim(), key).toBeTruthy();
      expect(ES[key]?.message.trim(), key).toBeTruthy();
    }
  });

  it('declare the placeholders each message uses, the same ones in both languages', () => {
    for (const [key, en] of Object.entries(EN)) {
      const es = ES[key];
      if (!es) continue;
      const declared = Object.keys(en.placeholders ?? {}).map((p) => p.toLowerCase());
      expect(used(en).sort(), `${key} (en)`).toEqual([...new Set(declared)].sort());
      expect(used(es).sort(), `${key} (es)`).toEqual([...new Set(declared)].sort());
      expect(es.placeholders ?? {}, key).toEqual(en.placeholders ?? {});
    }
  });
});

describe('message', () => {
  it('fills named placeholders in the chosen language', () => {
    expect(message('en', 'highlightOnSite', 'example.com')).toBe('Highlight on example.com');
    expect(message('es', 'highlightOnSite', 'example.com')).toBe('Resaltar en example.com');
    expect(message('es', 'wordOnSite', 'metforming', 'nhs.uk')).toBe('“metforming” en nhs.uk');
    expect(message('en', 'hoverDelayShown', 400)).toBe('400 ms');
  });

  it('never reads a substituted value as a placeholder', () => {
    expect(message('en', 'siteInvalid', '$1 $site$ $$')).toBe(
      '“$1 $site$ $$” is not a site name. Enter something like example.com.',
    );
  });

  it('falls back to English where the Spanish file lacks a message', () => {
    expect(message('es', 'resultsNone', 'xyz')).toBe(
      'No entry matches “xyz”. Try fewer letters or another name for it.',
    );
    expect(message('es', 'optionsButton')).toBe('Opciones');
  });

  it('places elements where the message says', () => {
    const a = { element: 'a' };
    const b = { element: 'b' };
    expect(messageParts('es', 'previewSentence', [a, b])).toEqual([
      'Su ',
      a,
      ' muestra su promedio de ',
      b,
      ' de unos tres meses.',
    ]);
  });
});
