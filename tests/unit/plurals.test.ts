import { describe, expect, it } from 'vitest';
import { SUFFIXES_ANY_CASE, SUFFIXES_CASED, iesVariant, singularCandidates } from '../../core/text/plurals';

describe('plural and possessive endings (core/text/plurals.ts)', () => {
  it('makes -ies spellings after a consonant + y only', () => {
    expect(iesVariant('therapy')).toBe('therapies');
    expect(iesVariant('ketone body')).toBe('ketone bodies');
    expect(iesVariant('day')).toBeUndefined();
    expect(iesVariant('y')).toBeUndefined();
  });

  it('gives search the singulars a typed plural may mean, the literal key first', () => {
    expect(singularCandidates('therapies')).toEqual(['therapies', 'therapy', 'therapi', 'therapie']);
    expect(singularCandidates('glasses')).toEqual(['glasses', 'glass', 'glasse']);
    expect(singularCandidates('gas')).toEqual(['gas', 'ga']);
    expect(singularCandidates('a1c')).toEqual(['a1c']);
  });

  it('lets acronyms take fewer endings than words', () => {
    expect(SUFFIXES_ANY_CASE).toContain('es');
    expect(SUFFIXES_CASED).not.toContain('es');
    // Longest first, so "glasses" is read as glass + es before glasse + s.
    expect([...SUFFIXES_ANY_CASE].map((x) => x.length)).toEqual(
      [...SUFFIXES_ANY_CASE].map((x) => x.length).sort((a, b) => b - a),
    );
  });
});
