/**
 * English plural and possessive endings, in one place: the matcher accepts them after an alias on the page, makes
 * "-ies" spellings for aliases ending in a consonant + y, and search drops them from what the reader typed.
 */

/** Suffixes any case-insensitive alias may take, longest first ("GLP-1s", "ADA's", "patients'", "glasses"). */
export const SUFFIXES_ANY_CASE = ["'s", "s'", 'es', 's', ''] as const;
/** Case-exact aliases are acronyms: "ADAs" / "ADA's", but "ADAES" is not a plural of anything. */
export const SUFFIXES_CASED = ["'s", 's', ''] as const;

const VOWELS = 'aeiou';

/** "therapy" → "therapies", "ketone body" → "ketone bodies"; "day" keeps "days" (vowel + y takes a plain s). */
export function iesVariant(key: string): string | undefined {
  if (key.length < 2 || !key.endsWith('y')) return undefined;
  const before = key.charAt(key.length - 2);
  if (before < 'a' || before > 'z' || VOWELS.includes(before)) return undefined;
  return `${key.slice(0, -1)}ies`;
}

/** What a typed key may also mean with its plural dropped, most literal first ("therapies" → "therapy"). */
export function singularCandidates(key: string): string[] {
  const out = [key];
  if (key.length > 4 && key.endsWith('ies')) out.push(`${key.slice(0, -3)}y`);
  if (key.length > 3 && key.endsWith('es')) out.push(key.slice(0, -2));
  if (key.length > 2 && key.endsWith('s')) out.push(key.slice(0, -1));
  return out;
}
