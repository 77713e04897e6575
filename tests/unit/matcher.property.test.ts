/**
 * Property tests: random texts built from glossary surface forms, traps, plain words, separators and invisible
 * characters, checked against invariants that must hold for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type Match } from '../../core/matcher';
import { iesVariant } from '../../core/text/plurals';
import { normalizeKey, normalizeKeyCased, normalizeText } from '../../core/text/normalize';
import { TEST_GLOSSARY } from '../fixtures/matcher/inline-glossary';
import { loadGlossaryFromDisk } from '../../tools/load-glossary';
import { referenceMatcher } from './reference-matcher';

const matcher = compileMatcher(TEST_GLOSSARY);

const WORDS = [
  'insulin',
  'Insulin',
  'INSULIN',
  'resistance',
  'type',
  'Type',
  '2',
  'II',
  'diabetes',
  'Diabetes',
  'mellitus',
  'GLP',
  'glp',
  '1',
  '1s',
  'RA',
  'RAs',
  'agonist',
  'receptor',
  'HbA',
  'HbA₁c',
  'A1C',
  'A1c',
  '1c',
  'Hb',
  'DPP',
  '4',
  'inhibitors',
  'ADA',
  'Ada',
  "ADA's",
  'Canada',
  'β',
  'α',
  'cells',
  'cell',
  'beta',
  'ketone',
  'bodies',
  'body',
  'therapy',
  'therapies',
  'metformin',
  'Metformin',
  '500',
  'mg',
  'Ozempic™',
  'Wegovy',
  'pump',
  'gas',
  'the',
  'a',
  'of',
  'and',
  'T2D',
  'T2Ds',
  'DM',
  'dm',
  'human',
  'low',
  'blood',
  'sugar',
  'glucose',
  'Alzheimer’s',
  'disease',
  'X',
  'Q',
  'es',
  's',
  "'s",
  "s'",
  'y',
  '7.0',
  '%',
  'mmol/L',
  '(',
  ')',
  ',',
  '.',
  ';',
  '💉',
];
/** Whole surface forms, so multi-word aliases show up often (and get cut by separators and noise). */
const PHRASES = [
  'type 2 diabetes',
  'Type-2 Diabetes',
  'type II diabetes',
  'type II error',
  'GLP-1',
  'GLP\u20111s',
  'GLP 1 RAs',
  'GLP-1 receptor agonists',
  'HbA 1c',
  'HbA₁c',
  'Hb A1c',
  'insulin resistance',
  'insulin-resistant',
  'DPP-4 inhibitors',
  'DPP\u20114',
  'β-cells',
  'α cell',
  'ketone bodies',
  'insulin therapies',
  'human insulin therapy',
  'low blood sugar',
  "Alzheimer's disease",
  'diabetes mellitus',
  'once-weekly insulin icodec',
  'icodec',
  'American Diabetes Association',
  'metformin 500 mg',
  'A1C 7%',
];
const SEPARATORS = [' ', ' ', ' ', '-', '\u2011', '\u2013', '\u00a0', '\n', '  ', ' - ', ''];
const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

/** Text as alternating words and separators, so aliases appear often and in every spacing. */
const textArb = fc
  .array(
    fc.tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom(...WORDS), weight: 3 },
        { arbitrary: fc.constantFrom(...PHRASES), weight: 1 },
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Every key a match of `entryId` may normalise to: each alias key, its -ies variant, times every suffix. */
function allowedKeys(entryId: string): Set<string> {
  const out = new Set<string>();
  const e = TEST_GLOSSARY.find((x) => x.id === entryId);
  if (!e) return out;
  for (const spec of [e.term, ...e.aliases]) {
    if (typeof spec !== 'string' && spec.searchOnly) continue;
    const text = typeof spec === 'string' ? spec : spec.text;
    const matchCase = typeof spec !== 'string' && spec.matchCase === true;
    const key = matchCase ? normalizeKeyCased(text) : normalizeKey(text);
    const bases = [key];
    const ies = matchCase ? undefined : iesVariant(key);
    if (ies) bases.push(ies);
    const suffixes = matchCase ? ['', 's', "'s"] : ['', 's', 'es', "'s", "s'"];
    for (const b of bases) for (const s of suffixes) out.add(b + s);
  }
  return out;
}

function expectSortedNonOverlapping(ms: Match[]): void {
  for (const m of ms) expect(m.start).toBeLessThan(m.end);
  for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
}

const RUNS = { numRuns: 400 };

describe('matcher properties', () => {
  it('(a) every match maps back exactly: normalising the slice gives an alias plus suffix', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const m of matcher.findMatches(text)) {
          const slice = text.slice(m.start, m.end);
          expect(slice).toBe(m.text);
          const keys = [...allowedKeys(m.entryId)];
          const lower = normalizeKey(slice);
          const cased = normalizeKeyCased(slice);
          const exact = keys.includes(lower) || keys.includes(cased);
          // Overlapping aliases of one entry merge ("once-weekly insulin" + "insulin icodec"): then the slice starts
          // with one alias and ends with another.
          const merged =
            keys.some((k) => lower.startsWith(k) || cased.startsWith(k)) &&
            keys.some((k) => lower.endsWith(k) || cased.endsWith(k));
          expect(exact || merged, `${JSON.stringify(slice)} for ${m.entryId}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('(b) matches are sorted and non-overlapping', () => {
    fc.assert(
      fc.property(textArb, (text) => expectSortedNonOverlapping(matcher.findMatches(text))),
      RUNS,
    );
  });

  it('(c) soft hyphens, zero-width characters and NBSP never change which entries are found', () => {
    const noisy = textArb.chain((text) =>
      fc
        .array(fc.tuple(fc.nat(text.length), fc.constantFrom(...INVISIBLE)), { maxLength: 12 })
        .chain((inserts) => fc.boolean().map((nbsp) => ({ text, inserts, nbsp }))),
    );
    fc.assert(
      fc.property(noisy, ({ text, inserts, nbsp }) => {
        let changed = text;
        // Insert from the end so earlier positions stay valid.
        for (const [pos, ch] of [...inserts].sort((x, y) => y[0] - x[0]))
          changed = changed.slice(0, pos) + ch + changed.slice(pos);
        // NBSP stands in for a space, and may pad an existing space.
        if (nbsp) changed = changed.replace(/ /g, (_, i: number) => (i % 2 === 0 ? '\u00a0' : ' \u00a0'));
        const before = matcher.findMatches(text).map((m) => m.entryId);
        const after = matcher.findMatches(changed).map((m) => m.entryId);
        expect(after).toEqual(before);
      }),
      RUNS,
    );
  });

  it('(d) segmented matching equals matching the concatenated string', () => {
    const split = textArb.chain((text) =>
      fc.uniqueArray(fc.nat(text.length), { maxLength: 10 }).map((cuts) => {
        const sorted = [...cuts, 0, text.length].sort((a, b) => a - b);
        const segments: string[] = [];
        for (let i = 1; i < sorted.length; i++) segments.push(text.slice(sorted[i - 1], sorted[i]));
        return { text, segments };
      }),
    );
    fc.assert(
      fc.property(split, ({ text, segments }) => {
        const offsets: number[] = [];
        segments.reduce((acc, s) => (offsets.push(acc), acc + s.length), 0);
        const absolute = matcher.findMatchesInSegments(segments).map((m) => {
          expect(m.start.offset).toBeLessThan(segments[m.start.segment]!.length);
          expect(m.end.offset).toBeGreaterThan(0);
          expect(m.end.offset).toBeLessThanOrEqual(segments[m.end.segment]!.length);
          return {
            entryId: m.entryId,
            start: offsets[m.start.segment]! + m.start.offset,
            end: offsets[m.end.segment]! + m.end.offset,
            text: m.text,
          };
        });
        expect(absolute).toEqual(
          matcher.findMatches(text).map(({ entryId, start, end, text: t }) => ({ entryId, start, end, text: t })),
        );
      }),
      RUNS,
    );
  });

  it('the one-pass matcher finds exactly what normalising everything and searching every key finds', () => {
    const reference = referenceMatcher(TEST_GLOSSARY);
    const anyText = fc.oneof(
      textArb,
      // Invisible and expanding characters, stray surrogates and digits glued to words, anywhere.
      fc
        .array(fc.constantFrom(...WORDS, ...PHRASES, ...SEPARATORS, ...INVISIBLE, 'ﬁ', '²', '\ud83d', 'İ', 'K', '½'), {
          maxLength: 40,
        })
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(matcher.findMatches(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the one-pass matcher on the real glossary', () => {
  const glossary = loadGlossaryFromDisk();
  const fast = compileMatcher(glossary);
  const reference = referenceMatcher(glossary);
  const surfaces = glossary.flatMap((e) => [
    e.term,
    ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text)),
    ...(e.notWhen ?? []),
  ]);
  // Glue and traps: digits after words ("take 2 hour glucose test"), ligatures cutting a key ("LCHﬁ"), case.
  // Sentence starts, where a lowercase case-exact alias may be capitalised ("Lancets"), and what comes before them.
  const bits = [
    'take',
    'the',
    'LCH',
    'HF',
    'ﬁ',
    'ﬂ',
    '²',
    'β',
    's',
    "'s",
    'es',
    'ies',
    'Canada',
    'pump',
    '2',
    '15',
    '/',
    '(',
    ')',
    '.',
    'Lancet',
    'Lancets',
    'The Lancet',
    '•',
    ':',
    '“',
    '\u0000',
    '! (',
    '?  "',
  ];
  const text = fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...surfaces), fc.constantFrom(...bits)),
        fc.constantFrom(...SEPARATORS, ...INVISIBLE),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

  it('finds exactly what the reference finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(fast.findMatches(t)).toEqual(reference(t));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('normalizeText properties', () => {
  const anyText = fc.oneof(textArb, fc.string({ unit: 'binary', maxLength: 60 }));

  it('keeps lower, cased and toOriginal aligned and monotonic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = normalizeText(text);
        expect(r.cased.length).toBe(r.lower.length);
        expect(r.toOriginal.length).toBe(r.lower.length + 1);
        expect(r.joins.length).toBe(r.lower.length);
        expect(r.toOriginal[r.lower.length]).toBe(text.length);
        for (let i = 1; i <= r.lower.length; i++) expect(r.toOriginal[i]!).toBeGreaterThanOrEqual(r.toOriginal[i - 1]!);
        for (let i = 0; i < r.lower.length; i++) expect(r.toOriginal[i]!).toBeLessThan(text.length);
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeText(text);
        const twice = normalizeText(once.cased);
        expect(twice.cased).toBe(once.cased);
        expect(twice.lower).toBe(once.lower);
      }),
      RUNS,
    );
  });
});
