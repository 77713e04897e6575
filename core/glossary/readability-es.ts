/**
 * Spanish readability: the Szigriszt-Pazos perspicuity index read on the INFLESZ scale (Barrio-Cantalejo et al.,
 * 2008), the scale Spanish health writing is usually judged by. Flesch-Kincaid's English syllable weights do not
 * transfer: Spanish words carry more syllables for the same difficulty.
 */

import { countText, symbolSyllables } from './readability';

/** a, e, o and any accented vowel are nuclei of their own; i, u (and y as a vowel) join a neighbour. */
const STRONG = new Set([...'aeoáéíóú']);
const WEAK = new Set([...'iuüy']);

export interface SpanishReadingScore {
  words: number;
  sentences: number;
  syllables: number;
  /** Szigriszt-Pazos index, 0 to 100: higher is easier. */
  inflesz: number;
}

/** The INFLESZ bands: the aims for our entries are "bastante fácil" (65 to 80) and never below "normal" (55). */
export function infleszBand(score: number): string {
  if (score < 40) return 'muy difícil';
  if (score < 55) return 'algo difícil';
  if (score < 65) return 'normal';
  if (score < 80) return 'bastante fácil';
  return 'muy fácil';
}

/**
 * Syllables of one Spanish word, by its vowel nuclei: in a run of vowels each strong or accented vowel is a nucleus
 * (hiatus: "le-e", "dí-a") and weak vowels fold into a diphthong or triphthong ("bien", "cuai"). A "y" is a vowel
 * only where no vowel follows it ("hay", "muy", "y"). Numbers count one per group and acronyms one per letter, as the
 * English scorer does, so the two languages' scores treat "A1C" and "126" alike.
 */
export function spanishSyllables(word: string): number {
  const symbol = symbolSyllables(word);
  if (symbol !== undefined) return symbol;
  const w = word.toLowerCase();
  let count = 0;
  let strongInRun = 0;
  let inRun = false;
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    const isY = c === 'y';
    const vowel = STRONG.has(c) || (WEAK.has(c) && (!isY || !isVowelAt(w, i + 1)));
    if (vowel) {
      inRun = true;
      if (STRONG.has(c)) strongInRun++;
    } else if (inRun) {
      count += Math.max(1, strongInRun);
      inRun = false;
      strongInRun = 0;
    }
  }
  if (inRun) count += Math.max(1, strongInRun);
  return Math.max(1, count);
}

function isVowelAt(w: string, i: number): boolean {
  const c = w[i];
  return c !== undefined && c !== 'y' && (STRONG.has(c) || WEAK.has(c));
}

/** Szigriszt-Pazos: 206.835 − 62.3 × (syllables / words) − (words / sentences). */
export function inflesz(text: string): SpanishReadingScore {
  const counted = countText(text, spanishSyllables);
  const n = Math.max(1, counted.words);
  const score = 206.835 - 62.3 * (counted.syllables / n) - n / counted.sentences;
  return { ...counted, inflesz: Math.round(score * 10) / 10 };
}
