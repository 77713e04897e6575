/**
 * Turns glossary entries into the list of normalised keys the automaton is built from. Decides which aliases are
 * highlightable (not `searchOnly`, at least 2 normalised characters), merges spellings that normalise to the same
 * key, adds the "-ies" plural of consonant+y aliases, and refuses a key claimed by two entries.
 */
import type { AliasSpec, GlossaryEntry, Lang } from '../glossary/types';
import { normalizeKey, normalizeKeyCased } from '../text/normalize';
import { flagsOf } from './types';
import { iesVariant } from '../text/plurals';
import { spanishPluralVariants } from '../text/plurals-es';
import { spanishArticleVariants } from '../text/articles-es';

/** Shorter keys ("a", "β" → "beta" is fine) would light up random letters; never compiled. */
const MIN_KEY_LENGTH = 2;

export interface Pattern {
  /** Normalised lowercase key, what the automaton matches. */
  key: string;
  entryId: string;
  /** True when at least one spelling of this key is case-insensitive; then any capitalisation counts. */
  anyCase: boolean;
  /** Normalised case-exact spellings (from `matchCase` aliases); only consulted when `anyCase` is false. */
  casedForms: string[];
  /** A `notWhen` phrase: it wins the text it covers like any match, and then marks nothing. */
  stop?: true;
  /** Every spelling of this key is `topicOnly`: a mark only on a page about diabetes or metabolic health. */
  topicOnly?: true;
  /** Every spelling of this key is `withEntry`: a mark only on a page that names the entry unambiguously too. */
  withEntry?: true;
  /** Some alias of this key is written capitalised in the glossary: a brand or a name ("Ozempic"), not a common noun. */
  proper?: true;
}

export class MatcherCompileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot compile the term matcher:\n  - ${problems.join('\n  - ')}`);
    this.name = 'MatcherCompileError';
  }
}

function aliasText(spec: AliasSpec): string {
  return typeof spec === 'string' ? spec : spec.text;
}

function isMatchCase(spec: AliasSpec): boolean {
  return typeof spec !== 'string' && spec.matchCase === true;
}

function isSearchOnly(spec: AliasSpec): boolean {
  return typeof spec !== 'string' && spec.searchOnly === true;
}

/** A misspelling is the misspelling finder's (core/fuzzy), never a key of the matcher. */
function isMisspelling(spec: AliasSpec): boolean {
  return typeof spec !== 'string' && spec.misspelling === true;
}

function isTopicOnly(spec: AliasSpec): boolean {
  return typeof spec !== 'string' && spec.topicOnly === true;
}

/** A capital at the start of an alias (the display term does not count: every term is written capitalised). */
function isCapitalisedAlias(spec: AliasSpec): boolean {
  const first = aliasText(spec).charAt(0);
  return first !== first.toLowerCase();
}

function isWithEntry(spec: AliasSpec): boolean {
  return typeof spec !== 'string' && spec.withEntry === true;
}

/** The page-context flags of a spelling of `entry`, as pattern fields. */
function contextFlags(entry: GlossaryEntry, spec: AliasSpec): Pick<Pattern, 'topicOnly' | 'withEntry'> {
  return {
    ...(isTopicOnly(spec) || entry.topicOnly ? { topicOnly: true } : {}),
    ...(isWithEntry(spec) ? { withEntry: true } : {}),
  };
}

/**
 * The entries as a page in `lang` words them: a Spanish page's matcher knows each entry by its Spanish term, aliases
 * and `notWhen` phrases (category and `topicOnly` stay the entry's).
 */
export function wordedIn(entries: readonly GlossaryEntry[], lang: Lang): readonly GlossaryEntry[] {
  if (lang === 'en') return entries;
  return entries.flatMap((e) =>
    e.es ? [{ ...e, term: e.es.term, aliases: [...e.es.aliases, ...quotedInEnglish(e)], notWhen: e.es.notWhen }] : [],
  );
}

/**
 * A medicine's one-word English name, which Spanish news and leaflets quote as it is ("su versión de tirzepatide
 * llamada Zepbound"), unless the Spanish wordings already spell it so.
 */
function quotedInEnglish(e: GlossaryEntry): string[] {
  if (e.category !== 'medicine' || !e.es || /\s/.test(e.term)) return [];
  const key = normalizeKey(e.term);
  return [e.es.term, ...e.es.aliases].some((a) => normalizeKey(aliasText(a)) === key) ? [] : [e.term];
}

/** Plural spellings each language's matcher adds to a key, beyond the suffixes the scanner accepts. */
const PLURAL_VARIANTS: Record<Lang, (key: string) => string[]> = {
  en: (key) => {
    const variant = iesVariant(key);
    return variant === undefined ? [] : [variant];
  },
  es: spanishPluralVariants,
};

/** Article spellings each language's matcher adds to a key ("zona de la inyección" for "zona de inyección"). */
const ARTICLE_VARIANTS: Record<Lang, (key: string) => string[]> = {
  en: () => [],
  es: spanishArticleVariants,
};

export function collectPatterns(allEntries: readonly GlossaryEntry[], lang: Lang = 'en'): Pattern[] {
  const entries = wordedIn(allEntries, lang);
  const byKey = new Map<string, Pattern>();
  const sourceText = new Map<string, string>(); // key → first alias that produced it, for error messages
  const problems: string[] = [];

  for (const entry of entries) {
    // The term comes last: an alias with the term's own spelling and flags (e.g. "LADA" matchCase) decides how the
    // term matches, so the display term does not quietly reopen a case-exact acronym to every capitalisation.
    const specs: AliasSpec[] = [...entry.aliases, entry.term];
    // A searchOnly alias spelled like the term makes the term itself search-only (an everyday phrase such as
    // "physical activity" that still deserves an entry the popup can find).
    const searchOnlyKeys = new Set(entry.aliases.filter(isSearchOnly).map((a) => normalizeKey(aliasText(a))));
    for (const spec of specs) {
      const isTerm = spec === entry.term;
      if (isSearchOnly(spec) || isMisspelling(spec)) continue;
      const text = aliasText(spec);
      const key = normalizeKey(text);
      if (isTerm && searchOnlyKeys.has(key)) continue;
      if (key.length < MIN_KEY_LENGTH) continue;
      const matchCase = isMatchCase(spec);
      const existing = byKey.get(key);
      if (existing === undefined) {
        byKey.set(key, {
          key,
          entryId: entry.id,
          anyCase: !matchCase,
          casedForms: matchCase ? [normalizeKeyCased(text)] : [],
          ...contextFlags(entry, spec),
          ...(!isTerm && isCapitalisedAlias(spec) ? { proper: true as const } : {}),
        });
        sourceText.set(key, text);
        continue;
      }
      if (existing.entryId !== entry.id) {
        problems.push(
          `alias "${text}" of entry "${entry.id}" and alias "${sourceText.get(key) ?? key}" of entry ` +
            `"${existing.entryId}" both normalise to "${key}"`,
        );
        continue;
      }
      if (isTerm) continue;
      if (isCapitalisedAlias(spec)) existing.proper = true;
      // A spelling that marks on any page makes the key unambiguous.
      if (!isTopicOnly(spec) && !entry.topicOnly) delete existing.topicOnly;
      if (!isWithEntry(spec)) delete existing.withEntry;
      // Same entry, same key (e.g. "HbA1c" and "HbA1C"): merge; a case-insensitive spelling covers the exact ones.
      if (matchCase) {
        const cased = normalizeKeyCased(text);
        if (!existing.casedForms.includes(cased)) existing.casedForms.push(cased);
      } else {
        existing.anyCase = true;
      }
    }
  }
  for (const entry of entries) {
    for (const phrase of entry.notWhen ?? []) {
      const key = normalizeKey(phrase);
      const existing = byKey.get(key);
      if (existing && !existing.stop) {
        problems.push(
          `"notWhen" phrase "${phrase}" of entry "${entry.id}" is also an alias of entry "${existing.entryId}"`,
        );
      } else if (!existing && key.length >= MIN_KEY_LENGTH) {
        byKey.set(key, { key, entryId: entry.id, anyCase: true, casedForms: [], stop: true });
      }
    }
  }
  if (problems.length > 0) throw new MatcherCompileError(problems);

  // Variants come last and never override an alias (or a notWhen phrase) someone wrote on purpose. Article
  // variants first, so that their plurals are made too ("zonas de la inyección").
  addVariants(byKey, ARTICLE_VARIANTS[lang]);
  addVariants(byKey, PLURAL_VARIANTS[lang]);
  return [...byKey.values()];
}

function addVariants(byKey: Map<string, Pattern>, variantsOf: (key: string) => string[]): void {
  for (const pattern of [...byKey.values()]) {
    if (!pattern.anyCase) continue; // matchCase aliases only take a lowercase "s" / "'s"
    for (const variant of variantsOf(pattern.key)) {
      if (byKey.has(variant)) continue;
      byKey.set(variant, {
        key: variant,
        entryId: pattern.entryId,
        anyCase: true,
        casedForms: [],
        ...(pattern.stop ? { stop: true as const } : flagsOf(pattern)),
      });
    }
  }
}
