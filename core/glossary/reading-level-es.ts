import type { GlossaryEntry, LocalizedText } from './types';
import { inflesz } from './readability-es';

/** INFLESZ aims for the Spanish text (issue 17): the median "bastante fácil", no entry below "normal". */
export const SPANISH_READING_LIMITS = { minScore: 55, minMedian: 65 } as const;

export function spanishScore(text: Pick<LocalizedText, 'summary' | 'definition'>): number {
  return inflesz(`${text.summary} ${text.definition}`).inflesz;
}

export function spanishScores(entries: readonly GlossaryEntry[]): { id: string; score: number }[] {
  return entries.flatMap((e) => (e.es ? [{ id: e.id, score: spanishScore(e.es) }] : []));
}
