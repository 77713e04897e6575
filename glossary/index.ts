import type { GlossaryEntry, LocalizedText } from '../core/glossary/types';

// Validated at build time (wxt.config.ts `build:before`) and in tests, so the bundle only reads.
const files = import.meta.glob<GlossaryEntry[]>('./entries/*.json', { eager: true, import: 'default' });
const spanishFiles = import.meta.glob<(LocalizedText & { id: string })[]>('./es/*.json', {
  eager: true,
  import: 'default',
});
const spanish = new Map(Object.values(spanishFiles).flatMap((texts) => texts.map(({ id, ...text }) => [id, text])));

/** Every entry with its Spanish text (`es`), which the validator makes sure every entry has. */
export const GLOSSARY: readonly GlossaryEntry[] = Object.values(files)
  .flat()
  .map((e) => {
    const es = spanish.get(e.id);
    return es ? { ...e, es } : e;
  });

const byId = new Map(GLOSSARY.map((e) => [e.id, e]));

export function entryById(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}
