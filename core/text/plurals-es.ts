/**
 * Spanish plurals of glossary wordings, made when the matcher is compiled. Spanish marks the plural on the head noun
 * and the adjectives that agree with it, which come first: "bomba de insulina" → "bombas de insulina", "monitor
 * continuo de glucosa" → "monitores continuos de glucosa". The matcher's own suffixes (-s, -es) already cover a
 * plural on the last word; these are the forms they cannot reach. Keys are normalised (lowercase, accents folded),
 * so "corazón" → "corazones" and "joven" → "jóvenes" need no accent rules.
 */

/** Words that end the head noun's phrase: what follows them does not agree with it ("de insulina", "para la piel"). */
const PHRASE_ENDS = new Set('de del a al en para por con sin y o e u tipo'.split(' '));

/**
 * Words that stay as they are in a plural phrase: Greek letters and nouns in apposition ("células beta", "diabetes
 * tipo 2", "pacientes modelo").
 */
const INVARIANT = new Set('alfa beta gamma delta kappa tipo clave modelo piloto'.split(' '));

/** One word's plural: vowel +s, z → ces, a final s or x stays (análisis, diabetes, tórax), other consonants +es. */
export function spanishWordPlural(word: string): string {
  if (!/^[a-zñ]+$/.test(word) || word.length < 2 || INVARIANT.has(word)) return word;
  const last = word.charAt(word.length - 1);
  if ('aeiou'.includes(last)) return `${word}s`;
  if (last === 'z') return `${word.slice(0, -1)}ces`;
  if (last === 's' || last === 'x') return word;
  return `${word}es`;
}

/**
 * The plurals of a normalised key that the matcher's suffixes cannot reach: the head phrase with its adjectives
 * agreeing ("monitores continuos de glucosa"), and the head noun alone, for a modifier that does not agree
 * ("células madre"). A key whose only change is on its last word is left to the suffixes ("cetona" + s), except
 * for z → ces.
 */
export function spanishPluralVariants(key: string): string[] {
  const words = key.split(' ');
  let end = words.findIndex((w) => PHRASE_ENDS.has(w));
  if (end === -1) end = words.length;
  if (end === 0) return [];
  const agreeing = words.map((w, i) => (i < end ? spanishWordPlural(w) : w));
  const headOnly = words.map((w, i) => (i === 0 ? spanishWordPlural(w) : w));
  const variants = new Set<string>();
  for (const plural of [agreeing, headOnly]) {
    const variant = plural.join(' ');
    if (variant === key) continue;
    const onlyLastWord = plural.slice(0, -1).every((w, i) => w === words[i]);
    if (onlyLastWord && !key.endsWith('z')) continue;
    variants.add(variant);
  }
  return [...variants];
}
