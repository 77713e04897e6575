/**
 * Reads the matches of a page in context, before they are marked (the matcher finds wordings; this decides whether
 * the page means our term by them):
 * - a term inside a proper name is dropped (`names.ts`);
 * - a term in a medicine's list of inactive ingredients is dropped (`ingredients.ts`);
 * - a term in an entry of a reference list (a cited work's title or publisher) is dropped (`citations.ts`), and so is
 *   one in a breadcrumb trail (`breadcrumbs.ts`);
 * - an abbreviation the page defines with another meaning ("durable medical equipment (DME)") is dropped on the
 *   whole page, and one it defines by a term of ours ("nocturnal hypoglycemia (NH)") is marked as that term on the
 *   page (`abbreviations.ts`);
 * - matches of `topicOnly` and `withEntry` aliases are kept but flagged; the caller marks them once `allows` says
 *   so: when the page is on topic (`topic.ts`), or names the entry in an unambiguous wording.
 * One instance per page: what it learns (definitions, topic evidence) holds for every later block.
 */
import type { Category } from '../glossary/types';
import { flagsOf, type Match, type MatchFlags } from '../matcher/types';
import { normalizeKey } from '../text/normalize';
import { findAbbreviationDefinitions, type AbbreviationDefinition } from './abbreviations';
import { breadcrumbSpans } from './breadcrumbs';
import { citationSpans } from './citations';
import { ingredientListSpans } from './ingredients';
import { createNameFinder, type NameFinder } from './names';
import { TopicSignal, topicOnlyByEntry, type TopicFacts } from './topic';

export { TopicSignal, TOPIC_MIN_ENTRIES, TOPIC_SHORT_CHARS, topicOnlyByEntry } from './topic';
export { findAbbreviationDefinitions, bestLongForm } from './abbreviations';
export { createNameFinder } from './names';

export interface ContextDeps {
  /** Names written out in full that the name rule's head words miss (`glossary/names.json`). */
  knownNames: readonly string[];
  /** An entry's display term, its category and whether it waives the category's topic rule. */
  termOf(id: string): (TopicFacts & { term: string }) | undefined;
  /** The terms found in `text` (the matcher, on a long form the page gives). */
  matchesIn(text: string): Match[];
}

/** An abbreviation's identity whatever its spacing, case or plural ("DMEs", "MEN-2"). */
function shortKey(text: string): string {
  return normalizeKey(text).replace(/[\s']/g, '').replace(/s$/, '');
}

const STEM = 4;
/** A short form learnt from the page needs two capitals or digits ("NH", "T1D"), so no ordinary word is taken. */
const LEARNABLE = /^(?=(?:.*[\p{Lu}\p{N}]){2})[\p{L}\p{N}][\p{L}\p{N}-]*$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/**
 * Nouns that complete a term of some categories into the phrase a page writes ("antidiabetic therapy", "A1C test
 * results", "CGM system"): the mark covers them too, so the reader sees one term, not a term and a stray word.
 */
const HEAD_NOUNS: Partial<Record<Category, RegExp>> = {
  medicine:
    /^[ \u00a0]+(?:therap(?:y|ies)|treatments?|medications?|medicines?|drugs?|agents?|regimens?|injections?|tablets?|pills?|shots?)(?![\p{L}\p{N}])/iu,
  test: /^[ \u00a0]+(?:tests?|testing|results?|levels?|readings?|values?|numbers?|scores?|checks?)(?![\p{L}\p{N}])/iu,
  device: /^[ \u00a0]+(?:systems?|devices?|supplies)(?![\p{L}\p{N}])/iu,
};
/** How many such nouns a mark may take ("A1C test results" takes two). */
const MAX_HEADS = 2;
/** The FDA's four-letter suffix of a biologic or biosimilar ("insulin glargine-yfgn", "insulina aspart-szjj"). */
const BIOLOGIC_SUFFIX = /^-\p{Ll}{4}(?![\p{L}\p{N}-])/u;

/**
 * A word of two meanings in quotes after "como" / "like": a comparison, not the thing ("la retina funciona como el
 * “sensor” que capta las imágenes").
 */
const FIGURE_BEFORE =
  /(?:^|[\s\u00a0])(?:como|like|as)[\s\u00a0]+(?:(?:el|la|los|las|un|una|unos|unas|a|an|the)[\s\u00a0]+)?[“"«]$/iu;
const FIGURE_AFTER = /^[”"»]/u;

function isFigure(text: string, m: Match): boolean {
  return FIGURE_AFTER.test(text.charAt(m.end)) && FIGURE_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start));
}

/**
 * Strings that name a thing to a machine, not a reader: a web address ("…/metformin-anti-aging…"), a run joined by
 * underscores and dashes ("CSM__0036_banner-diabetes", an image's name left in the text), a file's name
 * ("guia-diabetes.pdf"), a lowercase run whose last dashed part ends in a number after letters ("glucagon-kit2",
 * another image's label; "glp-1" and "tipo-2" are words). A term inside one is part of the name.
 */
const FILE_EXTENSION = String.raw`\.(?:pdf|jpe?g|png|gif|webp|svg|docx?|xlsx?|pptx?)(?![\p{L}\p{N}])`;
const NUMBERED_LABEL = String.raw`(?<![\p{L}\p{N}-])\p{Ll}+(?:-\p{Ll}+)*-\p{Ll}+\p{N}+(?![\p{L}\p{N}-])`;
/**
 * A web address written without its scheme ("el sitio diabetes.sansun.org", "msal.gob.ar"): labels joined by dots
 * that begin with a letter, ending in a top-level domain that is no Spanish word, or three labels or more. Two labels
 * with another ending ("diabetes.es") may be a missing space, and are read.
 */
/** Top-level domains that are no Spanish word: after one dot they end a web address. */
const HOST_ENDINGS = 'org|com|net|gov|edu|info|int|mx|cl|uy';
const BARE_HOST = String.raw`(?<![\p{L}\p{N}@.\/-])\p{Ll}[\p{Ll}\p{N}-]*(?:(?:\.[\p{Ll}\p{N}-]+)*\.(?:${HOST_ENDINGS})|(?:\.[\p{Ll}\p{N}-]+)+\.\p{Ll}{2,3})(?:\/[^\s\u0000]*)?(?![\p{L}\p{N}-])`;
const MACHINE_NAME = new RegExp(
  String.raw`(?:https?:\/\/|www\.)[^\s\u0000]+|[^\s\u0000]*[\p{L}\p{N}]_[^\s\u0000]*|[^\s\u0000]+` +
    FILE_EXTENSION +
    '|' +
    NUMBERED_LABEL +
    '|' +
    BARE_HOST,
  'giu',
);
/**
 * What every machine name holds. Nearly every block has a full stop, so the test for one is for a file's extension:
 * the full scan above runs only on blocks that may hold a machine name.
 */
const MAY_HOLD_MACHINE_NAME = new RegExp(
  String.raw`:\/\/|www\.|_|\p{Ll}-\p{Ll}+\p{N}|\p{Ll}\.\p{Ll}+\.\p{Ll}|\p{Ll}\.(?:${HOST_ENDINGS})(?![\p{L}\p{N}])|` +
    FILE_EXTENSION,
  'iu',
);

function machineNameSpans(text: string): [number, number][] {
  if (!MAY_HOLD_MACHINE_NAME.test(text)) return [];
  return [...text.matchAll(MACHINE_NAME)].map((m) => [m.index, m.index + m[0].length]);
}

/** Share of the long form's words that begin like a word of `term` ("cardiovascular even" ~ "cardiovascular events"). */
function wordOverlap(long: string, term: string): number {
  const words = (s: string) =>
    normalizeKey(s)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 2);
  const own = words(term).map((w) => w.slice(0, STEM));
  const given = words(long);
  if (given.length === 0) return 0;
  return given.filter((w) => own.includes(w.slice(0, STEM))).length / given.length;
}

export class PageContext {
  readonly topic = new TopicSignal();
  /** Short forms this page defines with a meaning other than ours. */
  private readonly foreign = new Set<string>();
  private foreignChanged = false;
  /** Short forms the page defines by one of our terms, with that term's entry (case-exact, as the page writes them). */
  private readonly learnt = new Map<string, MatchFlags & { entryId: string }>();
  /** Entries the page has named in an unambiguous wording. */
  private readonly named = new Set<string>();
  private readonly names: NameFinder;

  constructor(private readonly deps: ContextDeps) {
    this.names = createNameFinder(deps.knownNames);
  }

  /** A `MatchRefiner` (see core/matcher/types): the matches of one batch of text that stand in this page's context. */
  readonly refine = (text: string, matches: Match[]): Match[] => {
    this.topic.addChars(text.length);
    if (matches.length === 0 && this.learnt.size === 0) return matches;
    for (const def of findAbbreviationDefinitions(text)) this.learn(def, text, matches);
    // Stretches that name no term of the page: machine names, inactive ingredients, cited works, breadcrumb trails.
    const unread = [
      ...machineNameSpans(text),
      ...ingredientListSpans(text),
      ...citationSpans(text),
      ...breadcrumbSpans(text),
    ];
    const kept: Match[] = [];
    for (const m of matches) {
      if (this.isForeign(m.text)) continue;
      if (m.topicOnly && isFigure(text, m)) continue;
      if (unread.length && unread.some(([a, b]) => a <= m.start && m.end <= b)) continue;
      if (this.names.isInsideName(text, m.start, m.end, m.proper)) continue;
      // The wording decides what the page has named; the category decides where it is shown (below).
      if (!m.topicOnly && !m.withEntry) {
        this.named.add(m.entryId);
        this.topic.addMention(m.entryId, this.deps.termOf(m.entryId));
      }
      kept.push(m);
    }
    const all = this.learnt.size ? this.withLearnt(text, kept) : kept;
    return all.map((m, i) => {
      const whole = this.withHeadNouns(text, m, all[i + 1]?.start ?? text.length);
      return !whole.topicOnly && topicOnlyByEntry(this.deps.termOf(whole.entryId))
        ? { ...whole, topicOnly: true }
        : whole;
    });
  };

  /**
   * The page's title, with `matches` its terms: a condition of ours named in an unambiguous wording outside a name
   * puts the page on topic. Nothing in a title is marked.
   */
  readTitle(text: string, matches: readonly Match[]): void {
    const showsTopic = (m: Match) =>
      !m.topicOnly &&
      !m.withEntry &&
      this.deps.termOf(m.entryId)?.category === 'condition' &&
      !this.names.isInsideName(text, m.start, m.end, m.proper);
    if (matches.some(showsTopic)) this.topic.declare();
  }

  /**
   * `m` extended over a biologic's suffix and the nouns that complete it (HEAD_NOUNS), never into the next match at
   * `limit`.
   */
  private withHeadNouns(text: string, m: Match, limit: number): Match {
    const category = this.deps.termOf(m.entryId)?.category;
    let end = m.end;
    if (category === 'medicine') {
      const suffix = BIOLOGIC_SUFFIX.exec(text.slice(end, end + 6));
      if (suffix && end + suffix[0].length <= limit) end += suffix[0].length;
    }
    const heads = category && HEAD_NOUNS[category];
    for (let n = 0; heads && n < MAX_HEADS; n++) {
      const next = heads.exec(text.slice(end, end + 20));
      if (!next || end + next[0].length > limit) break;
      end += next[0].length;
    }
    return end === m.end ? m : { ...m, end, text: text.slice(m.start, end) };
  }

  /** Adds the page's own short forms of our terms, where no other match covers them. */
  private withLearnt(text: string, kept: Match[]): Match[] {
    const added: Match[] = [];
    for (const [short, flags] of this.learnt) {
      for (let at = text.indexOf(short); at !== -1; at = text.indexOf(short, at + 1)) {
        let end = at + short.length;
        if (text.charAt(end) === 's' && !WORD_CHAR.test(text.charAt(end + 1))) end++;
        if (WORD_CHAR.test(text.charAt(at - 1)) || WORD_CHAR.test(text.charAt(end))) continue;
        if (kept.some((m) => m.start < end && at < m.end) || added.some((m) => m.start < end && at < m.end)) continue;
        added.push({ ...flags, start: at, end, text: text.slice(at, end) });
      }
    }
    return added.length ? [...kept, ...added].sort((a, b) => a.start - b.start) : kept;
  }

  /**
   * Changes whenever `allows` may answer differently (both what it reads, the topic and the named entries, only
   * grow), so a caller holding matches back knows when to ask again.
   */
  get generation(): number {
    return this.named.size * 2 + (this.topic.onTopic ? 1 : 0);
  }

  /** Whether a match may be marked on this page as far as it has been read. */
  allows(m: Pick<Match, 'entryId' | 'topicOnly' | 'withEntry'>): boolean {
    return (!m.topicOnly || this.topic.onTopic) && (!m.withEntry || this.named.has(m.entryId));
  }

  /** Whether a short form was found defined otherwise since the last call: marks made for it earlier must go. */
  takeForeignChanged(): boolean {
    const changed = this.foreignChanged;
    this.foreignChanged = false;
    return changed;
  }

  isForeign(text: string): boolean {
    return this.foreign.size > 0 && this.foreign.has(shortKey(text));
  }

  /**
   * What a definition teaches. A short form of ours defined by words that hold no term of ours and do not resemble
   * its own name ("durable medical equipment (DME)") means something else here. A short form we lack, defined by
   * exactly one of our terms ("nocturnal hypoglycemia (NH)"), is that term on this page. A definition that holds
   * other terms of ours ("multiple doses of insulin (MDI)") is taken to be about diabetes too, and changes nothing.
   */
  private learn(def: AbbreviationDefinition, text: string, matches: readonly Match[]): void {
    const key = shortKey(def.short);
    if (this.foreign.has(key) || this.learnt.has(def.short)) return;
    const inLong = this.deps.matchesIn(def.long);
    const ours = matches.find((m) => shortKey(m.text) === key && m.end - m.start <= def.short.length + 2);
    if (!def.spelled) {
      // The page said what the short form stands for: the term that ends its words, if one does.
      const last = inLong[inLong.length - 1];
      if (!ours && last && last.end >= def.long.length - 1 && LEARNABLE.test(def.short)) {
        // "Federación Internacional de Diabetes (IDF, por sus siglas en inglés)": the short form is the name's.
        const onPage = matches.find(
          (m) => m.entryId === last.entryId && def.longEnd - 1 <= m.end && m.end <= def.longEnd,
        );
        if (onPage && this.names.isInsideName(text, onPage.start, onPage.end, onPage.proper)) return;
        this.learnt.set(def.short, { entryId: last.entryId, ...flagsOf(last) });
      }
      return;
    }
    if (ours) {
      const entry = this.deps.termOf(ours.entryId);
      if (inLong.length > 0 || (entry !== undefined && wordOverlap(def.long, entry.term) >= 0.5)) return;
      this.foreign.add(key);
      this.foreignChanged = true;
      return;
    }
    const [only] = inLong;
    if (
      inLong.length === 1 &&
      only &&
      only.start === 0 &&
      only.end >= def.long.length - 1 &&
      LEARNABLE.test(def.short)
    ) {
      this.learnt.set(def.short, { entryId: only.entryId, ...flagsOf(only) });
    }
  }
}
