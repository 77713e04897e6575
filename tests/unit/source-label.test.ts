import { describe, expect, it } from 'vitest';
import { loadGlossaryFromDisk } from '../../tools/load-glossary';
import { PUBLISHERS, publisherOf, sourceLabel, sourceTitle } from '../../core/glossary/source-label';
import type { Source } from '../../core/glossary/types';
import { SOURCES } from '../../core/values';
import { GOALS } from '../../core/values/data';

const ada =
  'https://diabetesjournals.org/care/article/48/Supplement_1/S27/157566/2-Diagnosis-and-Classification-of-Diabetes';

describe('sourceLabel', () => {
  it('drops a chapter number and names the publisher once, however the title wrote it', () => {
    const short = {
      title: '2. Diagnosis and Classification of Diabetes: Standards of Care in Diabetes—2025 (ADA, Diabetes Care)',
      url: ada,
    };
    const long = {
      ...short,
      title:
        '2. Diagnosis and Classification of Diabetes: Standards of Care in Diabetes—2025 (American Diabetes Association, Diabetes Care)',
    };
    const expected =
      'Diagnosis and Classification of Diabetes: Standards of Care in Diabetes—2025 (American Diabetes Association)';
    expect(sourceLabel(short)).toBe(expected);
    expect(sourceLabel(long)).toBe(expected);
    expect(sourceLabel({ title: '6.4. Glycemic Goals (ADA)', url: ada })).toBe(
      'Glycemic Goals (American Diabetes Association)',
    );
  });

  it('keeps a number that is part of the title', () => {
    expect(sourceTitle({ title: '2019 consensus on time in range (Diabetes Care)', url: ada })).toBe(
      '2019 consensus on time in range',
    );
    expect(sourceTitle({ title: '15-15 rule (CDC)', url: 'https://www.cdc.gov/x' })).toBe('15-15 rule');
  });

  it('never doubles the parentheses: the title’s own parenthesis becomes an apposition', () => {
    const s = {
      title: 'Low Blood Glucose (Hypoglycemia) (NIDDK)',
      url: 'https://www.niddk.nih.gov/health-information/diabetes/overview/preventing-problems/low-blood-glucose-hypoglycemia',
    };
    expect(sourceLabel(s)).toBe('Low Blood Glucose, Hypoglycemia (NIDDK)');
    expect(
      sourceLabel({
        title: 'Diabetes of the pancreas (ADA and others (2017), PubMed)',
        url: 'https://pubmed.ncbi.nlm.nih.gov/1/',
      }),
    ).toBe('Diabetes of the pancreas (PubMed)');
  });

  it('gives one name per site: MedlinePlus drug information is MedlinePlus, www. and subdomains included', () => {
    const drug = {
      title: 'Metformin (MedlinePlus drug information)',
      url: 'https://medlineplus.gov/druginfo/meds/a696005.html',
    };
    const topic = { title: 'Diabetes (MedlinePlus health topic)', url: 'https://medlineplus.gov/diabetes.html' };
    expect(sourceLabel(drug)).toBe('Metformin (MedlinePlus)');
    expect(sourceLabel(topic)).toBe('Diabetes (MedlinePlus)');
    expect(publisherOf('https://www.niddk.nih.gov/a')).toBe('NIDDK');
    expect(publisherOf('https://new-part.niddk.nih.gov/a')).toBe('NIDDK');
    expect(publisherOf('https://www.diabetes.org/a')).toBe(publisherOf(ada));
  });

  it('adds the publisher to a title that has no attribution', () => {
    expect(sourceLabel({ title: 'Battelino et al., Clinical Targets, Diabetes Care 2019', url: ada })).toBe(
      'Battelino et al., Clinical Targets, Diabetes Care 2019 (American Diabetes Association)',
    );
  });

  it('falls back to the title’s own attribution, then the host, for a site the table does not know', () => {
    expect(publisherOf('https://example.org/a')).toBeUndefined();
    expect(publisherOf('not a url')).toBeUndefined();
    expect(sourceLabel({ title: 'A page (Example Society)', url: 'https://example.org/a' })).toBe(
      'A page (Example Society)',
    );
    expect(sourceLabel({ title: 'A page', url: 'https://www.example.org/a' })).toBe('A page (example.org)');
  });
});

describe('every source the cards show', () => {
  const glossary: Source[] = loadGlossaryFromDisk().flatMap((e) => e.sources);
  const values: Source[] = [...Object.values(SOURCES), ...Object.values(GOALS).map((g) => g.source)];
  const all = [...glossary, ...values];

  it('covers both kinds of card', () => {
    expect(glossary.length).toBeGreaterThan(100);
    expect(values.length).toBeGreaterThan(5);
  });

  it.each([
    ['no chapter number', (l: string) => !/^\d+\./.test(l)],
    ['no doubled parentheses', (l: string) => !l.includes('((') && !l.includes('))') && !/\)\s*\(/.test(l)],
    [
      'balanced parentheses',
      (l: string) => [...l].reduce((d, c) => (d < 0 ? d : d + (c === '(' ? 1 : c === ')' ? -1 : 0)), 0) === 0,
    ],
    [
      'no empty title and no loose punctuation before the publisher',
      (l: string) => !/^\s*\(|[,;:–—-]\s*\([^()]*\)$/.test(l),
    ],
  ])('has %s', (_, ok) => {
    const bad = all.map(sourceLabel).filter((l) => !ok(l));
    expect(bad).toEqual([]);
  });

  it('names every site from the one table, and each site by exactly one name', () => {
    const names = new Map<string, Set<string>>();
    const unknown: string[] = [];
    for (const s of all) {
      const host = new URL(s.url).hostname;
      const publisher = publisherOf(s.url);
      if (!publisher) {
        unknown.push(s.url);
        continue;
      }
      const label = sourceLabel(s);
      expect(label.endsWith(` (${publisher})`), label).toBe(true);
      const inLabel = label.slice(label.lastIndexOf(' (') + 2, -1);
      names.set(host, (names.get(host) ?? new Set()).add(inLabel));
    }
    expect(unknown).toEqual([]);
    for (const [host, set] of names) expect([...set], host).toHaveLength(1);
  });

  it('keeps the table free of parentheses, so a label never nests them', () => {
    for (const name of Object.values(PUBLISHERS)) expect(name).not.toMatch(/[()]/);
  });
});
