/**
 * The popup and the options page speak Spanish when the browser does or the reader chose it, English otherwise, and
 * follow a change of the setting without a reload.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { PopupApp } from '../../components/popup/PopupApp';
import { OptionsApp } from '../../components/options/OptionsApp';
import { startingLang } from '../../components/i18n';
import type { GlossaryEntry } from '../../core/glossary/types';
import { DEFAULT_SETTINGS, interfaceLang } from '../../core/settings';

const entry = (id: string, term: string, spanish: string): GlossaryEntry => ({
  id,
  term,
  aliases: [],
  category: 'medicine',
  summary: 'A medicine that lowers blood sugar.',
  definition: 'It helps the body use insulin better.',
  related: [],
  sources: [{ title: 'Metformin', url: 'https://medlineplus.gov/druginfo/meds/a696005.html' }],
  lastReviewed: '2026-01-01',
  es: {
    term: spanish,
    aliases: [],
    summary: 'Un medicamento que baja el azúcar en la sangre.',
    definition: 'Ayuda al cuerpo a usar mejor la insulina.',
    sources: [{ title: spanish, url: 'https://medlineplus.gov/spanish/druginfo/meds/a696005-es.html' }],
    lastReviewed: '2026-01-01',
  },
});
const ENTRIES = [entry('metformin', 'Metformin', 'Metformina'), entry('insulin', 'Insulin', 'Insulina')];
const lookup = (id: string) => ENTRIES.find((e) => e.id === id);

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
  // No page answers the popup: it says TermLens does not run there (in the interface's language).
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
  document.documentElement.lang = 'en';
});

function browserSpeaks(language: string) {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(language);
}

const storeSettings = (settings: object) => fakeBrowser.storage.local.set({ settings });

/** Lets storage reads, the page's (refused) answers and the effects after them finish. */
async function settle(ms = 20) {
  await act(() => new Promise((done) => setTimeout(done, ms)));
}

async function popup(): Promise<void> {
  const lang = await startingLang();
  act(() =>
    render(
      <PopupApp
        entries={ENTRIES}
        lookup={lookup}
        params={{ entryId: null, query: '', tabId: 7 }}
        startingLang={lang}
      />,
      root,
    ),
  );
  // The popup asks the page twice, 300 ms apart, before it says TermLens does not run there.
  await settle(400);
}

async function options(): Promise<void> {
  const lang = await startingLang();
  act(() => render(<OptionsApp startingLang={lang} />, root));
  await settle();
}

const text = () => root.textContent ?? '';
const attribute = (selector: string, name: string) => root.querySelector(selector)?.getAttribute(name);

/**
 * The interface's own words on screen and for screen readers: text and the attributes people hear, outside the
 * glossary's English text (marked `lang="en"`).
 */
function interfaceWords(): string {
  const isGlossaryText = (el: Element | null) => {
    const marked = el?.closest('[lang]');
    return !!marked && root.contains(marked) && marked.getAttribute('lang') === 'en';
  };
  const words: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!isGlossaryText(node.parentElement)) words.push(node.textContent ?? '');
  }
  for (const el of root.querySelectorAll('[aria-label], [placeholder], [aria-valuetext], [title]')) {
    if (isGlossaryText(el)) continue;
    for (const name of ['aria-label', 'placeholder', 'aria-valuetext', 'title'])
      words.push(el.getAttribute(name) ?? '');
  }
  return words.join(' | ');
}

/** English messages that read differently in Spanish (no placeholders), to look for on a Spanish page. */
const ENGLISH_ONLY = (() => {
  const read = (lang: string) =>
    JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  const en = read('en');
  const es = read('es');
  return Object.entries(en)
    .filter(([key, m]) => !m.message.includes('$') && m.message !== es[key]?.message)
    .map(([, m]) => m.message);
})();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function expectNoEnglish() {
  const words = interfaceWords();
  const left = ENGLISH_ONLY.filter((m) => new RegExp(`(^|\\W)${escape(m)}(\\W|$)`).test(words));
  expect(left, words).toEqual([]);
}

describe('the interface language', () => {
  it('follows the browser: Spanish in any Spanish locale, English for every other language', () => {
    expect(interfaceLang('browser', 'es')).toBe('es');
    expect(interfaceLang('browser', 'es-419')).toBe('es');
    expect(interfaceLang('browser', 'es_MX')).toBe('es');
    expect(interfaceLang('browser', 'en-US')).toBe('en');
    expect(interfaceLang('browser', 'de')).toBe('en');
    expect(interfaceLang('browser', 'eu')).toBe('en');
    expect(interfaceLang('browser', '')).toBe('en');
    expect(interfaceLang('en', 'es-ES')).toBe('en');
    expect(interfaceLang('es', 'en-GB')).toBe('es');
  });

  it('starts in the chosen language, or the browser’s when the settings cannot be read', async () => {
    browserSpeaks('es-ES');
    await expect(startingLang()).resolves.toBe('es');
    await storeSettings({ ...DEFAULT_SETTINGS, interfaceLanguage: 'en' });
    await expect(startingLang()).resolves.toBe('en');
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('broken profile'));
    await expect(startingLang()).resolves.toBe('es');
  });
});

describe('the popup', () => {
  it('speaks Spanish when the browser is in Spanish', async () => {
    browserSpeaks('es-419');
    await popup();
    expect(document.documentElement.lang).toBe('es');
    expect(document.title).toBe('Glosario de TermLens');
    expect(root.querySelector('label[for="search"]')?.textContent).toBe('Buscar en el glosario');
    expect(attribute('#search', 'placeholder')).toBe('Busque términos, como A1C u Ozempic');
    expect(text()).toContain('Opciones');
    expect(text()).toContain('En esta página');
    expect(text()).toContain('TermLens no funciona en esta página.');
    expect(root.querySelector('#browse-heading')?.textContent).toBe('Explorar 2 términos');
    expect(attribute('nav.letters', 'aria-label')).toBe('Ir a la letra');
    expect(attribute('nav.letters button:not([disabled])', 'aria-label')).toBe('Términos que empiezan por I');
    expect(root.querySelector('.switch-label')?.textContent).toBe('Resaltar términos en las páginas web');
    expect(text()).toContain('Con fines educativos, no es consejo médico.');
    // The glossary's own text is Spanish too.
    expect([...root.querySelectorAll('.entry-list button')].map((b) => b.textContent)).toEqual([
      'Insulina',
      'Metformina',
    ]);
    expectNoEnglish();
  });

  it('speaks Spanish in search results and in an entry', async () => {
    browserSpeaks('es');
    await popup();
    const search = root.querySelector<HTMLInputElement>('#search')!;
    act(() => {
      search.value = 'metf';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('1 entrada encontrada');
    expect(attribute('[role="listbox"]', 'aria-label')).toBe('Entradas que coinciden con metf');
    expect(root.querySelector('.result-category')?.textContent).toBe('Medicamentos');
    expectNoEnglish();

    expect(root.querySelector('.result-term')?.textContent).toBe('Metformina');
    act(() => root.querySelector<HTMLElement>('[role="option"]')!.click());
    expect(root.querySelector('h2')?.textContent).toBe('Metformina');
    expect(text()).toContain('Ayuda al cuerpo a usar mejor la insulina.');
    expect(attribute('.back', 'aria-label')).toBe('Volver a los resultados de la búsqueda');
    expect(root.querySelector('.back')?.textContent).toBe('← Volver');
    expect(text()).toContain('Fuentes');
    expect(text()).toContain('(se abre en una pestaña nueva)');
    expect(root.querySelector('.reviewed')?.textContent).toBe('Última revisión: 2026-01-01');
    expectNoEnglish();

    act(() => {
      search.value = 'zzzz';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(text()).toContain('Ninguna entrada coincide con “zzzz”.');
  });

  it('speaks English when the browser is in another language', async () => {
    browserSpeaks('de-DE');
    await popup();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('TermLens glossary');
    expect(root.querySelector('label[for="search"]')?.textContent).toBe('Search the glossary');
    expect(text()).toContain('TermLens does not run on this page.');
    expect(root.querySelector('#browse-heading')?.textContent).toBe('Browse 2 terms');
    expect(text()).toContain('For education, not medical advice.');
    // The check the Spanish tests rely on does find English words.
    expect(() => expectNoEnglish()).toThrow();
  });

  it('takes the language chosen in the options over the browser’s, and follows a change live', async () => {
    browserSpeaks('en-US');
    await storeSettings({ ...DEFAULT_SETTINGS, interfaceLanguage: 'es' });
    await popup();
    expect(document.documentElement.lang).toBe('es');
    expect(text()).toContain('Explorar 2 términos');

    await act(() => storeSettings({ ...DEFAULT_SETTINGS, interfaceLanguage: 'en' }));
    await settle();
    expect(document.documentElement.lang).toBe('en');
    expect(text()).toContain('Browse 2 terms');
  });
});

describe('the options page', () => {
  it('speaks Spanish when the browser is in Spanish, with the language setting on "browser default"', async () => {
    browserSpeaks('es-AR');
    await options();
    expect(document.documentElement.lang).toBe('es');
    expect(document.title).toBe('Opciones de TermLens');
    expect(root.querySelector('h1')?.textContent).toBe('Opciones de TermLens');
    expect(root.querySelector('#language-heading')?.textContent).toBe('Idioma');
    expect(root.querySelector('.choice legend')?.textContent).toBe('Idioma de la interfaz');
    expect(root.querySelector<HTMLInputElement>('#interface-language-browser')?.checked).toBe(true);
    expect(root.querySelector('label[for="interface-language-browser"]')?.textContent).toContain(
      'Idioma del navegador',
    );
    // Each language is named in itself, and marked so.
    expect(root.querySelector('label[for="interface-language-en"] [lang="en"]')?.textContent).toBe('English');
    expect(root.querySelector('label[for="interface-language-es"] [lang="es"]')?.textContent).toBe('Español');
    expect(root.querySelector('#appearance-heading')?.textContent).toBe('Cómo se marcan los términos');
    expect(root.querySelector('.preview')?.textContent).toBe(
      'Su HbA1c muestra su promedio de azúcar en la sangre de unos tres meses.',
    );
    expect(root.querySelector('label[for="category-medicine"]')?.textContent).toBe('Medicamentos');
    expect(attribute('#hover-delay', 'aria-valuetext')).toBe('350 milisegundos');
    expect(text()).toContain('Ninguno: TermLens resalta términos en todos los sitios.');
    expect(text()).toContain('Exportar la configuración');
    expectNoEnglish();
  });

  it('speaks English when the browser is not in Spanish', async () => {
    browserSpeaks('fr-FR');
    await options();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('TermLens options');
    expect(root.querySelector('h1')?.textContent).toBe('TermLens options');
    expect(root.querySelector('.choice legend')?.textContent).toBe('Interface language');
    expect(root.querySelector('#appearance-heading')?.textContent).toBe('How terms are marked');
    expect(text()).toContain('Export settings');
    expect(() => expectNoEnglish()).toThrow();
  });

  it('switches language the moment Español is chosen, and saves it without touching other settings', async () => {
    browserSpeaks('en-GB');
    await storeSettings({ ...DEFAULT_SETTINGS, style: 'background', disabledSites: ['nhs.uk'] });
    await options();
    act(() => root.querySelector<HTMLInputElement>('#interface-language-es')!.click());
    await settle();
    expect(document.documentElement.lang).toBe('es');
    expect(root.querySelector('h1')?.textContent).toBe('Opciones de TermLens');
    expect(root.querySelector('#sites-heading')?.textContent).toBe('Sitios sin resaltado');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      interfaceLanguage: 'es',
      style: 'background',
      disabledSites: ['nhs.uk'],
    });
    expectNoEnglish();
  });

  it('says in Spanish which stored settings could not be read', async () => {
    browserSpeaks('es');
    await storeSettings({ enabled: 'yes', interfaceLanguage: 'fr', style: 'background' });
    await options();
    expect(root.querySelector('#storage-notice')?.textContent).toBe(
      'Algunos ajustes guardados no se pudieron leer y, por ahora, usan su valor predeterminado: el resaltado activado o desactivado, el idioma de la interfaz. Todo lo demás se conservó.',
    );
  });
});
