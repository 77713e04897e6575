import { syllable } from 'syllable';

/** Words are runs of letters/digits (apostrophes and inner dots kept), so "6.5%" and "A1C's" count once. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.]*/gu;
/** A sentence ends at . ! or ? followed by a space or the end (so 6.5 and mg/dL. behave). */
const SENTENCE_END = /[.!?]+(?=\s|$)/g;

export interface ReadingScore {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

/**
 * Numbers and acronyms, spoken alike in both languages' scores: each digit group one syllable, an acronym one per
 * letter spoken (A1C = 3); undefined for a word.
 */
export function symbolSyllables(word: string): number | undefined {
  if (/^[\d.,]+$/.test(word)) return 1;
  if (/^[A-Z0-9]{2,6}$/.test(word)) return word.replace(/\d+/g, '1').length;
  return undefined;
}

/** Words, sentences (at least one) and syllables of `text`, each word's syllables counted by `syllablesOf`. */
export function countText(text: string, syllablesOf: (word: string) => number): Omit<ReadingScore, 'grade'> {
  const words = text.match(WORD) ?? [];
  const sentences = Math.max(1, (text.match(SENTENCE_END) ?? []).length);
  const syllables = words.reduce((sum, w) => sum + syllablesOf(w.replace(/['’.]+$/, '')), 0);
  return { words: words.length, sentences, syllables };
}

const englishSyllables = (word: string) => symbolSyllables(word) ?? Math.max(1, syllable(word));

/** Flesch-Kincaid grade level: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59. */
export function fleschKincaid(text: string): ReadingScore {
  const counted = countText(text, englishSyllables);
  const n = Math.max(1, counted.words);
  const grade = 0.39 * (n / counted.sentences) + 11.8 * (counted.syllables / n) - 15.59;
  return { ...counted, grade: Math.round(grade * 10) / 10 };
}

export function countSentences(text: string): number {
  return (text.trim().match(SENTENCE_END) ?? []).length;
}
