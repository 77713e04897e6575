import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { readPopupParams } from '../../components/popup/params';
import { Emphasis } from '../../components/popup/Emphasis';

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
    expect(html('Insulin resistance', [[0, 7], [8, 12]])).toBe('<mark>Insulin</mark> <mark>resi</mark>stance');
  });

  it('skips overlapping or empty spans instead of duplicating text', () => {
    expect(html('HbA1c', [[0, 3], [2, 4], [4, 4]])).toBe('<mark>HbA</mark>1c');
  });

  it('escapes glossary text rather than parsing it', () => {
    expect(html('<b>x</b>', [])).toBe('&lt;b&gt;x&lt;/b&gt;');
  });
});
