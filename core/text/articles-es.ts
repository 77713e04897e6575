/**
 * Spanish writes or drops the article after a preposition freely in the phrases the glossary lists: "zona de
 * inyección" and "zona de la inyección", "azúcar en sangre" and "azúcar en la sangre", "tiempo en rango" and "tiempo
 * en el rango". The matcher is compiled with both forms of every such phrase, so a page's choice never hides a term
 * the glossary knows under the other. Keys are normalised (lowercase, accents folded).
 */

/** Prepositions after which an article comes and goes without changing what a phrase names. */
const PREPOSITIONS = new Set('de a en con por para sin'.split(' '));
const ARTICLES = new Set('el la los las'.split(' '));
/** "del" and "al" are "de" and "a" with "el" inside them. */
const CONTRACTIONS: Record<string, string> = { del: 'de', al: 'a' };

/**
 * The article forms a word can take, by the gender and number its ending shows: -a, -ción, -dad… feminine, -o
 * masculine, -as/-os plural; an ending that shows neither gets both (the wrong one never occurs on a page).
 */
function articlesFor(preposition: string, word: string): string[][] {
  const masculine = preposition === 'de' ? ['del'] : preposition === 'a' ? ['al'] : [preposition, 'el'];
  const feminine = [preposition, 'la'];
  if (/as$/.test(word)) return [[preposition, 'las']];
  if (/os$/.test(word)) return [[preposition, 'los']];
  if (/s$/.test(word))
    return [
      [preposition, 'los'],
      [preposition, 'las'],
    ];
  if (/(a|cion|sion|dad|tad|tud|umbre|itis|osis)$/.test(word)) return [feminine];
  if (/o$/.test(word)) return [masculine];
  return [feminine, masculine];
}

/**
 * Each variant changes one place: an article after a preposition is dropped, or one is added where there is none.
 * Only inside a phrase (never its first word) and never before a number or a code ("tipo 2", "de 126").
 */
export function spanishArticleVariants(key: string): string[] {
  const words = key.split(' ');
  const variants = new Set<string>();
  const swap = (from: number, to: number, by: string[]) =>
    variants.add([...words.slice(0, from), ...by, ...words.slice(to)].join(' '));
  for (let i = 1; i < words.length - 1; i++) {
    const word = words[i]!;
    const next = words[i + 1]!;
    const contracted = CONTRACTIONS[word];
    if (contracted !== undefined) {
      swap(i, i + 1, [contracted]);
    } else if (PREPOSITIONS.has(word) && ARTICLES.has(next)) {
      if (i + 2 < words.length) swap(i, i + 2, [word]);
    } else if (PREPOSITIONS.has(word) && /^[a-zñ]+$/.test(next)) {
      for (const by of articlesFor(word, next)) swap(i, i + 1, by);
    }
  }
  variants.delete(key);
  return [...variants];
}
