/**
 * Reads the matches of a page in context, before they are marked (the matcher finds wordings; this decides whether
 * the page means our term by them):
 * - a term inside a proper name is dropped (`names.ts`);
 * - an abbreviation the page defines with another meaning ("durable medical equipment (DME)") is dropped on the
 *   whole page (`abbreviations.ts`);
 * - matches of `topicOnly` aliases are kept but flagged; the caller marks them once `topic.onTopic` (`topic.ts`).
 * One instance per page: what it learns (definitions, topic evidence) holds for every later block.
 */
import type { Category } from '../glossary/types';
import type { Match } from '../matcher/types';
import { normalizeKey } from '../text/normalize';
import { findAbbreviationDefinitions, type AbbreviationDefinition } from './abbreviations';
import { createNameFinder, type NameFinder } from './names';
import { TopicSignal } from './topic';

export { TopicSignal, TOPIC_CHARS_PER_MENTION, TOPIC_MIN_ENTRIES } from './topic';
export { findAbbreviationDefinitions, bestLongForm } from './abbreviations';
export { createNameFinder } from './names';

export interface ContextDeps {
  /** Names written out in full that the name rule's head words miss (`glossary/names.json`). */
  knownNames: readonly string[];
  /** An entry's display term and category. */
  termOf(id: string): { term: string; category: Category } | undefined;
  /** The entries whose wordings occur in `text` (the matcher, on a long form the page gives). */
  entriesIn(text: string): string[];
}

/** An abbreviation's identity whatever its spacing, case or plural ("DMEs", "MEN-2"). */
function shortKey(text: string): string {
  return normalizeKey(text).replace(/[\s']/g, '').replace(/s$/, '');
}

const STEM = 4;

/** Share of the long form's words that begin like a word of `term` ("cardiovascular even" ~ "cardiovascular events"). */
function wordOverlap(long: string, term: string): number {
  const words = (s: string) => normalizeKey(s).split(/[^a-z0-9]+/).filter((w) => w.length >= 2);
  const own = words(term).map((w) => w.slice(0, STEM));
  const given = words(long);
  if (given.length === 0) return 0;
  return given.filter((w) => own.includes(w.slice(0, STEM))).length / given.length;
}

export class PageContext {
  readonly topic = new TopicSignal();
  /** Short forms this page defines with a meaning other than ours. */
  private readonly foreign = new Set<string>();
  private newlyForeign: string[] = [];
  private readonly names: NameFinder;

  constructor(private readonly deps: ContextDeps) {
    this.names = createNameFinder(deps.knownNames);
  }

  /** A `MatchRefiner` (see core/matcher/types): the matches of one batch of text that stand in this page's context. */
  readonly refine = (text: string, matches: Match[]): Match[] => {
    this.topic.addChars(text.length);
    if (matches.length === 0) return matches;
    for (const def of findAbbreviationDefinitions(text)) this.learn(def, matches);
    const kept: Match[] = [];
    for (const m of matches) {
      if (this.isForeign(m.text)) continue;
      if (this.names.isInsideName(text, m.start, m.end)) continue;
      if (!m.topicOnly) this.topic.addMention(m.entryId, this.deps.termOf(m.entryId)?.category);
      kept.push(m);
    }
    return kept;
  };

  /** Short forms found to be defined otherwise since the last call: marks made for them earlier must go. */
  takeNewlyForeign(): string[] {
    const out = this.newlyForeign;
    this.newlyForeign = [];
    return out;
  }

  isForeign(text: string): boolean {
    return this.foreign.size > 0 && this.foreign.has(shortKey(text));
  }

  private learn(def: AbbreviationDefinition, matches: readonly Match[]): void {
    const key = shortKey(def.short);
    if (this.foreign.has(key)) return;
    const ours = matches.find((m) => shortKey(m.text) === key);
    if (!ours) return;
    const entry = this.deps.termOf(ours.entryId);
    const agrees = this.deps.entriesIn(def.long).includes(ours.entryId) || (entry !== undefined && wordOverlap(def.long, entry.term) >= 0.5);
    if (agrees) return;
    this.foreign.add(key);
    this.newlyForeign.push(key);
  }
}
