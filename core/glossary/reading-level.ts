import type { GlossaryEntry } from './types';
import { fleschKincaid } from './readability';

/** US grade targets from the glossary's plain-language rule: every entry readable, most at grade 8 or below. */
export const READING_LIMITS = { maxGrade: 10, maxMedian: 8 } as const;

export function readingGrades(entries: GlossaryEntry[]): { id: string; grade: number }[] {
  return entries.map((e) => ({ id: e.id, grade: fleschKincaid(`${e.summary} ${e.definition}`).grade }));
}
