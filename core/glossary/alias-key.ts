/**
 * The identity of an alias for duplicate checks: case-folded, compatibility-folded (HbA₁c = HbA1c), and blind to
 * spaces, hyphens and dashes, so "GLP-1" and "GLP 1" count as one alias.
 */
export function aliasKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]+/g, '')
    .replace(/[’‘]/g, "'");
}
