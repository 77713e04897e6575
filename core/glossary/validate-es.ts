import type { AliasSpec, GlossaryEntry, LocalizedText } from './types';
import {
  checkAlias,
  checkSources,
  DATE_PATTERN,
  isAllowedSourceUrl,
  nonEmptyString,
  SUMMARY_MAX_CHARS,
  type Problems,
  type RawGlossaryFile,
} from './validate';
import { countSentences } from './readability';
import { normalizeKey } from '../text/normalize';
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

const KNOWN_FIELDS = [
  'id',
  'term',
  'aliases',
  'summary',
  'definition',
  'whyItMatters',
  'sources',
  'notWhen',
  'lastReviewed',
];

/** One Spanish entry's own fields, held to the English rules (WRITING.md); `name` is how problems name it. */
function checkSpanishText(raw: Record<string, unknown>, name: string, problems: Problems): LocalizedText | undefined {
  const before = problems.length;
  const need = (field: string, ok: boolean, msg: string) => {
    if (!ok) problems.push(`${name}: field "${field}" ${msg}`);
  };
  need('term', nonEmptyString(raw.term), 'must be a non-empty string');
  need('aliases', Array.isArray(raw.aliases), 'must be an array (may be empty)');
  const aliases = Array.isArray(raw.aliases)
    ? raw.aliases
        .map((a, i) => checkAlias(a, `${name}: field "aliases[${i}]"`, problems))
        .filter((a): a is AliasSpec => a !== undefined)
    : [];
  const summary = nonEmptyString(raw.summary) ? raw.summary.trim() : '';
  need('summary', summary.length > 0, 'must be a non-empty string');
  need(
    'summary',
    summary.length <= SUMMARY_MAX_CHARS,
    `must be at most ${SUMMARY_MAX_CHARS} characters (has ${summary.length})`,
  );
  need('summary', !summary || countSentences(summary) === 1, 'must be exactly one sentence ending in . ! or ?');
  const definition = nonEmptyString(raw.definition) ? raw.definition.trim() : '';
  const defSentences = countSentences(definition);
  need('definition', defSentences >= 2 && defSentences <= 4, `must be 2 to 4 sentences (has ${defSentences})`);
  if (raw.whyItMatters !== undefined)
    need('whyItMatters', nonEmptyString(raw.whyItMatters), 'must be a non-empty string when present');
  const sources = checkSources(
    raw.sources,
    `${name}: field "sources"`,
    problems,
    isSpanishSourceUrl,
    'a Spanish-language page (MedlinePlus /spanish/, NIDDK informacion-de-la-salud, CDC, WHO or PAHO /es/) on an allowed site',
  );
  const reviewed = typeof raw.lastReviewed === 'string' ? raw.lastReviewed : '';
  need('lastReviewed', DATE_PATTERN.test(reviewed) && !Number.isNaN(Date.parse(reviewed)), 'must be a date YYYY-MM-DD');
  need(
    'notWhen',
    raw.notWhen === undefined || (Array.isArray(raw.notWhen) && raw.notWhen.every(nonEmptyString)),
    'must be an array of phrases when present',
  );
  const extra = Object.keys(raw).filter((k) => !KNOWN_FIELDS.includes(k));
  if (extra.length)
    problems.push(
      `${name}: unknown field(s) ${extra.join(', ')} (category, related and topicOnly come from the English entry)`,
    );
  if (problems.length > before) return undefined;
  return {
    term: (raw.term as string).trim(),
    aliases,
    summary,
    definition,
    ...(nonEmptyString(raw.whyItMatters) ? { whyItMatters: raw.whyItMatters.trim() } : {}),
    sources,
    ...(Array.isArray(raw.notWhen) && raw.notWhen.length
      ? { notWhen: (raw.notWhen as string[]).map((p) => p.trim()) }
      : {}),
    lastReviewed: reviewed,
  };
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
  checkSpanishAliases(texts, problems);
  return english.map((e) => {
    const es = texts.get(e.id);
    return es ? { ...e, es } : e;
  });
}

/** No Spanish wording in two entries, compared as the matcher compares them (accents and dashes folded). */
function checkSpanishAliases(texts: Map<string, LocalizedText>, problems: Problems): void {
  const owners = new Map<string, string>();
  for (const [id, t] of texts) {
    const seenHere = new Set<string>();
    for (const text of [t.term, ...t.aliases.map((a) => (typeof a === 'string' ? a : a.text))]) {
      const key = normalizeKey(text);
      if (key.length === 0) {
        problems.push(`Spanish entry "${id}": field "aliases" has "${text}", which is empty once normalised`);
        continue;
      }
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const owner = owners.get(key);
      if (owner && owner !== id)
        problems.push(
          `Spanish entry "${id}": field "aliases" has "${text}", which Spanish entry "${owner}" already uses (both read as "${key}")`,
        );
      else owners.set(key, id);
    }
  }
}
