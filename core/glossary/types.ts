/** The shape of one glossary entry as written in `glossary/entries/*.json`. */

export const CATEGORIES = ['condition', 'complication', 'test', 'body', 'medicine', 'device', 'lifestyle'] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  condition: 'Conditions',
  complication: 'Complications',
  test: 'Tests and measures',
  body: 'Body and physiology',
  medicine: 'Medicines',
  device: 'Devices and care',
  lifestyle: 'Food and lifestyle',
};

/**
 * An alias is a plain string (matched case-insensitively on pages and in search), or an object when it needs a flag:
 * - `matchCase`: only this exact capitalisation counts (short acronyms that are also words or names: ADA, GI, LADA);
 * - `searchOnly`: found by the popup search but never marked on a page (too ambiguous in running text: "sugar", "hypo");
 * - `topicOnly`: marked only on a page that is about diabetes or metabolic health (`core/context/topic.ts`): a word
 *   that is a term there and an everyday word elsewhere ("pump", "bolus", "Type 2" alone);
 * - `withEntry`: marked only on a page that also names the entry in one of its unambiguous wordings: a short form
 *   with a second meaning even on diabetes pages ("GI" is the glycemic index on a page that says "glycemic index",
 *   and gastrointestinal on a page about side effects).
 * - `misspelling`: a common misspelling of the term ("metformen", "infusion sights"). It is never compiled into the
 *   matcher: the misspelling finder (core/fuzzy) reads it as an exact misspelling, marked with its own quiet style
 *   and a card that says what the page wrote, only on a page about diabetes; the popup search finds it, and the
 *   "also called" list never shows it.
 */
export type AliasSpec =
  | string
  | {
      text: string;
      matchCase?: boolean;
      searchOnly?: boolean;
      topicOnly?: boolean;
      withEntry?: boolean;
      misspelling?: boolean;
    };

export interface Source {
  title: string;
  url: string;
}

/** The languages an entry is written in. English is the glossary's first language; every entry has both. */
export type Lang = 'en' | 'es';

/**
 * An entry's text in a second language (`glossary/es/*.json`, keyed by the entry's id): its own display term, the
 * wordings pages in that language use, and sources in that language. Category, related ids and `topicOnly` are the
 * entry's, whatever the language.
 */
export interface LocalizedText {
  term: string;
  aliases: AliasSpec[];
  summary: string;
  definition: string;
  whyItMatters?: string;
  sources: Source[];
  notWhen?: string[];
  lastReviewed: string;
}

export interface GlossaryEntry {
  id: string;
  term: string;
  aliases: AliasSpec[];
  category: Category;
  summary: string;
  definition: string;
  whyItMatters?: string;
  related: string[];
  sources: Source[];
  lastReviewed: string;
  /**
   * Phrases in which a highlightable alias means something else ("heat stroke", "stroke of luck"): where one of them
   * is found, nothing inside it is marked.
   */
  notWhen?: string[];
  /**
   * A general-medicine entry (stroke, a urinary tract infection, cirrhosis): every wording of it is `topicOnly`, so it
   * is explained on pages about diabetes or metabolic health and does not by itself make a page count as one.
   * `false` on an entry of a topic-only category (lifestyle) waives that rule: its wordings are about blood sugar on
   * any page ("glycemic index", "diabetes meal plan"), so they are marked anywhere and show a page is on topic.
   */
  topicOnly?: boolean;
  /** The entry in Spanish; the build fails on an entry without it (tools/load-glossary.ts). */
  es?: LocalizedText;
}
