import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { EntryPopover } from '../../components/EntryPopover';
import { POPOVER_CSS } from '../../components/popover-styles';
import type { GlossaryEntry } from '../../core/glossary/types';

const entry: GlossaryEntry = {
  id: 'hypoglycemia',
  term: 'Hypoglycemia',
  aliases: [],
  category: 'condition',
  summary: 'Blood sugar that is too low.',
  definition: 'One. Two.',
  related: [],
  sources: [
    { title: 'Low Blood Glucose (Hypoglycemia) (NIDDK)', url: 'https://www.niddk.nih.gov/low' },
    {
      title: '6. Glycemic Goals and Hypoglycemia: Standards of Care in Diabetes—2025 (ADA, Diabetes Care)',
      url: 'https://diabetesjournals.org/care/6',
    },
    {
      title: 'Hypoglycemia (MedlinePlus Medical Encyclopedia)',
      url: 'https://medlineplus.gov/ency/article/000386.htm',
    },
  ],
  lastReviewed: '2026-01-01',
};

function mount(shown: GlossaryEntry = entry, lang?: 'es') {
  const root = document.createElement('div');
  document.body.append(root);
  const onOpenGlossary = vi.fn();
  const onDisableSite = vi.fn();
  act(() => {
    render(
      <EntryPopover
        entry={shown}
        lang={lang}
        lookup={() => undefined}
        load={() => Promise.resolve(undefined)}
        takeFocus={false}
        onClose={() => {}}
        onOpenGlossary={onOpenGlossary}
        onDisableSite={onDisableSite}
        site="example.org"
      />,
      root,
    );
  });
  return { root, onOpenGlossary, onDisableSite, unmount: () => (render(null, root), root.remove()) };
}

describe('a term card’s footer', () => {
  it('labels sources "Title (Publisher)": no chapter number, no doubled parentheses, one name per publisher', () => {
    const { root, unmount } = mount();
    expect([...root.querySelectorAll('.sources a')].map((a) => a.textContent)).toEqual([
      'Source: Low Blood Glucose, Hypoglycemia (NIDDK)',
      'Source: Glycemic Goals and Hypoglycemia: Standards of Care in Diabetes—2025 (American Diabetes Association)',
      'Source: Hypoglycemia (MedlinePlus)',
    ]);
    unmount();
  });

  it('keeps "Open in glossary" a link-style action and makes the settings change a button of its own look', () => {
    const { root, onOpenGlossary, onDisableSite, unmount } = mount();
    const buttons = [...root.querySelectorAll('.actions button')] as HTMLButtonElement[];
    const open = buttons.find((b) => b.textContent === 'Open in glossary');
    const off = buttons.find((b) => b.textContent === 'Don’t highlight on example.org');
    expect(open?.className).toBe('link');
    expect(off?.className).toBe('setting');
    expect(off?.classList.contains('link')).toBe(false);
    // No markup but its words: the card renders nothing the page's text could pass for (tests/e2e/injection.test.ts).
    expect(off?.children.length).toBe(0);
    expect(root.querySelector('button.link')?.textContent).toBe('Read more');
    act(() => open?.click());
    act(() => off?.click());
    expect(onOpenGlossary).toHaveBeenCalledWith('hypoglycemia');
    expect(onDisableSite).toHaveBeenCalledTimes(1);
    unmount();
  });
});

describe('a card in Spanish', () => {
  const bilingual: GlossaryEntry = {
    ...entry,
    es: {
      term: 'Hipoglucemia',
      aliases: [],
      summary: 'Azúcar en la sangre demasiado baja.',
      definition: 'Una. Dos.',
      whyItMatters: 'Importa.',
      sources: [{ title: 'Hipoglucemia', url: 'https://medlineplus.gov/spanish/hypoglycemia.html' }],
      lastReviewed: '2026-12-02',
    },
  };

  it('speaks Spanish where its term was found in Spanish, down to its sources and buttons, marked lang="es"', () => {
    const { root, unmount } = mount(bilingual, 'es');
    const card = root.querySelector('.card') as HTMLElement;
    expect(card.lang).toBe('es');
    expect(root.querySelector('h2')?.textContent).toBe('Hipoglucemia');
    expect(root.querySelector('.category')?.textContent).toBe('Afecciones');
    expect(root.querySelector('.summary')?.textContent).toBe('Azúcar en la sangre demasiado baja.');
    expect([...root.querySelectorAll('.sources a')].map((a) => a.textContent)).toEqual([
      'Fuente: Hipoglucemia (MedlinePlus)',
    ]);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toContain('No resaltar en example.org');
    expect(root.querySelector('.disclaimer')?.textContent).toBe('Con fines educativos, no es consejo médico.');
    unmount();
  });

  it('switches to English and back in one click, the button naming the other language in that language', () => {
    const { root, unmount } = mount(bilingual, 'es');
    const switcher = () => root.querySelector('.lang-switch') as HTMLButtonElement;
    expect(switcher().textContent).toBe('English');
    expect(switcher().lang).toBe('en');
    act(() => switcher().click());
    expect(root.querySelector('h2')?.textContent).toBe('Hypoglycemia');
    expect((root.querySelector('.card') as HTMLElement).lang).toBe('en');
    expect(switcher().textContent).toBe('Español');
    act(() => switcher().click());
    expect(root.querySelector('h2')?.textContent).toBe('Hipoglucemia');
    unmount();
  });

  it('offers no switch for an entry written in English only', () => {
    const { root, unmount } = mount();
    expect(root.querySelector('.lang-switch')).toBeNull();
    unmount();
  });
});

describe('the settings button’s styles', () => {
  const rule = (selector: string) =>
    new RegExp(`(?:^|\\n)${selector.replace(/[.[\]()"=]/g, '\\$&')} \\{([^}]*)\\}`).exec(POPOVER_CSS)?.[1] ?? '';
  const vars = (block: string) =>
    Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
  const light = vars(rule('.card'));
  const dark = { ...light, ...vars(rule(':host([data-theme="dark"]) .card')) };

  function luminance(hex: string): number {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  }
  function contrast(a: string | undefined, b: string | undefined): number {
    const [x, y] = [luminance(a ?? '#000000'), luminance(b ?? '#000000')];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  it('draws an outline, unlike a link, and underlines neither', () => {
    const setting = rule('.setting');
    expect(setting).toMatch(/border: 1px solid var\(--muted\)/);
    expect(setting).not.toMatch(/underline/);
    expect(rule('.link')).toMatch(/underline/);
  });

  it.each([
    ['light', light],
    ['dark', dark],
  ])('is readable in the %s theme: text at least 4.5:1, its outline at least 3:1, at rest and on hover', (_, c) => {
    expect(contrast(c.fg, c.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.fg, c.chip)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.muted, c.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.muted, c.chip)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.accent, c.bg)).toBeGreaterThanOrEqual(4.5);
  });
});
