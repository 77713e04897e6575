import { describe, expect, it } from 'vitest';
import { compileMatcher, MatcherCompileError, type Match } from '../../core/matcher';
import { entry, TEST_GLOSSARY } from '../fixtures/matcher/inline-glossary';

const matcher = compileMatcher(TEST_GLOSSARY);
const found = (text: string) => matcher.findMatches(text).map((m) => [m.entryId, m.text]);
const ids = (text: string) => matcher.findMatches(text).map((m) => m.entryId);

describe('compileMatcher', () => {
  it('compiles term and aliases of every entry into one automaton', () => {
    expect(matcher.stats.patterns).toBeGreaterThan(TEST_GLOSSARY.length);
    expect(matcher.stats.states).toBeGreaterThan(matcher.stats.patterns);
    expect(matcher.stats.longestKey).toBe('american diabetes association'.length);
  });

  it('skips searchOnly aliases', () => {
    expect(ids('an IR camera')).toEqual([]);
    expect(ids('a gas station pump')).toEqual([]);
    expect(ids('a hypo at night')).toEqual([]);
    expect(ids('GI upset')).toEqual([]);
  });

  it('never compiles an alias shorter than 2 normalised characters', () => {
    expect(ids('X marks the spot, Q - 1')).toEqual([]);
  });

  it('rejects a key claimed by two entries, naming both', () => {
    const clash = [entry('a1', 'HbA1c'), entry('a2', 'Glycated', ['HbA-1c'])];
    expect(() => compileMatcher(clash)).toThrow(MatcherCompileError);
    expect(() => compileMatcher(clash)).toThrow(/"a2".*"a1"|"a1".*"a2"/);
  });

  it('merges spellings of one entry that normalise to the same key', () => {
    const m = compileMatcher([entry('hba1c', 'HbA1c', ['HbA1C', 'HbA-1c', { text: 'HBA1C', matchCase: true }])]);
    expect(m.findMatches('hba1c').map((x) => x.entryId)).toEqual(['hba1c']);
  });

  it('compiles an empty glossary to a matcher that finds nothing', () => {
    expect(compileMatcher([]).findMatches('insulin')).toEqual([]);
  });
});

describe('case', () => {
  it('is case-insensitive by default', () => {
    expect(ids('INSULIN, Insulin, insulin')).toEqual(['insulin', 'insulin', 'insulin']);
  });

  it('matches matchCase aliases only in their exact capitalisation', () => {
    expect(ids('the ADA says')).toEqual(['american-diabetes-association']);
    expect(ids('Ada Lovelace and ada')).toEqual([]);
    expect(ids('DM or dm')).toEqual(['diabetes']);
  });

  it("accepts only a lowercase s or 's after a matchCase alias", () => {
    expect(found("ADA's, ADA’s, ADAs")).toEqual([
      ['american-diabetes-association', "ADA's"],
      ['american-diabetes-association', 'ADA’s'],
      ['american-diabetes-association', 'ADAs'],
    ]);
    expect(ids('ADAS ADAes ADAss')).toEqual([]);
    // The apostrophe already ends the word, so the bare acronym still counts.
    expect(found("ADA'S")).toEqual([['american-diabetes-association', 'ADA']]);
  });
});

describe('neighbouring matches of one entry', () => {
  it('are one mark when only white space stands between them', () => {
    expect(found('ADA ADA\u00a0ADA, ADA')).toEqual([
      ['american-diabetes-association', 'ADA ADA\u00a0ADA'],
      ['american-diabetes-association', 'ADA'],
    ]);
  });
});

describe('whole words', () => {
  it('needs a non-word character (or text edge) on both sides', () => {
    expect(ids('ADA')).toEqual(['american-diabetes-association']);
    expect(ids('Canada and CANADA')).toEqual([]);
    expect(ids('insulinoma')).toEqual([]);
    expect(ids('preinsulin')).toEqual([]);
    expect(ids('(insulin).')).toEqual(['insulin']);
  });

  it('reads words joined by an underscore as one identifier, not a mention', () => {
    // A wiki mirror's credit line names its source article by its address's title.
    expect(ids('the article Insulin_resistance from Wikipedia')).toEqual([]);
    expect(ids('metformin_500.pdf, insulin_, _A1C')).toEqual([]);
    expect(ids('insulin resistance (insulin)')).toEqual(['insulin-resistance', 'insulin']);
  });

  it('does not find A1C inside a longer token', () => {
    expect(ids('XA1C and A1C3')).toEqual([]);
    expect(ids('HbA 1c')).toEqual(['hba1c']);
  });

  it('does not find DPP in DPP-4, but finds it on its own', () => {
    expect(found('DPP-4 is an enzyme; the DPP trial')).toEqual([['diabetes-prevention-program', 'DPP']]);
    expect(found('DPP‑4 inhibitors')).toEqual([['dpp-4-inhibitors', 'DPP‑4 inhibitors']]);
  });

  it('still treats a word followed by a spaced number as whole', () => {
    expect(found('metformin 500 mg')).toEqual([['metformin', 'metformin']]);
    expect(found('an A1C 7% goal')).toEqual([['hba1c', 'A1C']]);
    expect(found('HbA1c 48 mmol/mol')).toEqual([['hba1c', 'HbA1c']]);
  });

  it('does not match "type II" outside "type II diabetes"', () => {
    expect(ids('a type II error')).toEqual([]);
    expect(found('type II diabetes')).toEqual([['type-2-diabetes', 'type II diabetes']]);
  });
});

describe('separator and Unicode variants', () => {
  it('treats hyphen, dash, space and no separator between letter and digit alike', () => {
    for (const s of ['GLP-1', 'GLP1', 'GLP 1', 'GLP‑1', 'GLP–1', 'GLP\u00a01', 'glp-1']) {
      expect(found(`the ${s} hormone`)).toEqual([['glp-1', s]]);
    }
    for (const s of [
      'type 2 diabetes',
      'type-2 diabetes',
      'Type 2 Diabetes',
      'type‑2\u00a0diabetes',
      'type2 diabetes',
    ]) {
      expect(ids(s)).toEqual(['type-2-diabetes']);
    }
  });

  it('matches HbA₁c, HbA1c and HbA 1c', () => {
    expect(found('HbA₁c, HbA1c, HbA 1c, Hb A1c')).toEqual([
      ['hba1c', 'HbA₁c'],
      ['hba1c', 'HbA1c'],
      ['hba1c', 'HbA 1c'],
      ['hba1c', 'Hb A1c'],
    ]);
  });

  it('matches β and α spelled out', () => {
    expect(found('β-cells and α cell')).toEqual([
      ['beta-cells', 'β-cells'],
      ['alpha-cells', 'α cell'],
    ]);
  });

  it('sees through soft hyphens, zero-width characters and NBSP', () => {
    expect(found('insu\u00adlin re\u200bsis\u00adtance')).toEqual([
      ['insulin-resistance', 'insu\u00adlin re\u200bsis\u00adtance'],
    ]);
    expect(found('insulin\u00a0resistance')).toEqual([['insulin-resistance', 'insulin\u00a0resistance']]);
  });

  it('does not let ™ or ® glue onto a brand name', () => {
    expect(found('Ozempic™ and Wegovy®')).toEqual([
      ['semaglutide', 'Ozempic'],
      ['semaglutide', 'Wegovy'],
    ]);
  });

  it('matches curly-apostrophe aliases', () => {
    expect(found('Alzheimer’s disease')).toEqual([['alzheimers', 'Alzheimer’s disease']]);
  });
});

describe('plural and possessive suffixes', () => {
  it("accepts s, es, 's and s'", () => {
    expect(found("ketones, GLP-1s, insulin’s role, the T2Ds, metformin's, patients' ketone's")).toEqual([
      ['ketone-body', 'ketones'],
      ['glp-1', 'GLP-1s'],
      ['insulin', 'insulin’s'],
      ['type-2-diabetes', 'T2Ds'],
      ['metformin', "metformin's"],
      ['ketone-body', "ketone's"],
    ]);
    expect(found('two gliptins; A1Ces; A1Cses')).toEqual([
      ['dpp-4-inhibitors', 'gliptins'],
      ['hba1c', 'A1Ces'],
    ]);
    expect(found("GLP-1 agonists' effects")).toEqual([['glp-1-receptor-agonists', "GLP-1 agonists'"]]);
  });

  it('generates the -ies plural of consonant+y aliases', () => {
    expect(found('insulin therapies and ketone bodies')).toEqual([
      ['insulin-therapy', 'insulin therapies'],
      ['ketone-body', 'ketone bodies'],
    ]);
  });

  it('does not accept other endings', () => {
    expect(ids('insulins insulinx metformins metforminx')).toEqual(['insulin', 'metformin']);
  });
});

describe('leftmost-longest, non-overlapping', () => {
  it('prefers the longest alias at a position', () => {
    expect(found('type 2 diabetes mellitus')).toEqual([['type-2-diabetes', 'type 2 diabetes mellitus']]);
    expect(found('insulin resistance')).toEqual([['insulin-resistance', 'insulin resistance']]);
    expect(found('GLP-1 receptor agonists')).toEqual([['glp-1-receptor-agonists', 'GLP-1 receptor agonists']]);
  });

  it('prefers the leftmost match over a longer one that overlaps it', () => {
    // "human insulin" (start 0) and "insulin therapy" (start 6, longer) overlap: the leftmost one wins.
    expect(found('human insulin therapy')).toEqual([['insulin', 'human insulin']]);
  });

  it('returns sorted, non-overlapping matches', () => {
    const ms: Match[] = matcher.findMatches('Type 2 diabetes, T2D, diabetes, DM and HbA1c and insulin');
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
    expect(ms.map((m) => m.entryId)).toEqual([
      'type-2-diabetes',
      'type-2-diabetes',
      'diabetes',
      'diabetes',
      'hba1c',
      'insulin',
    ]);
  });

  it('merges overlapping occurrences of the same entry into one match', () => {
    expect(found('a once-weekly insulin icodec trial')).toEqual([['insulin-icodec', 'once-weekly insulin icodec']]);
    expect(found('once-weekly insulin and icodec')).toEqual([
      ['insulin-icodec', 'once-weekly insulin'],
      ['insulin-icodec', 'icodec'],
    ]);
  });

  it('falls back to a shorter alias when the longer one is not a whole word', () => {
    expect(found('type 2 diabetes mellitusx')).toEqual([['type-2-diabetes', 'type 2 diabetes']]);
  });
});

describe('original offsets', () => {
  it('maps matches back to exact ranges of the input', () => {
    const text = 'On GLP\u20111s,  HbA₁c\u00a0fell';
    for (const m of matcher.findMatches(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(matcher.findMatches(text).map((m) => [m.start, m.end])).toEqual([
      [3, 9],
      [12, 17],
    ]);
  });

  it('excludes dropped characters at the edges of a match', () => {
    const text = '\u00adinsulin\u200b resistance\u00ad.';
    const [m] = matcher.findMatches(text);
    expect(m).toMatchObject({ start: 1, end: text.length - 2 });
  });
});

describe('findMatchesInSegments', () => {
  it('matches across inline markup: HbA<sub>1c</sub>', () => {
    expect(matcher.findMatchesInSegments(['Your ', 'HbA', '1c', ' result'])).toEqual([
      { entryId: 'hba1c', start: { segment: 1, offset: 0 }, end: { segment: 2, offset: 2 }, text: 'HbA1c' },
    ]);
  });

  it('matches across <b>insulin</b> resistance', () => {
    expect(matcher.findMatchesInSegments(['insulin', ' resistance'])).toEqual([
      {
        entryId: 'insulin-resistance',
        start: { segment: 0, offset: 0 },
        end: { segment: 1, offset: 11 },
        text: 'insulin resistance',
      },
    ]);
  });

  it('treats a " " segment (for <br>) as a separator', () => {
    expect(matcher.findMatchesInSegments(['type 2', ' ', 'diabetes']).map((m) => m.entryId)).toEqual([
      'type-2-diabetes',
    ]);
    expect(matcher.findMatchesInSegments(['type 2', 'diabetes'])).toEqual([]);
  });

  it('skips empty segments and ends a match in the segment of its last character', () => {
    expect(matcher.findMatchesInSegments(['', 'met', '', 'formin', '', ' is'])).toEqual([
      { entryId: 'metformin', start: { segment: 1, offset: 0 }, end: { segment: 3, offset: 6 }, text: 'metformin' },
    ]);
    expect(matcher.findMatchesInSegments([])).toEqual([]);
  });
});

describe('a case-exact alias spelled like the term', () => {
  it('makes the display term case-exact too (LADA, not the car Lada)', () => {
    const m = compileMatcher([
      entry('lada', 'LADA', [{ text: 'LADA', matchCase: true }, 'latent autoimmune diabetes in adults']),
    ]);
    expect(m.findMatches('She has LADA, not type 2.').map((x) => x.text)).toEqual(['LADA']);
    expect(m.findMatches('He drove a Lada to the lada dealer.')).toEqual([]);
  });
});

describe('notWhen phrases', () => {
  const stroke = {
    ...entry('stroke', 'Stroke', ['brain attack']),
    notWhen: ['heat stroke', 'stroke of luck', 'brush stroke'],
  };
  const m = compileMatcher([stroke, entry('heat-exhaustion', 'Heat exhaustion')]);

  it('marks nothing inside a phrase where the term means something else', () => {
    expect(m.findMatches('Whales die from heat stroke in summer.')).toEqual([]);
    expect(m.findMatches('It was a stroke of luck.')).toEqual([]);
    expect(m.findMatches('Heat strokes and brush strokes.')).toEqual([]);
  });

  it('still marks the term everywhere else, and other terms next to the phrase', () => {
    expect(m.findMatches('A stroke needs fast care; heat exhaustion is different.').map((x) => x.entryId)).toEqual([
      'stroke',
      'heat-exhaustion',
    ]);
  });

  it("refuses a phrase that is another entry's alias", () => {
    expect(() =>
      compileMatcher([{ ...stroke, notWhen: ['heat exhaustion'] }, entry('heat-exhaustion', 'Heat exhaustion')]),
    ).toThrow(MatcherCompileError);
  });
});

describe('the build-time matcher', () => {
  it('finds exactly what a freshly compiled matcher finds, after a trip through JSON', async () => {
    const { roundTripMatcher } = await import('../../core/matcher/precompile');
    const loaded = roundTripMatcher(TEST_GLOSSARY);
    const fresh = compileMatcher(TEST_GLOSSARY);
    const text =
      'Type II diabetes, HbA₁c and GLP-1 receptor agonists; the ADA and DPP-4 inhibitors; Ozempic’s hypoglycaemia. DM, Dm, heat stroke.';
    expect(loaded.findMatches(text)).toEqual(fresh.findMatches(text));
    expect(loaded.findMatches(text).length).toBeGreaterThan(5);
    expect(loaded.stats).toEqual(fresh.stats);
  });

  it('loads from the data of an empty glossary', async () => {
    const { roundTripMatcher } = await import('../../core/matcher/precompile');
    expect(roundTripMatcher([]).findMatches('insulin resistance')).toEqual([]);
  });

  it('ships sorted keys and a light term index, not the glossary text', async () => {
    const { precompileMatcher } = await import('../../core/matcher/precompile');
    const data = precompileMatcher(TEST_GLOSSARY);
    const keys = data.keys.split('\n');
    expect([...keys].sort()).toEqual(keys);
    expect(data.terms[0]).toEqual({
      id: TEST_GLOSSARY[0]!.id,
      term: TEST_GLOSSARY[0]!.term,
      category: TEST_GLOSSARY[0]!.category,
    });
    expect(JSON.stringify(data)).not.toContain(TEST_GLOSSARY[0]!.summary);
  });
});
