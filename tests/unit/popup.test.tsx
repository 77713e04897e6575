import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { readPopupParams } from '../../components/popup/params';
import { Emphasis } from '../../components/popup/Emphasis';
import { BrowseList, jumpLetters } from '../../components/popup/BrowseList';
import type { GlossaryEntry } from '../../core/glossary/types';

describe('popup deep links', () => {
  it('reads the entry, the query and the target tab', () => {
    expect(readPopupParams('?entry=hba1c&q=a%201c&tab=42')).toEqual({ entryId: 'hba1c', query: 'a 1c', tabId: 42 });
  });

  it('ignores what is missing or malformed', () => {
    expect(readPopupParams('')).toEqual({ entryId: null, query: '', tabId: null });
    expect(readPopupParams('?entry=&tab=abc')).toEqual({ entryId: null, query: '', tabId: null });
    expect(readPopupParams('?tab=-3').tabId).toBeNull();
    expect(readPopupParams('?tab=0').tabId).toBe(0);
  });
});

describe('Emphasis', () => {
  function html(text: string, spans: [number, number][]): string {
    const root = document.createElement('div');
    render(<Emphasis text={text} spans={spans} />, root);
    return root.innerHTML;
  }

  it('wraps each span in <mark> and keeps the rest as text', () => {
    expect(
      html('Insulin resistance', [
        [0, 7],
        [8, 12],
      ]),
    ).toBe('<mark>Insulin</mark> <mark>resi</mark>stance');
  });

  it('skips overlapping or empty spans instead of duplicating text', () => {
    expect(
      html('HbA1c', [
        [0, 3],
        [2, 4],
        [4, 4],
      ]),
    ).toBe('<mark>HbA</mark>1c');
  });

  it('escapes glossary text rather than parsing it', () => {
    expect(html('<b>x</b>', [])).toBe('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('the A to Z bar', () => {
  const entry = (id: string, term: string): GlossaryEntry => ({
    id,
    term,
    aliases: [],
    category: 'condition',
    summary: 'A made-up entry.',
    definition: '',
    related: [],
    sources: [],
    lastReviewed: '2026-01-01',
  });
  const ENTRIES = [
    entry('a1c', 'A1C'),
    entry('basal', 'Basal insulin'),
    entry('504', '504 plan'),
    entry('zinc', 'Zinc'),
  ];

  function letterButtons(entries: readonly GlossaryEntry[]): HTMLButtonElement[] {
    const root = document.createElement('div');
    render(<BrowseList entries={entries} mode="a-z" onModeChange={() => undefined} onOpen={() => undefined} />, root);
    return [...root.querySelectorAll<HTMLButtonElement>('nav[aria-label="Jump to letter"] button')];
  }

  it('lists every letter, "#" first when a term starts with neither', () => {
    const buttons = letterButtons(ENTRIES);
    expect(buttons.map((b) => b.textContent).join('')).toBe('#ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  });

  it('disables the letters no term starts with, and says so', () => {
    const buttons = letterButtons(ENTRIES);
    const enabled = buttons.filter((b) => !b.disabled).map((b) => b.textContent);
    expect(enabled).toEqual(['#', 'A', 'B', 'Z']);
    const q = buttons.find((b) => b.textContent === 'Q');
    expect(q?.disabled).toBe(true);
    expect(q?.getAttribute('aria-label')).toBe('No terms starting with Q');
    expect(buttons.find((b) => b.textContent === 'A')?.getAttribute('aria-label')).toBe('Terms starting with A');
  });

  it('leaves out "#" when every term starts with a letter', () => {
    expect(jumpLetters(new Set(['A'])).map((l) => l.letter)).toHaveLength(26);
    expect(jumpLetters(new Set(['A', '#']))[0]).toEqual({ letter: '#', empty: false });
  });
});
