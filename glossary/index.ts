import type { GlossaryEntry } from '../core/glossary/types';

// Validated at build time (wxt.config.ts `build:before`) and in tests, so the bundle only reads.
const files = import.meta.glob<GlossaryEntry[]>('./entries/*.json', { eager: true, import: 'default' });

export const GLOSSARY: readonly GlossaryEntry[] = Object.values(files).flat();

const byId = new Map(GLOSSARY.map((e) => [e.id, e]));

export function entryById(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}
