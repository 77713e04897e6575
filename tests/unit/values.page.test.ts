import { describe, expect, it } from 'vitest';
import { matchedBlocks } from './scan-helpers';
import { BlockScanner } from '../../page/scan';
import { batchMarks, comparePoints } from '../../core/session';
import { announcement } from '../../components/card/CardApp';
import { compileMatcher } from '../../core/matcher';
import { explainValue, findValues } from '../../core/values';
import { explainSent, isValueMatch } from '../../core/values/remote';
import type { SegmentMatch } from '../../core/matcher/types';
import type { ValueSegmentMatch } from '../../core/values';
import { isValueReply } from '../../utils/messages';
import { entry } from '../fixtures/matcher/inline-glossary';
import { randomPageNames } from '../../utils/random-id';

const matcher = compileMatcher([
  entry('hba1c', 'HbA1c'),
  entry('bmi', 'BMI'),
  entry('type-2-diabetes', 'Type 2 diabetes'),
]);

/** What the scanner finds under <body>: terms and values as their surface text, in document order. */
function scan(html: string, values = true) {
  document.body.innerHTML = html;
  const scanner = new BlockScanner(document.body);
  while (!scanner.step(() => false));
  const blocks = matchedBlocks(scanner.scanned.batches, matcher, values);
  const textOf = (
    nodes: (Text | null)[],
    s: { start: { segment: number; offset: number }; end: { segment: number; offset: number } },
  ) => {
    let out = '';
    for (let k = s.start.segment; k <= s.end.segment; k++) {
      const data = nodes[k]?.data ?? ' ';
      out += data.slice(k === s.start.segment ? s.start.offset : 0, k === s.end.segment ? s.end.offset : data.length);
    }
    return out;
  };
  return {
    terms: blocks.flatMap((b) => b.matches.map((m) => m.text)),
    values: blocks.flatMap((b) => b.values.map((v) => textOf(b.nodes, v))),
  };
}

describe('BlockScanner with values', () => {
  it('finds values next to terms, mapped onto the right text nodes', () => {
    const found = scan(
      '<p>My HbA<sub>1c</sub> is <b>7.2</b>% and my BMI is 32.</p><p>Fasting glucose of 126 mg/dL.</p>',
    );
    expect(found.terms).toEqual(['HbA1c', 'BMI']);
    expect(found.values).toEqual(['7.2%', '32', '126 mg/dL']);
  });

  it('keeps a value whose unit is also a glossary term', () => {
    const withUnit = compileMatcher([entry('mg-dl', 'mg/dL'), entry('hba1c', 'HbA1c')]);
    document.body.innerHTML = '<p>Fasting glucose was 126 mg/dL, in mg/dL as US labs report it.</p>';
    const scanner = new BlockScanner(document.body);
    while (!scanner.step(() => false));
    const [block] = matchedBlocks(scanner.scanned.batches, withUnit, true);
    const marks = batchMarks(block!.matches, block!.values);
    expect(marks.map((m) => m.kind)).toEqual(['value', 'term']);
  });

  it('finds no values when asked not to, and none in numbers that are not lab values', () => {
    expect(scan('<p>My A1C is 7.2%.</p>', false).values).toEqual([]);
    expect(scan('<p>Type 2 diabetes, Section 6.4, GLP-1, 0.5 mg on 3/4/2024.</p>').values).toEqual([]);
  });

  it('never joins a measure name and a number across blocks', () => {
    expect(scan('<div>A1C</div><div>7.2%</div>').values).toEqual([]);
    expect(scan('<ul><li>My BMI</li><li>32</li></ul>').values).toEqual([]);
  });

  it('reads a line break as a space', () => {
    expect(scan('<p>A1C:<br>6.1%</p>').values).toEqual(['6.1%']);
  });
});

describe('batchMarks', () => {
  const p = (segment: number, offset: number) => ({ segment, offset });
  const term = (start: number, end: number): SegmentMatch => ({
    entryId: 't',
    start: p(0, start),
    end: p(0, end),
    text: '',
  });
  const value = (start: number, end: number): ValueSegmentMatch => ({
    match: findValues('A1C 7%')[0]!,
    start: p(0, start),
    end: p(0, end),
  });

  it('orders terms and values by position', () => {
    expect(batchMarks([term(0, 3), term(20, 25)], [value(10, 12)]).map((m) => m.kind)).toEqual([
      'term',
      'value',
      'term',
    ]);
  });

  it('leaves out a value that partly overlaps a term, keeps one that only touches it', () => {
    expect(batchMarks([term(5, 10)], [value(8, 12)]).map((m) => m.kind)).toEqual(['term']);
    expect(batchMarks([term(5, 10)], [value(0, 6)]).map((m) => m.kind)).toEqual(['term']);
    expect(batchMarks([term(5, 10)], [value(10, 12)]).map((m) => m.kind)).toEqual(['term', 'value']);
  });

  it('lets a term inside a value ("mg/dL" in "126 mg/dL") give way to the value', () => {
    expect(batchMarks([term(0, 3), term(14, 19)], [value(10, 19)]).map((m) => [m.kind, m.start.offset])).toEqual([
      ['term', 0],
      ['value', 10],
    ]);
  });

  it('compares an end at the close of a segment before a start in the next', () => {
    expect(comparePoints(p(0, 5), p(1, 0))).toBeLessThan(0);
    expect(comparePoints(p(2, 1), p(2, 1))).toBe(0);
  });
});

describe('explaining a value sent by a content script', () => {
  const match = findValues('HbA1c 53 mmol/mol')[0]!;

  it('explains what findValues found, through a structured clone', () => {
    const x = explainSent(structuredClone(match));
    expect(x?.conversions.map((c) => c.value).join(' ')).toContain('7.0%');
    expect(isValueReply({ explanation: x })).toBe(true);
  });

  it('refuses payloads that are not values it knows', () => {
    for (const bad of [
      null,
      'A1C 7%',
      { ...match, measure: 'cholesterol' },
      { ...match, measure: 'toString' },
      { ...match, unit: 'mg/dL' },
      { ...match, form: { kind: 'single', value: 'seven' } },
      { ...match, form: { kind: 'range', low: 8, high: 5 } },
      { ...match, form: { kind: 'bound', comparator: '!=', value: 7 } },
      { ...match, text: '' },
    ]) {
      expect(isValueMatch(bad), JSON.stringify(bad)).toBe(false);
      expect(explainSent(bad)).toBeNull();
    }
    expect(isValueReply({ explanation: null })).toBe(true);
    expect(isValueReply({ explanation: { title: 1 } })).toBe(false);
    expect(isValueReply(undefined)).toBe(false);
  });

  it('announces a value card by its title and first verdict', () => {
    const explanation = explainValue(findValues('my A1C is 7.2')[0]!);
    expect(announcement({ kind: 'value', explanation })).toBe(
      `Explanation opened: A1C 7.2%. ${explanation.ranges[0]!.verdict}`,
    );
  });
});

describe('wrap fallback with values', () => {
  it('wraps a value and a term in one text node as different kinds and restores the exact nodes', async () => {
    const { createHighlighter } = await import('../../page/highlighter');
    document.body.innerHTML = '<p>My A1C is 7.2% now.</p>';
    const before = document.body.innerHTML;
    const node = document.querySelector('p')!.firstChild as Text;
    const range = (start: number, end: number) =>
      ({
        startContainer: node,
        startOffset: start,
        endContainer: node,
        endOffset: end,
        collapsed: false,
      }) as AbstractRange;
    const names = randomPageNames();
    const h = createHighlighter(document, names);
    // Back to front, as the controller does with batchMarks' document order.
    h.add(range(10, 14), 'value');
    h.add(range(3, 6), 'term');
    const marks = [...document.querySelectorAll(names.mark)];
    expect(marks.map((m) => [m.textContent, m.getAttribute('data-kind')])).toEqual([
      ['A1C', null],
      ['7.2%', 'value'],
    ]);
    h.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('p')!.firstChild).toBe(node);
  });
});
