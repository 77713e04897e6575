import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../glossary/index';
import { createSearch, type SearchResult } from '../../core/search';
import type { GlossaryEntry } from '../../core/glossary/types';

const glossary = createSearch(GLOSSARY);

/** Query → id of the entry that must come first, against the real glossary. */
const FIRST_RESULT: [query: string, id: string][] = [
  // exact terms and abbreviations
  ['a1c', 'hba1c'],
  ['HbA1c', 'hba1c'],
  ['hemoglobin A1-C', 'hba1c'],
  ['HbA₁c', 'hba1c'],
  // the matcher's folding (core/text/normalize.ts): β is beta, whichever way either side writes it
  ['β-cells', 'beta-cells'],
  ['beta cell', 'beta-cells'],
  ['cgm', 'continuous-glucose-monitor'],
  ['glp1', 'glp-1-receptor-agonists'], // bare GLP-1 means the medicines on most pages (glossary/JUDGEMENTS.md)
  ['glp-1 hormone', 'glp-1'],
  ['GLP-1 RA', 'glp-1-receptor-agonists'],
  ['dka', 'diabetic-ketoacidosis'],
  ['bmi', 'body-mass-index'],
  ['ogtt', 'oral-glucose-tolerance-test'],
  ['t2d', 'type-2-diabetes'],
  ['dpp4', 'dpp-4-inhibitors'],
  ['egfr', 'egfr'],
  ['ldl', 'ldl-cholesterol'],
  ['pcos', 'pcos'],
  ['tzd', 'thiazolidinediones'],
  ['metformin', 'metformin'],
  ['insulin pump', 'insulin-pump'],
  // brand names
  ['ozempic', 'semaglutide'],
  ['Wegovy', 'semaglutide'],
  ['mounjaro', 'tirzepatide'],
  ['jardiance', 'empagliflozin'],
  ['januvia', 'sitagliptin'],
  ['lantus', 'insulin-glargine'],
  ['glucophage', 'metformin'],
  ['omnipod', 'patch-pump'],
  ['freestyle libre', 'continuous-glucose-monitor'],
  // misspellings
  ['insulin resistence', 'insulin-resistance'],
  ['ozempik', 'semaglutide'],
  ['metformn', 'metformin'],
  ['diabetis', 'diabetes-mellitus'],
  ['retinopaty', 'diabetic-retinopathy'],
  ['continous glucose monitor', 'continuous-glucose-monitor'],
  ['time in rnage', 'time-in-range'],
  ['insuline', 'insulin'],
  ['gastroparisis', 'gastroparesis'],
  ['trigylcerides', 'triglycerides'],
  // British spellings
  ['hypoglycaemia', 'hypoglycemia'],
  ['haemoglobin a1c', 'hba1c'],
  ['sulphonylurea', 'sulfonylureas'],
  ['fibre', 'dietary-fiber'],
  ['glycaemic index', 'glycemic-index'],
  // prefixes
  ['semaglutid', 'semaglutide'],
  ['sglt', 'sglt2-inhibitors'],
  ['glargin', 'insulin-glargine'],
  ['prediab', 'prediabetes'],
  ['gestat', 'gestational-diabetes'],
  // everyday words, plurals and word order
  ['low blood sugar', 'hypoglycemia'],
  ['high blood pressure', 'hypertension'],
  ['carbs', 'carbohydrates'],
  ['diabetes type 2', 'type-2-diabetes'],
  ['fatty liver', 'masld'],
  ['closed loop', 'automated-insulin-delivery'],
  ['beta cell', 'beta-cells'],
  ['hypo', 'hypoglycemia'],
];

function ids(results: SearchResult[]): string[] {
  return results.map((r) => r.entry.id);
}

describe('search: the first result', () => {
  it('has a real glossary to search', () => {
    expect(GLOSSARY.length).toBeGreaterThan(100);
  });

  it.each(FIRST_RESULT)('%s → %s', (query, id) => {
    expect(ids(glossary.search(query, 5))[0]).toBe(id);
  });

  it('names only entries that exist', () => {
    const known = new Set(GLOSSARY.map((e) => e.id));
    expect(FIRST_RESULT.map(([, id]) => id).filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('search: ranking', () => {
  it('puts an exact alias before longer names that start with it', () => {
    const [first, second] = glossary.search('cgm');
    expect(first?.kind).toBe('exact');
    expect(second?.kind).toBe('prefix');
  });

  it('lists prefix hits shortest first', () => {
    const prefixes = glossary.search('insulin p').filter((r) => r.kind === 'prefix');
    const lengths = prefixes.map((r) => r.matched.length);
    expect(prefixes.length).toBeGreaterThan(1);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('finds an entry by its summary when no name matches', () => {
    const results = glossary.search('kidneys');
    expect(results.some((r) => r.kind === 'summary')).toBe(true);
  });

  it('returns each entry once and respects the limit', () => {
    const results = glossary.search('insulin', 7);
    expect(results).toHaveLength(7);
    expect(new Set(ids(results)).size).toBe(7);
  });

  it('returns nothing for an empty query or unrelated words', () => {
    expect(glossary.search('   ')).toEqual([]);
    expect(glossary.search('the weather today')).toEqual([]);
  });

  it('does not forgive typos in very short queries', () => {
    expect(glossary.search('cgx').filter((r) => r.kind === 'fuzzy')).toEqual([]);
  });
});

describe('search: emphasis', () => {
  const emphasised = (r: SearchResult | undefined) => r?.indices.map(([s, e]) => r.matched.slice(s, e));

  it('marks the typed prefix of the matched name', () => {
    const [r] = glossary.search('semaglu');
    expect(r?.matched).toBe('Semaglutide');
    expect(emphasised(r)).toEqual(['Semaglu']);
  });

  it('maps emphasis back across hyphens and spaces the query left out', () => {
    const [r] = glossary.search('hemoglobin a1');
    expect(emphasised(r)).toEqual(['hemoglobin A1']);
  });

  it('marks each matched word', () => {
    // Words in another order than any alias has them ("diabetes type 2" is itself an alias now).
    const [r] = glossary.search('resistance insulin');
    expect(emphasised(r)).toEqual(['Insulin', 'resistance']);
  });

  it('keeps fuzzy emphasis inside the matched name', () => {
    for (const r of glossary.search('insulin resistence')) {
      for (const [s, e] of r.indices) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(r.matched.length);
        expect(s).toBeLessThan(e);
      }
    }
  });
});

describe('bestMatch (explain selection)', () => {
  const best = (text: string) => glossary.bestMatch(text)?.id ?? null;

  it.each([
    ['HbA1c', 'hba1c'],
    ['  “A1C” ', 'hba1c'],
    ['the A1C', 'hba1c'],
    ['Ozempic', 'semaglutide'],
    ['GLP-1 receptor agonists', 'glp-1-receptor-agonists'],
    ['metformn', 'metformin'],
    ['insulin resistence', 'insulin-resistance'],
    ['ketones', 'ketones'],
    ['diabetes type 2', 'type-2-diabetes'],
  ])('explains %j as %s', (text, id) => {
    expect(best(text)).toBe(id);
  });

  it.each([
    'the weather today',
    'insulin resistance is common in people who carry extra weight around the middle',
    'kidney',
    'x',
    '',
    'sglt',
    'semaglu',
  ])('finds no entry for %j', (text) => {
    expect(best(text)).toBeNull();
  });
});

describe('createSearch on a small glossary', () => {
  const entry = (id: string, term: string, aliases: GlossaryEntry['aliases'] = []): GlossaryEntry => ({
    id,
    term,
    aliases,
    category: 'test',
    summary: 'A made-up entry.',
    definition: '',
    related: [],
    sources: [],
    lastReviewed: '2026-01-01',
  });

  it('lets a term beat an alias at the same fuzzy distance', () => {
    // "Blood meter" sorts first, so only the alias penalty can put the term ahead.
    const s = createSearch([entry('alias-one', 'Blood meter', ['Glucometer']), entry('term-one', 'Glucometer')]);
    expect(ids(s.search('glucometre'))).toEqual(['term-one', 'alias-one']);
  });

  it('finds search-only aliases in search but never guesses from a typo of one', () => {
    const s = createSearch([entry('hypoglycemia', 'Hypoglycemia', [{ text: 'hypos', searchOnly: true }])]);
    expect(ids(s.search('hypos'))).toEqual(['hypoglycemia']);
    expect(s.bestMatch('hypoz')).toBeNull();
  });

  it('refuses a typo that two entries are equally close to', () => {
    const s = createSearch([entry('a', 'Glucose'), entry('b', 'Glucase')]);
    expect(s.bestMatch('Glucise')).toBeNull();
  });
});

describe('search: emphasis stays on whole words', () => {
  /** Queries from a new user's tour, where fuse.js letter indices used to scatter marks through words. */
  const TOUR = [
    'insulin resistence',
    'insulin regimen',
    'pen injector',
    'ozempik',
    'hba1c',
    'a1c',
    'metforman',
    'glp1',
  ];
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  const foldText = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const marks = (r: SearchResult) => r.indices.map(([s, e]) => r.matched.slice(s, e));
  const hit = (query: string, matched: string) => glossary.search(query, 50).find((r) => r.matched === matched);

  /** Every mark of every result, with what it needs to be judged. */
  function everyMark(query: string): { query: string; matched: string; start: number; end: number }[] {
    return glossary
      .search(query, 50)
      .flatMap((r) => r.indices.map(([start, end]) => ({ query, matched: r.matched, start, end })));
  }

  it.each(TOUR)('%s: each mark starts a word and covers two characters or more', (query) => {
    const bad = everyMark(query).filter(
      ({ matched, start, end }) => isWordChar(matched[start - 1]) || foldText(matched.slice(start, end)).length < 2,
    );
    expect(bad).toEqual([]);
  });

  it.each(TOUR)('%s: each mark is a whole word or a prefix the query typed', (query) => {
    const typed = [foldText(query), ...query.toLowerCase().split(/\s+/).map(foldText)];
    const bad = everyMark(query).filter(({ matched, start, end }) => {
      const wholeWord = !isWordChar(matched[end]);
      return !wholeWord && !typed.some((t) => t.startsWith(foldText(matched.slice(start, end))));
    });
    expect(bad).toEqual([]);
  });

  it('marks the whole word a misspelled query word stands for', () => {
    expect(marks(hit('insulin resistence', 'Insulin resistance')!)).toEqual(['Insulin', 'resistance']);
    expect(marks(hit('ozempik', 'Ozempic')!)).toEqual(['Ozempic']);
    expect(marks(hit('metforman', 'Metformin')!)).toEqual(['Metformin']);
  });

  it('marks only the words a query word matched, nothing of the near misses', () => {
    expect(marks(hit('insulin resistence', 'insulin regimen')!)).toEqual(['insulin']);
    expect(marks(hit('insulin resistence', 'insulin pen injector')!)).toEqual(['insulin']);
    expect(marks(hit('pen injector', 'Jet injector')!)).toEqual(['injector']);
    expect(marks(hit('ozempik', 'glucose spike')!)).toEqual([]);
  });

  it('marks a shared prefix of at least half the query word when the rest differs too much', () => {
    expect(marks(hit('insulin resistent', 'insulin resistance syndrome')!)).toEqual(['insulin', 'resist']);
  });

  it('lets one query word cover a hyphenated name, as one mark', () => {
    expect(marks(hit('glp1', 'GLP-1/GIP')!)).toEqual(['GLP-1']);
    expect(marks(hit('glp1 receptor', 'GIP/GLP-1 receptor agonist')!)).toEqual(['GLP-1', 'receptor']);
    expect(marks(hit('GLP-1 RA', 'GLP-1 release')!)).toEqual(['GLP-1']);
  });

  it('does not mark a one-letter prefix, even one the query typed', () => {
    expect(glossary.search('m', 5).flatMap(marks)).toEqual([]);
    // ("insulin a" would be "insulina", the Spanish term, once spaces are folded away.)
    expect(marks(hit('insulin l', 'Long-acting insulin')!)).toEqual(['insulin']);
  });
});

describe('misspellings the glossary lists', () => {
  // Beyond fuse.js's reach alone: three edits, a run-together phrase, a regional misspelling.
  it.each([
    ['metmorfin', 'metformin'],
    ['bloodsugar', 'blood-glucose'],
    ['glycosolated hemoglobin', 'hba1c'],
    ['tujeo', 'insulin-glargine'],
  ])('finds %s, for the popup and a selection alike', (query, id) => {
    expect(glossary.search(query)[0]?.entry.id).toBe(id);
    expect(glossary.bestMatch(query)?.id).toBe(id);
  });
});
