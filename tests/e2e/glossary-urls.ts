import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ENTRIES = resolve(import.meta.dirname, '..', '..', 'glossary', 'entries');

/** Every source URL in the glossary as shipped, read from its files. */
export const GLOSSARY_SOURCE_URLS: string[] = readdirSync(ENTRIES)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(ENTRIES, f), 'utf8')) as { sources: { url: string }[] }[])
  .flatMap((e) => e.sources.map((s) => s.url));
