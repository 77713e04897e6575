import { describe, expect, it } from 'vitest';
import {
  JOIN_DASH,
  JOIN_NONE,
  JOIN_SPACE,
  normalizeKey,
  normalizeKeyCased,
  normalizeText,
} from '../../core/text/normalize';

const lower = (s: string) => normalizeText(s).lower;
const cased = (s: string) => normalizeText(s).cased;
const map = (s: string) => Array.from(normalizeText(s).toOriginal);

describe('normalizeText: compatibility folding', () => {
  it('folds subscript and superscript digits', () => {
    expect(lower('HbA₁c')).toBe('hba1c');
    expect(lower('₀₁₂₃₄₅₆₇₈₉')).toBe('0123456789');
    expect(lower('⁰¹²³⁴⁵⁶⁷⁸⁹')).toBe('0123456789');
    expect(lower('kg/m²')).toBe('kg/m2');
  });

  it('folds fullwidth forms, ligatures and Roman numerals', () => {
    expect(cased('ＧＬＰ－１')).toBe('GLP1');
    expect(lower('ﬁbre')).toBe('fibre');
    expect(lower('type Ⅱ')).toBe('type ii');
  });

  it('does not apply NFKC where it would glue letters onto words', () => {
    expect(lower('Ozempic™')).toBe('ozempic™');
    expect(lower('½')).toBe('½');
  });

  it('spells out beta and alpha, mapping every produced char to the Greek letter', () => {
    expect(lower('β-cell')).toBe('beta cell');
    expect(lower('α-glucosidase')).toBe('alpha glucosidase');
    expect(map('β-cell').slice(0, 5)).toEqual([0, 0, 0, 0, 1]);
  });

  it('turns curly and modifier apostrophes, and an acute accent typed alone for one, into a straight one', () => {
    expect(lower('ADA’s ‘x’ ʼy O´Sullivan')).toBe("ada's 'x' 'y o'sullivan");
  });
});

describe('normalizeText: separators', () => {
  it('treats every Unicode dash and hyphen as a separator', () => {
    for (const dash of [
      '-',
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2212',
      '\ufe58',
      '\ufe63',
      '\uff0d',
    ]) {
      expect(lower(`pre${dash}diabetes`)).toBe('pre diabetes');
      expect(lower(`GLP${dash}1`)).toBe('glp1');
    }
  });

  it('turns NBSP and all whitespace into a space and collapses runs of spaces and dashes', () => {
    expect(lower('insulin\u00a0resistance')).toBe('insulin resistance');
    expect(lower('a\t\n\r\u2003\u202f\u3000b')).toBe('a b');
    expect(lower('a - \u2013  b')).toBe('a b');
  });

  it('removes soft hyphens and zero-width characters instead of separating', () => {
    expect(lower('insu\u00adlin')).toBe('insulin');
    expect(lower('in\u200bsu\u200cl\u200di\u2060n\ufeff')).toBe('insulin');
    expect(map('in\u00adsulin')).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
  });

  it('drops a separator run between a letter and a digit', () => {
    expect(lower('GLP-1')).toBe('glp1');
    expect(lower('GLP1')).toBe('glp1');
    expect(lower('GLP 1')).toBe('glp1');
    expect(lower('type-2 diabetes')).toBe('type2 diabetes');
    expect(lower('type 2 diabetes')).toBe('type2 diabetes');
    expect(lower('HbA 1c')).toBe('hba1c');
  });

  it('keeps a separator between a digit and a letter, and between letters', () => {
    expect(lower('7.0 mmol/L')).toBe('7.0 mmol/l');
    expect(lower('5 mg')).toBe('5 mg');
    expect(lower('insulin-resistant')).toBe('insulin resistant');
  });

  it('records which kind of separator was dropped before a digit', () => {
    const dash = normalizeText('DPP-4');
    expect(Array.from(dash.joins)).toEqual([JOIN_NONE, JOIN_NONE, JOIN_NONE, JOIN_DASH]);
    const space = normalizeText('metformin 500');
    expect(space.joins[9]).toBe(JOIN_SPACE);
    // A run with any dash in it binds like a hyphen.
    expect(normalizeText('GLP - 1').joins[3]).toBe(JOIN_DASH);
  });
});

describe('normalizeText: lowercasing and offsets', () => {
  it('keeps lower and cased the same length and lowercases per character', () => {
    const r = normalizeText('İnsulin ÇBC');
    expect(r.lower.length).toBe(r.cased.length);
    expect(r.lower).toBe('İnsulin çbc'); // İ lowercases to two chars, so it stays
  });

  it('ignores accents on vowels in `lower` and keeps them in `cased`; ñ stays a letter of its own', () => {
    const r = normalizeText('Glucémia, AZÚCAR, pingüino, riñón');
    expect(r.lower).toBe('glucemia, azucar, pinguino, riñon');
    expect(r.cased).toBe('Glucémia, AZÚCAR, pingüino, riñón');
    expect(normalizeKey('año')).not.toBe(normalizeKey('ano'));
  });

  it('folds composed accents only: a combining accent still continues its word, so no mark splits a character', () => {
    const r = normalizeText('gluce\u0301mia');
    expect(r.lower).toBe('gluce\u0301mia');
    expect(r.lower).not.toBe(normalizeKey('glucémia'));
  });

  it('maps each normalised char to its source and ends with text.length', () => {
    const text = 'GLP\u2011 1  drugs';
    const r = normalizeText(text);
    expect(r.lower).toBe('glp1 drugs');
    expect(Array.from(r.toOriginal)).toEqual([0, 1, 2, 5, 6, 8, 9, 10, 11, 12, text.length]);
  });

  it('passes surrogate pairs (emoji) through unchanged and replaces unpaired halves, keeping offsets', () => {
    expect(lower('insulin 💉 pen')).toBe('insulin 💉 pen');
    expect(lower('a\ud83d b \udc89c')).toBe('a\ufffd b \ufffdc');
    const long = `${'x'.repeat(300)}\ud83d`; // long enough for the bulk string path
    expect(lower(long)).toBe(`${'x'.repeat(300)}\ufffd`);
  });

  it('handles empty and separator-only text', () => {
    expect(normalizeText('').lower).toBe('');
    expect(Array.from(normalizeText('').toOriginal)).toEqual([0]);
    expect(lower(' \u00ad - ')).toBe(' ');
  });
});

describe('normalizeKey', () => {
  it('gives aliases the same form as page text, without edge separators', () => {
    expect(normalizeKey(' GLP‑1 ')).toBe('glp1');
    expect(normalizeKey('HbA₁c')).toBe(normalizeKey('HbA1C'));
    expect(normalizeKey('Type-2 Diabetes')).toBe('type2 diabetes');
    expect(normalizeKeyCased('ADA')).toBe('ADA');
    expect(normalizeKeyCased('β-Cell')).toBe('beta Cell');
  });
});

// Speed is measured by `npm run bench`, never asserted here; this checks a page-sized input stays exact.
describe('normalizeText: large input', () => {
  it('normalises megabytes and keeps every offset aligned', () => {
    const chunk =
      'People with type 2 diabetes (T2D) may take GLP\u20111 drugs; HbA₁c fell to 7.0\u00a0% in the trial. ';
    const text = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
    const r = normalizeText(text);
    const one = normalizeText(chunk);
    expect(r.lower.length).toBe(one.lower.length * Math.ceil(2_000_000 / chunk.length));
    expect(r.lower.slice(-one.lower.length)).toBe(one.lower);
    expect(r.toOriginal[r.lower.length]).toBe(text.length);
  });
});

describe('normalizeText: expansions that fill the buffer', () => {
  // Found by the property test "keeps lower, cased and toOriginal aligned" (seed -697965030): expansions grew the
  // output past the text's own length, and the trailing separator and the last offset fell off the end.
  it.each([
    ['β β-cells β ', 'beta beta cells beta '],
    ['β ', 'beta '],
    ['ﬃ ﬃ ﬃ ', 'ffi ffi ffi '],
    ['αβ-', 'alphabeta '],
    ['β\u00a0\u2014 ', 'beta '],
  ])('%j keeps its trailing separator and every offset', (text, want) => {
    const r = normalizeText(text);
    expect(r.lower).toBe(want);
    expect(r.cased.length).toBe(want.length);
    expect(r.joins.length).toBe(want.length);
    expect(r.toOriginal.length).toBe(want.length + 1);
    expect(r.toOriginal[want.length]).toBe(text.length);
    // The trailing space maps to the first character of the trailing run.
    expect(r.toOriginal[want.length - 1]).toBe(text.search(/[\s\u00a0\u2014-]+$/));
  });

  it('sizes its buffers from the text, with no fixed headroom', () => {
    const many = 'β'.repeat(1000) + ' ';
    const r = normalizeText(many);
    expect(r.lower).toBe('beta'.repeat(1000) + ' ');
    expect(r.toOriginal[r.lower.length]).toBe(many.length);
    expect(normalizeText('').toOriginal).toEqual(new Uint32Array([0]));
  });
});
