import type { GlossaryEntry, LocalizedText } from './types';
import {
  checkText,
  checkUniqueWordings,
  isAllowedSourceUrl,
  TEXT_FIELDS,
  type Problems,
  type RawGlossaryFile,
  type SourceRule,
} from './validate';
import { isRecord } from '../guards';

/** The Pan American Health Organization (OPS) publishes in Spanish first; the other sites are the English list's. */
const SPANISH_ONLY_DOMAINS = ['paho.org'];

/**
 * Where those sites keep their Spanish pages: MedlinePlus under /spanish/ (drug pages end -es.html), NIDDK under
 * informacion-de-la-salud, CDC, WHO, PAHO and others under /es/, FDA's consumer pages under /consumidores/.
 */
const SPANISH_PATH = /\/(?:spanish|es|espanol)(?:\/|$)|\/informacion-de-la-salud\/|-es\.html$|\/consumidores\//;

export function isSpanishSourceUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const onSite =
    isAllowedSourceUrl(url) ||
    (parsed.protocol === 'https:' &&
      SPANISH_ONLY_DOMAINS.some((d) => parsed.hostname === d || parsed.hostname.endsWith(`.${d}`)));
  return onSite && SPANISH_PATH.test(parsed.pathname);
}

/** The Spanish text's pages: the allowed sites' Spanish pages, and PAHO's. */
const SPANISH_SOURCES: SourceRule = {
  accept: isSpanishSourceUrl,
  rule: 'a Spanish-language page (MedlinePlus /spanish/, NIDDK informacion-de-la-salud, CDC, WHO or PAHO /es/) on an allowed site',
};

/** One Spanish entry's own fields, held to the English rules (`checkText`); `name` is how problems name it. */
function checkSpanishText(raw: Record<string, unknown>, name: string, problems: Problems): LocalizedText | undefined {
  const known: readonly string[] = ['id', ...TEXT_FIELDS];
  const extra = Object.keys(raw).filter((k) => !known.includes(k));
  const text = checkText(raw, name, problems, SPANISH_SOURCES);
  if (!extra.length) return text;
  problems.push(
    `${name}: unknown field(s) ${extra.join(', ')} (category, related and topicOnly come from the English entry)`,
  );
  return undefined;
}

/**
 * Validates the Spanish files against the English entries and returns the entries with their `es` text. Every
 * problem is collected, each naming the entry and the field. `requireEvery`: an English entry without a Spanish
 * version is a problem (the build's rule); off while a file is being written (tools/glossary-es.ts).
 */
export function attachSpanish(
  english: readonly GlossaryEntry[],
  files: RawGlossaryFile[],
  problems: Problems,
  requireEvery = true,
): GlossaryEntry[] {
  const byId = new Map(english.map((e) => [e.id, e]));
  const texts = new Map<string, LocalizedText>();
  for (const { file, data } of files) {
    if (!Array.isArray(data)) {
      problems.push(`${file}: must be a JSON array of entries`);
      continue;
    }
    data.forEach((raw, i) => {
      const label = `${file}[${i}]`;
      if (!isRecord(raw)) {
        problems.push(`${label}: must be an object`);
        return;
      }
      const id = typeof raw.id === 'string' ? raw.id : '';
      const name = `Spanish entry "${id}" (${label})`;
      if (!byId.has(id)) {
        problems.push(`${name}: field "id" is not the id of an English entry`);
        return;
      }
      if (texts.has(id)) {
        problems.push(`${name}: field "id" is used twice in the Spanish glossary`);
        return;
      }
      const text = checkSpanishText(raw, name, problems);
      if (text) texts.set(id, text);
    });
  }
  if (requireEvery) {
    for (const e of english)
      if (!texts.has(e.id) && !problems.some((p) => p.includes(`"${e.id}"`)))
        problems.push(`entry "${e.id}": has no Spanish version (add it to glossary/es/${e.category}.json)`);
  }
  checkUniqueWordings(texts, 'Spanish entry', problems);
  return english.map((e) => {
    const es = texts.get(e.id);
    return es ? { ...e, es } : e;
  });
}
