/**
 * The misspelling finder's parts on a small glossary and word list, and its shortcuts held to plain references:
 * SymSpell's prefix variants lose no word within the distance, the raw-text words are the normalised text's letter
 * runs, and a normalised window reads like the whole text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFuzzyData } from '../../core/fuzzy/build';
import { PREFIX_LENGTH, deletionVariants, forEachDeletionHash, hashString } from '../../core/fuzzy/deletes';
import { osaDistance } from '../../core/text/edit-distance';
import { MisspellingFinder } from '../../core/fuzzy/find';
import { forEachRawWord } from '../../core/fuzzy/raw-words';
import { RealWords, letterHash } from '../../core/fuzzy/real-words';
import { EDIT_THRESHOLDS, maxEditsBetween, maxEditsFor } from '../../core/fuzzy/thresholds';
import type { FuzzyData } from '../../core/fuzzy/types';
import { windowAround } from '../../core/fuzzy/window';
import { forEachLetterRun } from '../../core/fuzzy/words';
import { normalizeText } from '../../core/text/normalize';
import { entry } from '../fixtures/matcher/inline-glossary';

const GLOSSARY = [
  entry('metformin', 'Metformin', ['Glucophage', 'metformin hydrochloride']),
  entry('insulin-resistance', 'Insulin resistance', ['resistant to insulin']),
  entry('resistance-training', 'Resistance training', []),
  entry('neuropathy', 'Diabetic neuropathy', ['neuropathy']),
  entry('autonomic-neuropathy', 'Autonomic neuropathy', []),
  entry('hypoglycemia', 'Hypoglycemia', ['hypoglycaemia', { text: 'hypo', searchOnly: true }]),
  entry('hyperglycemia', 'Hyperglycemia', ['hyperglycaemia']),
  entry('statins', 'Statins', ['statin', { text: 'STATIN', matchCase: true }]),
  entry('ketone', 'Ketone', ['ketones']),
  // Two entries one edit from the same misspelling: "glucoxe" could be either.
  entry('glucose', 'Glucose', []),
  entry('glucone', 'Glucone', []),
  entry('searchonly', 'Searchy', [{ text: 'fastingonly', searchOnly: true }]),
  entry('cased', 'Cased', [{ text: 'Casedword', matchCase: true }]),
  entry('retinopathy', 'Retinopathy', []),
];
const DICTIONARY = ['stating', 'insulating', 'statins', 'status', 'metric', 'retinopathy', 'rhinopathy'];

function finder(dictionary: readonly string[] = DICTIONARY): { data: FuzzyData; finder: MisspellingFinder } {
  const data = JSON.parse(JSON.stringify(buildFuzzyData(GLOSSARY, dictionary))) as FuzzyData;
  return { data, finder: new MisspellingFinder(data) };
}

/** Plain dynamic-programming OSA distance, for comparison with the optimised one. */
function referenceOsa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}

describe('thresholds', () => {
  it('allow nothing under 6 letters, 1 edit for 6 to 9 and 2 from 10, the stricter of two lengths', () => {
    expect([5, 6, 9, 10, 14].map((n) => maxEditsFor(n))).toEqual([0, 1, 1, 2, 2]);
    expect(maxEditsBetween(9, 10)).toBe(1);
    expect(maxEditsBetween(5, 12)).toBe(0);
    expect(EDIT_THRESHOLDS.map((row) => row.minLength)).toEqual([6, 10]);
  });
});

describe('osaDistance', () => {
  it('counts a swap of neighbours as one edit and gives up above the bound', () => {
    expect(osaDistance('neuropaht', 'neuropath', 1)).toBe(1);
    expect(osaDistance('glipizde', 'glipizide', 1)).toBe(1);
    expect(osaDistance('abcdef', 'badcfe', 5)).toBe(3);
    expect(osaDistance('metformin', 'xxxxxxxxx', 2)).toBe(3);
  });

  it('agrees with the plain dynamic programme', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = referenceOsa(a, b);
        expect(osaDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }),
    );
  });
});

describe('deletion variants', () => {
  it('hashes each variant as the string would hash', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 12 }),
        fc.integer({ min: 0, max: 2 }),
        (word, depth) => {
          const hashes = new Set<number>();
          forEachDeletionHash(word, word.length, depth, (h) => hashes.add(h));
          expect([...hashes].sort()).toEqual([...new Set(deletionVariants(word, depth).map(hashString))].sort());
        },
      ),
    );
  });

  it('lose no pair within the distance when made from the first PREFIX_LENGTH characters only', () => {
    // The index's promise: two words within the allowed distance share a variant of their prefixes. The second word
    // is the first with up to two random typos, so most pairs are near.
    const letter = fc.constantFrom('a', 'b', 'c', 'd');
    const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'substitute', 'swap'), fc.nat(20), letter);
    const pair = fc.tuple(fc.string({ unit: letter, minLength: 5, maxLength: 13 }), fc.array(edit, { maxLength: 2 }));
    fc.assert(
      fc.property(pair, ([a, edits]) => {
        let b = a;
        for (const [op, at, ch] of edits) {
          const i = at % (b.length + 1);
          if (op === 'insert') b = b.slice(0, i) + ch + b.slice(i);
          else if (op === 'delete') b = b.slice(0, i) + b.slice(i + 1);
          else if (op === 'substitute') b = b.slice(0, i) + ch + b.slice(i + 1);
          else if (i + 1 < b.length) b = b.slice(0, i) + (b[i + 1] ?? '') + (b[i] ?? '') + b.slice(i + 2);
        }
        const allowed = maxEditsBetween(a.length, b.length);
        fc.pre(allowed > 0 && referenceOsa(a, b) <= allowed);
        const ofA = new Set(deletionVariants(a.slice(0, PREFIX_LENGTH), maxEditsFor(a.length)));
        expect(deletionVariants(b.slice(0, PREFIX_LENGTH), maxEditsFor(b.length)).some((v) => ofA.has(v))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('RealWords (the real-word filter)', () => {
  const words = Array.from({ length: 20_000 }, (_, i) => `word${i.toString(36)}x`);
  const filter = RealWords.fromData(RealWords.of(words).toData());

  it('answers every word it was made of, after a trip through the shipped data', () => {
    expect(words.every((w) => filter.has(letterHash(w)))).toBe(true);
  });

  it('takes about one other word in two hundred for a real one', () => {
    const others = Array.from({ length: 20_000 }, (_, i) => `other${i.toString(36)}q`);
    const wrong = others.filter((w) => filter.has(letterHash(w))).length / others.length;
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThan(0.01);
  });

  it('refuses malformed data', () => {
    expect(() => RealWords.fromData({ bits: '', probes: 8 })).toThrow(/malformed/);
    expect(() => RealWords.fromData({ bits: btoa('abc'), probes: 8 })).toThrow(/malformed/);
  });
});

describe('buildFuzzyData', () => {
  it('indexes the long words of aliases marked on pages, case-insensitive ones only', () => {
    const { data } = finder();
    expect(data.words).toContain('metformin');
    expect(data.words).toContain('hydrochloride');
    expect(data.words).toContain('neuropathies'); // the matcher's "-ies" plurals are keys too
    expect(data.words).not.toContain('fastingonly'); // search only
    expect(data.words).not.toContain('casedword'); // case-exact
    expect(data.words.every((w) => w.length >= 6)).toBe(true);
    const phrase = data.aliases.find((a) => a.key === 'insulin resistance');
    expect(phrase).toMatchObject({ entryId: 'insulin-resistance', meant: 'Insulin resistance' });
    expect(phrase?.slots.map(([w, offset]) => [data.words[w], offset])).toEqual([
      ['insulin', 0],
      ['resistance', 8],
    ]);
  });

  it('ships only the real words near an alias word, never an alias word itself', () => {
    const { data } = finder();
    // "stating" is 1 from "statin", "rhinopathy" 2 from "retinopathy"; "status" is 2 from "statin", too far at 6
    // letters; "metric" and "insulating" are near nothing; "statins" and "retinopathy" are aliases.
    expect(data.nearWords).toEqual(['rhinopathy', 'stating']);
  });

  it('is deterministic, whatever the order of the word list', () => {
    const a = JSON.stringify(buildFuzzyData(GLOSSARY, DICTIONARY));
    const b = JSON.stringify(buildFuzzyData(GLOSSARY, [...DICTIONARY].reverse()));
    expect(b).toBe(a);
  });
});

describe('MisspellingFinder', () => {
  const { finder: find } = finder();
  const spans = (text: string): [string, string][] => find.find(text).map((m) => [m.wrote, m.entryId]);

  it('finds a word one edit from an alias word, in input offsets', () => {
    const text = 'She takes Metforman daily.';
    expect(find.find(text)).toEqual([
      { start: 10, end: 19, entryId: 'metformin', wrote: 'Metforman', meant: 'Metformin', distance: 1 },
    ]);
  });

  it('reads a phrase only when its other words stand there exactly', () => {
    expect(spans('insulin resistence rises')).toEqual([['insulin resistence', 'insulin-resistance']]);
    expect(spans('Insulin-Resistence')).toEqual([['Insulin-Resistence', 'insulin-resistance']]);
    expect(spans('resistence alone')).toEqual([]);
    expect(spans('insulin, resistence')).toEqual([]);
    // Between blocks: U+0000 is no separator, as for the matcher.
    expect(spans('insulin\u0000resistence')).toEqual([]);
    expect(spans('insulen resistence')).toEqual([]);
  });

  it('prefers the longest alias at the same distance, even of another entry', () => {
    expect(spans('autonomic neuropathi')).toEqual([['autonomic neuropathi', 'autonomic-neuropathy']]);
    expect(spans('a neuropathi')).toEqual([['neuropathi', 'neuropathy']]);
  });

  it('prefers the closest alias word', () => {
    // "hypoglycimia": 1 from hypoglycemia, 2 from hypoglycaemia and hyperglycemia.
    expect(find.find('hypoglycimia').map((m) => [m.meant, m.distance])).toEqual([['Hypoglycemia', 1]]);
  });

  it('reports nothing for a word equally near two entries', () => {
    expect(spans('glucoxe levels')).toEqual([]);
  });

  it('takes the plural and possessive endings the matcher takes, on the last word only', () => {
    expect(spans('metformans')).toEqual([['metformans', 'metformin']]);
    expect(spans("metforman's dose")).toEqual([["metforman's", 'metformin']]);
    expect(spans('insulin resistences')).toEqual([['insulin resistences', 'insulin-resistance']]);
    expect(spans('resistant to insulins')).toEqual([]); // exact: the matcher's
  });

  it('ends a word where the matcher ends one', () => {
    expect(spans('metforman 500 mg')).toEqual([['metforman', 'metformin']]);
    expect(spans('metforman-500')).toEqual([]); // a dash binds a letter to a digit
    expect(spans('xmetforman')).toEqual([]);
    expect(spans('metfor\u00adman')).toEqual([['metfor\u00adman', 'metformin']]);
  });

  it('leaves real words, exact aliases and their plurals to themselves', () => {
    expect(spans('stating insulating status metric')).toEqual([]);
    expect(spans('statins metformin hypoglycaemia retinopathy')).toEqual([]);
    expect(spans('statings')).toEqual([]); // a real word's plural
    expect(spans('rhinopathy')).toEqual([]);
  });

  it('never reports overlapping spans: the better of two readings sharing a word wins', () => {
    // Both misspelt words are 1 edit off; "resistance trainning" is the longer reading.
    expect(spans('insulen resistance trainning')).toEqual([['resistance trainning', 'resistance-training']]);
    const found = find.find('autonomic neuropathi and metforman hydrochlorid, metformin hydrochlorid');
    expect(found.map((m) => m.wrote)).toEqual(['autonomic neuropathi', 'metforman', 'metformin hydrochlorid']);
  });
});

describe('shortcuts', () => {
  const pieces = [
    'metforman',
    'Insulin',
    'résistence',
    'ﬁbre',
    'β',
    'Ⅱ',
    '\u00ad',
    '\u200b',
    ' ',
    '-',
    '–',
    '2',
    "'s",
    ',',
    '\u0000',
    '\ud83d',
    '\ude00',
    'İ',
    'Ａ',
  ];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));

  it('raw-text words are the letter runs of the normalised text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const raw: [string, number, number][] = [];
        forEachRawWord(text, 1, 1024, (folded, start, end) => raw.push([folded, start, end]));
        const nt = normalizeText(text);
        const runs: [string, number, number][] = [];
        forEachLetterRun(nt.lower, (start, end) => {
          runs.push([nt.lower.slice(start, end), nt.toOriginal[start] ?? 0, (nt.toOriginal[end - 1] ?? 0) + 1]);
        });
        expect(raw).toEqual(runs);
      }),
    );
  });

  it('tells of every word by the hash and length of its folded letters, and visits those in range it may', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 1, max: 8 }), (text, min) => {
        const told: [number, number][] = [];
        const visited: string[] = [];
        const skip = (hash: number, length: number) => told.push([hash, length]) % 2 === 0;
        forEachRawWord(text, min, 1024, (folded) => visited.push(folded), skip);
        const every: string[] = [];
        forEachRawWord(text, 1, 1024, (folded) => every.push(folded));
        expect(told).toEqual(every.map((w) => [letterHash(w), w.length]));
        expect(visited).toEqual(every.filter((w, i) => i % 2 === 0 && w.length >= min));
      }),
    );
  });

  it('a window normalises its middle as the whole text does', () => {
    fc.assert(
      fc.property(textArb, fc.nat(6), fc.nat(6), (text, before, after) => {
        forEachRawWord(text, 1, 1024, (_folded, rawStart, rawEnd) => {
          const win = windowAround(text, rawStart, rawEnd, before, after);
          if (win === undefined) return;
          const whole = normalizeText(text);
          const offset = whole.toOriginal.indexOf(rawStart) - win.start;
          const from = Math.max(0, win.start - before - 1);
          const to = Math.min(win.nt.lower.length, win.end + after + 1);
          for (let i = from; i < to; i++) {
            expect(win.nt.lower[i]).toBe(whole.lower[i + offset]);
            expect(win.nt.joins[i]).toBe(i === 0 && win.base > 0 ? win.nt.joins[i] : whole.joins[i + offset]);
            expect(win.base + (win.nt.toOriginal[i] ?? 0)).toBe(whole.toOriginal[i + offset]);
          }
          // Cut short of what was asked only at the ends of the text itself; never read its first character, whose
          // join (and for a surrogate half, its code) the cut may change.
          const windowEnd = win.base + (win.nt.toOriginal[win.nt.lower.length] ?? 0);
          expect(win.base === 0 || win.start - before - 1 >= 1).toBe(true);
          expect(windowEnd === text.length || win.end + after + 1 < win.nt.lower.length).toBe(true);
        });
      }),
    );
  });
});
