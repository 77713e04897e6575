import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const GLOSSARY = resolve(import.meta.dirname, '..', '..', 'glossary');

/** Every source URL in the glossary as shipped, in both languages, read from its files. */
export const GLOSSARY_SOURCE_URLS: string[] = ['entries', 'es'].flatMap((dir) =>
  readdirSync(join(GLOSSARY, dir))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join(GLOSSARY, dir, f), 'utf8')) as { sources: { url: string }[] }[])
    .flatMap((e) => e.sources.map((s) => s.url)),
);
