import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { loadGlossaryFromDisk, loadNamesFromDisk, readGlossaryFiles } from '../../tools/load-glossary';
import { GlossaryError, isAllowedSourceUrl, validateGlossary, validateNames } from '../../core/glossary/validate';
import { fleschKincaid } from '../../core/glossary/readability';
import { READING_LIMITS, readingGrades } from '../../core/glossary/reading-level';
import { spanishScores, SPANISH_READING_LIMITS } from '../../core/glossary/reading-level-es';
import { CATEGORIES } from '../../core/glossary/types';
import { compileMatcher } from '../../core/matcher';

const good = {
  id: 'example-term',
  term: 'Example term',
  aliases: ['sample term', { text: 'EXT', matchCase: true }],
  category: 'condition',
  summary: 'A short summary in one sentence.',
  definition: 'The first sentence of the definition. The second sentence of it.',
  related: [],
  sources: [{ title: 'MedlinePlus', url: 'https://medlineplus.gov/diabetes.html' }],
  lastReviewed: '2026-11-24',
};

function problemsOf(entries: unknown[]): string[] {
  try {
    validateGlossary([{ file: 'glossary/entries/test.json', data: entries }]);
    return [];
  } catch (err) {
    if (err instanceof GlossaryError) return err.problems;
    throw err;
  }
}

describe('glossary validation', () => {
  it('accepts a well-formed entry', () => {
    expect(problemsOf([good])).toEqual([]);
  });

  it.each([
    [{ ...good, id: 'Bad Id' }, 'field "id"'],
    [{ ...good, term: '' }, 'field "term"'],
    [{ ...good, category: 'misc' }, 'field "category"'],
    [{ ...good, summary: `${'word '.repeat(40)}end.` }, 'field "summary" must be at most 160'],
    [{ ...good, summary: 'Two sentences. Here.' }, 'exactly one sentence'],
    [{ ...good, definition: 'Only one sentence.' }, 'field "definition" must be 2 to 4 sentences'],
    [{ ...good, sources: [] }, 'needs at least one source'],
    [{ ...good, sources: [{ title: 'Blog', url: 'https://example.com/a' }] }, 'not an https URL on an allowed site'],
    [{ ...good, sources: [{ title: 'NIDDK', url: 'http://www.niddk.nih.gov/' }] }, 'not an https URL'],
    [{ ...good, lastReviewed: 'yesterday' }, 'field "lastReviewed"'],
    [{ ...good, aliases: [{ text: 'x', matchCase: 'yes' }] }, '"matchCase" must be true or false'],
    [{ ...good, colour: 'red' }, 'unknown field(s) colour'],
    [{ ...good, topicOnly: 'yes' }, 'field "topicOnly" must be true or false'],
    [{ ...good, category: 'medicine', topicOnly: false }, 'field "topicOnly" false waives a topic-only category'],
    [{ ...good, aliases: [{ text: 'x y', topicOnly: 1 }] }, '"topicOnly" must be true or false'],
    [
      { ...good, aliases: [{ text: 'x y', searchOnly: true, withEntry: true }] },
      '"searchOnly" excludes "topicOnly" and "withEntry"',
    ],
    [{ ...good, related: ['nowhere'] }, 'field "related" has "nowhere", which is not an entry id'],
  ])('names the entry and the field: %#', (entry, message) => {
    const problems = problemsOf([entry]);
    expect(problems.join('\n')).toContain(message);
    expect(problems.join('\n')).toMatch(/entry "(example-term|Bad Id)"|test\.json\[0\]/);
  });

  it('refuses an alias that two entries claim, even spelled differently', () => {
    const other = { ...good, id: 'other-term', term: 'Other term', aliases: ['Sample-Term'] };
    expect(problemsOf([good, other]).join('\n')).toContain(
      'entry "other-term": field "aliases" has "Sample-Term", which entry "example-term" already uses',
    );
  });

  it('folds aliases as the matcher does: β-cell and beta cell are one alias, insulin pump and insulinpump two', () => {
    const greek = { ...good, id: 'greek-term', term: 'Greek term', aliases: ['β-cell'] };
    const latin = { ...good, id: 'latin-term', term: 'Latin term', aliases: ['beta cell'] };
    expect(problemsOf([greek, latin]).join('\n')).toContain(
      'entry "latin-term": field "aliases" has "beta cell", which entry "greek-term" already uses (both read as "beta cell")',
    );
    // What the validator lets through, the matcher compiles (it throws on a key two entries share).
    const spaced = { ...good, id: 'spaced-term', term: 'Spaced term', aliases: ['insulin pump'] };
    const joined = { ...good, id: 'joined-term', term: 'Joined term', aliases: ['insulinpump'] };
    expect(problemsOf([spaced, joined])).toEqual([]);
    const entries = validateGlossary([{ file: 'glossary/entries/test.json', data: [spaced, joined] }]);
    expect(() => compileMatcher(entries)).not.toThrow();
  });

  it('refuses duplicate ids', () => {
    expect(problemsOf([good, { ...good, aliases: [], term: 'Another' }]).join('\n')).toContain('is used twice');
  });

  it('keeps the source allowlist to health authorities', () => {
    expect(isAllowedSourceUrl('https://www.niddk.nih.gov/health-information')).toBe(true);
    expect(isAllowedSourceUrl('https://www.nhs.uk/conditions/type-2-diabetes/')).toBe(true);
    expect(isAllowedSourceUrl('https://nih.gov.evil.example/')).toBe(false);
    expect(isAllowedSourceUrl('https://en.wikipedia.org/wiki/Diabetes')).toBe(false);
  });
});

describe('reading level', () => {
  it('scores simple text low and dense text high', () => {
    expect(fleschKincaid('The cat sat on the mat. It was fat.').grade).toBeLessThan(3);
    expect(
      fleschKincaid(
        'Pharmacological intervention necessitates comprehensive interdisciplinary evaluation of contraindications.',
      ).grade,
    ).toBeGreaterThan(14);
  });
});

describe('the bundled glossary', () => {
  const entries = loadGlossaryFromDisk();

  it('has at least 200 valid entries across every category', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    for (const c of CATEGORIES) expect(entries.filter((e) => e.category === c).length, c).toBeGreaterThan(5);
  });

  it('is written in plain language: every entry at most grade 10, the median at most grade 8', () => {
    const grades = readingGrades(entries);
    const tooHard = grades.filter((g) => g.grade > READING_LIMITS.maxGrade);
    expect(tooHard).toEqual([]);
    const sorted = grades.map((g) => g.grade).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(READING_LIMITS.maxMedian);
  });

  it('is written in Spanish too, in plain Spanish: every entry INFLESZ 55 or more, the median 65 or more', () => {
    expect(entries.filter((e) => !e.es).map((e) => e.id)).toEqual([]);
    const scores = spanishScores(entries);
    expect(scores.filter((s) => s.score < SPANISH_READING_LIMITS.minScore)).toEqual([]);
    const sorted = scores.map((s) => s.score).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(SPANISH_READING_LIMITS.minMedian);
  });

  it('keeps the Spanish text’s numbers in Spanish style: decimal commas, a space before %', () => {
    for (const e of entries) {
      const text = `${e.es?.summary} ${e.es?.definition} ${e.es?.whyItMatters ?? ''}`;
      expect([e.id, text.match(/\d\.\d+\s?%|\d%/g)]).toEqual([e.id, null]);
    }
  });

  it('states in Spanish exactly the numbers the English text states (the facts carry over)', () => {
    // Spanish writes 6,5 and 10.000 or 10 000 where English writes 6.5 and 10,000.
    const numbers = (text: string, spanish: boolean) =>
      (
        (spanish ? text.replace(/(\d)[ .\u00a0](?=\d{3}\b)/g, '$1') : text.replace(/(\d),(?=\d{3}\b)/g, '$1')).match(
          /\d+(?:[.,]\d+)?/g,
        ) ?? []
      )
        .map((n) => (spanish ? n.replace(',', '.') : n))
        .filter((n, i, all) => all.indexOf(n) === i) // a sentence may name "tipo 2" once more
        .sort();
    const differing = entries.filter((e) => {
      const en = numbers(`${e.summary} ${e.definition} ${e.whyItMatters ?? ''}`, false);
      const es = numbers(`${e.es?.summary} ${e.es?.definition} ${e.es?.whyItMatters ?? ''}`, true);
      return en.join(' ') !== es.join(' ');
    });
    expect(differing.map((e) => e.id)).toEqual([]);
  });

  it('covers the terms readers meet most', () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const id of [
      'type-1-diabetes',
      'type-2-diabetes',
      'gestational-diabetes',
      'prediabetes',
      'insulin-resistance',
      'hba1c',
      'fasting-plasma-glucose',
      'oral-glucose-tolerance-test',
      'time-in-range',
      'insulin',
      'glucagon',
      'beta-cells',
      'metformin',
      'glp-1-receptor-agonists',
      'semaglutide',
      'tirzepatide',
      'sglt2-inhibitors',
      'dpp-4-inhibitors',
      'continuous-glucose-monitor',
      'insulin-pump',
      'diabetic-retinopathy',
      'diabetic-neuropathy',
      'glycemic-index',
      'carbohydrate-counting',
      'dietary-fiber',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('gives no dosing advice', () => {
    // A dose is an amount of medicine tied to taking it; "100 units in each milliliter" describes a strength, not a dose.
    const dose =
      /\b(take|takes|taking|inject|injects|start (on|with)|dose of|doses of)\b[^.]{0,40}\b\d+(\.\d+)?\s?(mg|milligrams?|units?|tablets?|pills?)\b/i;
    const dosing = entries.filter((e) => dose.test(`${e.summary} ${e.definition} ${e.whyItMatters ?? ''}`));
    expect(dosing.map((e) => e.id)).toEqual([]);
  });

  it('exports one JSON array through the editor tool', () => {
    const out = execFileSync('npx', ['tsx', 'tools/glossary.ts', 'export'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const exported = JSON.parse(out) as { id: string; sources: unknown[] }[];
    expect(exported).toHaveLength(entries.length);
    expect(Object.keys(exported[0]!)).toEqual(
      expect.arrayContaining(['id', 'term', 'aliases', 'category', 'summary', 'definition', 'related', 'sources']),
    );
  });

  it('reads every file in glossary/entries', () => {
    expect(
      readGlossaryFiles()
        .map((f) => f.file.replace(/^.*entries\//, ''))
        .sort(),
    ).toEqual(CATEGORIES.map((c) => `${c}.json`).sort());
  });
});

describe('glossary/names.json', () => {
  it('is valid, and a bad names file is refused with the item named', () => {
    expect(loadNamesFromDisk()).toContain('Diabetes Care');
    const problems = (raw: unknown) => {
      try {
        validateNames(raw);
        return [];
      } catch (err) {
        return (err as GlossaryError).problems;
      }
    };
    expect(problems({ names: ['Diabetes UK', ' Diabetes Care', '', 'Diabetes UK'] })).toEqual([
      'glossary/names.json: names[1] must be a non-empty string without outer spaces',
      'glossary/names.json: names[2] must be a non-empty string without outer spaces',
      'glossary/names.json: names[3] "Diabetes UK" is listed twice',
    ]);
    expect(problems(['Diabetes UK'])).toEqual(['glossary/names.json: must be an object with a "names" array']);
  });
});
