import {
  CATEGORIES,
  type AliasSpec,
  type Category,
  type GlossaryEntry,
  type LocalizedText,
  type Source,
} from './types';
import { countSentences } from './readability';
import { normalizeKey } from '../text/normalize';
import { isRecord } from '../guards';
import { TOPIC_ONLY_CATEGORIES } from '../context/topic';

/** Sites whose health pages we cite. A source elsewhere fails validation: readers must be able to trust the link. */
const SOURCE_DOMAINS = [
  'niddk.nih.gov',
  'nih.gov',
  'medlineplus.gov',
  'cdc.gov',
  'diabetes.org',
  'diabetesjournals.org',
  'who.int',
  'fda.gov',
  'nhs.uk',
  'ema.europa.eu',
] as const;

const SUMMARY_MAX_CHARS = 160;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class GlossaryError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Glossary is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'GlossaryError';
  }
}

export function isAllowedSourceUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  return SOURCE_DOMAINS.some((d) => parsed.hostname === d || parsed.hostname.endsWith(`.${d}`));
}

export type Problems = string[];

const ALIAS_FLAGS = ['matchCase', 'searchOnly', 'topicOnly', 'withEntry', 'misspelling'] as const;

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

function checkAlias(raw: unknown, where: string, problems: Problems): AliasSpec | undefined {
  if (nonEmptyString(raw)) return raw.trim();
  if (isRecord(raw) && nonEmptyString(raw.text)) {
    for (const flag of ALIAS_FLAGS) {
      if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') {
        problems.push(`${where}: "${flag}" must be true or false`);
      }
    }
    const unknown = Object.keys(raw).filter((k) => k !== 'text' && !(ALIAS_FLAGS as readonly string[]).includes(k));
    if (unknown.length) problems.push(`${where}: unknown field(s) ${unknown.join(', ')}`);
    if (raw.searchOnly === true && (raw.topicOnly === true || raw.withEntry === true)) {
      problems.push(
        `${where}: "searchOnly" excludes "topicOnly" and "withEntry" (a search-only alias is never marked)`,
      );
    }
    if (raw.misspelling === true && ALIAS_FLAGS.some((f) => f !== 'misspelling' && raw[f] === true)) {
      problems.push(`${where}: "misspelling" takes no other flag (a misspelling is only ever marked as a misspelling)`);
    }
    const spec: Exclude<AliasSpec, string> = { text: raw.text.trim() };
    for (const flag of ALIAS_FLAGS) if (raw[flag] === true) spec[flag] = true;
    return spec;
  }
  problems.push(
    `${where}: must be a non-empty string or { "text": string, ${ALIAS_FLAGS.map((f) => `"${f}"?: boolean`).join(', ')} }`,
  );
  return undefined;
}

/** Which pages count as an entry's sources, and how a problem says so. */
export interface SourceRule {
  accept: (url: string) => boolean;
  rule: string;
}

const ENGLISH_SOURCES: SourceRule = {
  accept: isAllowedSourceUrl,
  rule: `an https URL on an allowed site (${SOURCE_DOMAINS.join(', ')})`,
};

function checkSources(raw: unknown, where: string, problems: Problems, { accept, rule }: SourceRule): Source[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(`${where}: needs at least one source`);
    return [];
  }
  const out: Source[] = [];
  raw.forEach((s, i) => {
    const at = `${where}[${i}]`;
    if (!isRecord(s) || !nonEmptyString(s.title) || !nonEmptyString(s.url)) {
      problems.push(`${at}: needs "title" and "url" strings`);
      return;
    }
    if (!accept(s.url)) problems.push(`${at}: "${s.url}" is not ${rule}`);
    out.push({ title: s.title.trim(), url: s.url.trim() });
  });
  return out;
}

/**
 * The fields an entry's text has in each of its languages (`term`, `aliases`, `summary`, `definition`,
 * `whyItMatters`, `sources`, `notWhen`, `lastReviewed`), held to one set of rules (WRITING.md) whatever the
 * language; `sources` says which pages count as sources. Problems name `name` and the field; undefined if any.
 */
export function checkText(
  raw: Record<string, unknown>,
  name: string,
  problems: Problems,
  sources: SourceRule = ENGLISH_SOURCES,
): LocalizedText | undefined {
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
  const checkedSources = checkSources(raw.sources, `${name}: field "sources"`, problems, sources);
  const reviewed = typeof raw.lastReviewed === 'string' ? raw.lastReviewed : '';
  need('lastReviewed', DATE_PATTERN.test(reviewed) && !Number.isNaN(Date.parse(reviewed)), 'must be a date YYYY-MM-DD');
  need(
    'notWhen',
    raw.notWhen === undefined || (Array.isArray(raw.notWhen) && raw.notWhen.every(nonEmptyString)),
    'must be an array of phrases when present',
  );
  if (problems.length > before) return undefined;
  return {
    term: (raw.term as string).trim(),
    aliases,
    summary,
    definition,
    ...(nonEmptyString(raw.whyItMatters) ? { whyItMatters: raw.whyItMatters.trim() } : {}),
    sources: checkedSources,
    lastReviewed: reviewed,
    ...(Array.isArray(raw.notWhen) && raw.notWhen.length
      ? { notWhen: (raw.notWhen as string[]).map((p) => p.trim()) }
      : {}),
  };
}

/** The fields of an entry's text (`checkText`), for the unknown-field check. */
export const TEXT_FIELDS = [
  'term',
  'aliases',
  'summary',
  'definition',
  'whyItMatters',
  'sources',
  'notWhen',
  'lastReviewed',
] as const;

/** Checks one raw entry's own fields; cross-entry rules (unique ids and aliases, related ids) come after. */
function checkEntry(raw: unknown, label: string, problems: Problems): GlossaryEntry | undefined {
  if (!isRecord(raw)) {
    problems.push(`${label}: must be an object`);
    return undefined;
  }
  const id = typeof raw.id === 'string' ? raw.id : '';
  const name = id ? `entry "${id}" (${label})` : label;
  const before = problems.length;
  const need = (field: string, ok: boolean, msg: string) => {
    if (!ok) problems.push(`${name}: field "${field}" ${msg}`);
  };

  need('id', ID_PATTERN.test(id), 'must be lowercase kebab-case (a-z, 0-9, -)');
  need('category', CATEGORIES.includes(raw.category as Category), `must be one of ${CATEGORIES.join(', ')}`);
  const text = checkText(raw, name, problems);
  need(
    'related',
    Array.isArray(raw.related) && raw.related.every((r) => typeof r === 'string'),
    'must be an array of entry ids',
  );
  need(
    'topicOnly',
    raw.topicOnly === undefined || typeof raw.topicOnly === 'boolean',
    'must be true or false when present',
  );
  need(
    'topicOnly',
    raw.topicOnly !== false || TOPIC_ONLY_CATEGORIES.has(raw.category as Category),
    `false waives a topic-only category's rule (${[...TOPIC_ONLY_CATEGORIES].join(', ')}); elsewhere leave it out`,
  );
  const known: readonly string[] = ['id', 'category', 'related', 'topicOnly', ...TEXT_FIELDS];
  const extra = Object.keys(raw).filter((k) => !known.includes(k));
  if (extra.length) problems.push(`${name}: unknown field(s) ${extra.join(', ')}`);

  if (!text || problems.length > before) return undefined;
  return {
    id,
    ...text,
    category: raw.category as Category,
    related: raw.related as string[],
    ...(typeof raw.topicOnly === 'boolean' ? { topicOnly: raw.topicOnly } : {}),
  };
}

/**
 * No wording in two entries of one language: `texts` are [id, text] pairs, `kind` how problems name an entry
 * ("entry", "Spanish entry").
 */
export function checkUniqueWordings(
  texts: Iterable<[string, Pick<LocalizedText, 'term' | 'aliases'>]>,
  kind: string,
  problems: Problems,
): void {
  const owners = new Map<string, string>();
  for (const [id, t] of texts) {
    const seenHere = new Set<string>();
    for (const text of [t.term, ...t.aliases.map((a) => (typeof a === 'string' ? a : a.text))]) {
      // The matcher's own folding (core/text/normalize.ts): two aliases are one exactly when the matcher would see one.
      const key = normalizeKey(text);
      if (key.length === 0) {
        problems.push(`${kind} "${id}": field "aliases" has "${text}", which is empty once normalised`);
        continue;
      }
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const owner = owners.get(key);
      if (owner && owner !== id)
        problems.push(
          `${kind} "${id}": field "aliases" has "${text}", which ${kind} "${owner}" already uses (both read as "${key}")`,
        );
      else owners.set(key, id);
    }
  }
}

export interface RawGlossaryFile {
  file: string;
  data: unknown;
}

/**
 * Validates every entry of every file and the rules between them. Throws one GlossaryError listing every problem,
 * each naming the entry and the field, so an editor fixes them all in one go.
 */
export function validateGlossary(files: RawGlossaryFile[]): GlossaryEntry[] {
  const problems: Problems = [];
  const entries: GlossaryEntry[] = [];
  for (const { file, data } of files) {
    if (!Array.isArray(data)) {
      problems.push(`${file}: must be a JSON array of entries`);
      continue;
    }
    data.forEach((raw, i) => {
      const entry = checkEntry(raw, `${file}[${i}]`, problems);
      if (entry) entries.push(entry);
    });
  }

  const ids = new Map<string, GlossaryEntry>();
  for (const e of entries) {
    if (ids.has(e.id)) problems.push(`entry "${e.id}": field "id" is used twice`);
    ids.set(e.id, e);
  }

  checkUniqueWordings(
    entries.map((e) => [e.id, e]),
    'entry',
    problems,
  );

  for (const e of entries) {
    for (const r of e.related) {
      if (r === e.id) problems.push(`entry "${e.id}": field "related" lists the entry itself`);
      else if (!ids.has(r)) problems.push(`entry "${e.id}": field "related" has "${r}", which is not an entry id`);
    }
  }

  if (problems.length) throw new GlossaryError(problems);
  return entries;
}

/**
 * Validates `glossary/names.json`: `{ "names": string[] }`, each name written out as it is capitalised, no repeats.
 * Throws a GlossaryError naming each bad item.
 */
export function validateNames(raw: unknown, file = 'glossary/names.json'): string[] {
  if (!isRecord(raw) || !Array.isArray(raw.names))
    throw new GlossaryError([`${file}: must be an object with a "names" array`]);
  const problems: string[] = [];
  const seen = new Set<string>();
  raw.names.forEach((name, i) => {
    if (!nonEmptyString(name) || name !== name.trim())
      problems.push(`${file}: names[${i}] must be a non-empty string without outer spaces`);
    else if (seen.has(name)) problems.push(`${file}: names[${i}] "${name}" is listed twice`);
    else seen.add(name);
  });
  if (problems.length) throw new GlossaryError(problems);
  return raw.names as string[];
}
