/**
 * One page's matching, run where the matcher stays warm (the extension's background): the content script sends the
 * text of its blocks in batches, and gets back what to mark in each, read in the page's context (core/context).
 *
 * A session is one document's reading: what the page taught the context (its topic, its abbreviations, the names
 * it uses) holds for every later batch, so batches must arrive in document order. It answers with marks to add,
 * marks made earlier that must go (an abbreviation the page turns out to define otherwise), and marks held back
 * earlier that are now allowed (a topic-only wording once the page is on topic).
 */
import type { Category, Lang } from '../glossary/types';
import { declaredLanguage, PageLanguage } from '../language/detect';
import { splitByLanguage, toBatchPoint } from './languages';
import { marksCategory } from '../settings';
import type { TopicFacts } from '../context/topic';
import type { Matcher, MatchRefiner, SegmentMatch, SegmentPoint } from '../matcher/types';
import { PageContext } from '../context';
import { mayHaveValues } from '../values/find';
import { findValuesInSegments, type ValueSegmentMatch } from '../values/segments';
import type { ValueMatch } from '../values/types';
import { batchMarks, comparePoints, overlaps } from './marks';
import { findMisspellingsInSegments, type FindsMisspellings, type GuessMatch } from '../fuzzy/segments';

export { batchMarks, comparePoints } from './marks';

/** How much off-topic text waits to be searched for misspellings (see `PageSession.defer`): a long forum page's first screens. */
const DEFERRED_CHARS = 12_000;

/** What occupies a stretch of a batch: an exact mark, which a misspelling never overlaps. */
type Placed = { start: SegmentPoint; end: SegmentPoint };

/** The text of some blocks, as their text nodes' data in document order (see `TextBatch` in the content script). */
export interface BatchText {
  /** The caller's name for the batch; marks refer to it. */
  id: number;
  /** Text nodes' data; "\n" for a line break, "\u0000" between blocks (no term spans two blocks). */
  segments: string[];
  /** The language an element of the page declares for these blocks (`<p lang="en">`), when not the page's. */
  lang?: string;
}

export interface SessionOptions {
  /** Also find values of known measures ("A1C 7.2%"). */
  values: boolean;
  /** Categories the reader chose not to see marked. */
  hiddenCategories: readonly Category[];
  /** Words the reader said are no misspelling on this site (lowercased): never marked as one. */
  notMisspelt?: readonly string[];
  /** The page's declared language (`<html lang>`), as written: "es-MX" is Spanish. */
  lang?: string;
  /** The page's title (`document.title`): read for what the page is about, never marked. */
  title?: string;
}

/** One thing to mark: a glossary term (`entryId`) or a value (`value`), placed in the segments of its batch. */
export interface SessionMark {
  /** Unique in the session: a later answer may name it in `drops`. */
  id: number;
  batch: number;
  /** The glossary entry; '' for a value. */
  entryId: string;
  value?: ValueMatch;
  /** The marked text as the page writes it ('' for a value: its text is `value.text`). */
  text: string;
  start: SegmentPoint;
  end: SegmentPoint;
  /** The page misspells the entry's term (`text` is what it wrote): the mark and its card say TermLens is guessing. */
  guess?: true;
  /** Found in a Spanish block: its card speaks Spanish (a term's or a value's alike). */
  lang?: 'es';
}

export interface SessionAnswer {
  marks: SessionMark[];
  /** Ids of marks given earlier that must go. */
  drops: number[];
  /** Batches that still hold matches back: the caller keeps their nodes, later marks may refer to them. */
  holding: number[];
  /** Whether the page reads as being about diabetes or metabolic health so far. */
  onTopic: boolean;
}

export interface SessionDeps {
  matcher: Matcher;
  termOf(id: string): (TopicFacts & { term: string }) | undefined;
  knownNames: readonly string[];
  /** Reads misspellings of terms ("metforman"); without it, only exact wordings are marked. */
  misspellings?: FindsMisspellings;
  /**
   * The matcher for Spanish blocks (the Spanish wordings of the same entries). Without it every block is read with
   * `matcher`, as English.
   */
  spanish?(): Matcher;
}

/**
 * Off-topic English text kept to be searched for misspellings later: `segments` are a batch's (or its English
 * blocks', `origin` mapping them back), `exact` the marks already there, in the same coordinates.
 */
interface Deferred {
  segments: readonly string[];
  exact: readonly Placed[];
  origin: readonly number[] | null;
}

/** A match's place in a language part, moved to its place in the batch. */
function placeIn<T extends Placed>(m: T, origin: readonly number[] | null): T {
  return origin ? { ...m, start: toBatchPoint(m.start, origin), end: toBatchPoint(m.end, origin) } : m;
}

/** A term found in a block of some language; a Spanish one's card speaks Spanish. */
type Found = (SegmentMatch | GuessMatch) & { lang?: 'es' };
/** A value found in a block of some language; a Spanish one's card speaks Spanish too. */
type FoundValue = ValueSegmentMatch & { lang?: 'es' };

/**
 * Terms and values of one batch of segments, read in context by `refine`: what the in-page scanner did per batch.
 * `lang` is the language the segments are written in, for the values ("7,2 %" is 7.2 in Spanish).
 */
export function matchSegments(
  matcher: Matcher,
  segments: readonly string[],
  values: boolean,
  refine?: MatchRefiner,
  lang: Lang = 'en',
): { matches: SegmentMatch[]; values: ValueSegmentMatch[] } {
  const matches = matcher.findMatchesInSegments(segments, refine);
  const found = values && mayHaveValues(segments.join(''), lang) ? findValuesInSegments(segments, lang) : [];
  return { matches, values: found };
}

export class PageSession {
  private readonly context: PageContext;
  private readonly hidden: readonly Category[];
  private nextId = 1;
  /** Matches not allowed yet, by batch. */
  private held = new Map<number, Found[]>();
  private readonly language: PageLanguage;
  private readonly notMisspelt: ReadonlySet<string>;
  private heldGeneration = -1;
  /** Batches read before the page was on topic, kept to be searched for misspellings once it is (see `defer`). */
  private deferred = new Map<number, Deferred>();
  private offTopicChars = 0;
  /** Terms marked so far, by id, with their text: checked again when the page defines an abbreviation otherwise. */
  private readonly given = new Map<number, string>();

  constructor(
    private readonly deps: SessionDeps,
    private readonly options: SessionOptions,
  ) {
    this.hidden = options.hiddenCategories;
    this.notMisspelt = new Set(options.notMisspelt ?? []);
    this.language = new PageLanguage(declaredLanguage(options.lang));
    this.context = new PageContext({
      knownNames: deps.knownNames,
      termOf: deps.termOf,
      // A long form the page defines may be written in either language ("enfermedad renal crónica (ERC)").
      matchesIn: (text) => {
        const english = deps.matcher.findMatches(text);
        return english.length || !deps.spanish ? english : deps.spanish().findMatches(text);
      },
    });
    if (options.title) this.readTitle(options.title);
  }

  /**
   * A title that names a condition of ours in an unambiguous wording ("Edulcorantes para diabéticos", "Type 2
   * diabetes - Symptoms") says what the page is about before a word of it is read: the page is on topic. It is read
   * in the page's declared language, or in both when none is declared, and through the name rule, so a title that is
   * an organisation's name ("American Diabetes Association") counts only through the words outside the name.
   */
  private readTitle(title: string): void {
    const declared = declaredLanguage(this.options.lang);
    const matchers = [
      ...(declared !== 'es' ? [this.deps.matcher] : []),
      ...(declared !== 'en' && this.deps.spanish ? [this.deps.spanish()] : []),
    ];
    for (const matcher of matchers) this.context.readTitle(title, matcher.findMatches(title));
  }

  /** Whether the page reads as being about diabetes or metabolic health, as far as it has been read. */
  get onTopic(): boolean {
    return this.context.topic.onTopic;
  }

  /** Reads `batches` (in document order, after every batch before them); `forget`: batches the caller let go of. */
  read(batches: readonly BatchText[], forget: readonly number[] = []): SessionAnswer {
    for (const id of forget) {
      this.held.delete(id);
      this.deferred.delete(id);
    }
    const answer: SessionAnswer = { marks: [], drops: [], holding: [], onTopic: false };
    for (const batch of batches) {
      const found = this.match(batch);
      const allowed: Found[] = [];
      const held: Found[] = [];
      for (const m of found.terms) (this.context.allows(m) ? allowed : held).push(m);
      allowed.sort((a, b) => comparePoints(a.start, b.start));
      if (held.length) this.held.set(batch.id, held);
      this.emit(batch.id, allowed, found.values, answer);
      this.applyContext(answer);
    }
    answer.holding = [...new Set([...this.held.keys(), ...this.deferred.keys()])];
    answer.onTopic = this.onTopic;
    return answer;
  }

  /**
   * A batch's terms and values, each block read by its own language's matcher. Misspellings are looked for in
   * English blocks only: the finder knows English words, and Spanish ones would read as misspelt terms.
   */
  private match(batch: BatchText): { terms: Found[]; values: FoundValue[] } {
    const spanish = this.deps.spanish;
    const parts = spanish
      ? splitByLanguage(batch.segments, this.language, declaredLanguage(batch.lang))
      : [{ lang: 'en' as Lang, segments: batch.segments, origin: null }];
    const terms: Found[] = [];
    const values: FoundValue[] = [];
    for (const part of parts) {
      const matcher = part.lang === 'es' && spanish ? spanish() : this.deps.matcher;
      const found = matchSegments(matcher, part.segments, this.options.values, this.context.refine, part.lang);
      const place = <T extends Placed>(m: T): T => placeIn(m, part.origin);
      if (part.lang === 'es') {
        for (const m of found.matches) terms.push({ ...place(m), lang: 'es' });
        for (const v of found.values) values.push({ ...place(v), lang: 'es' });
        continue;
      }
      values.push(...found.values.map(place));
      const exact = [...found.matches, ...found.values];
      const guesses = this.onTopic
        ? this.guessesIn(part.segments, exact)
        : this.defer(batch.id, { segments: part.segments, exact, origin: part.origin });
      terms.push(...found.matches.map(place), ...guesses.map(place));
    }
    return { terms, values };
  }

  /** Misspellings in a batch's segments, where no exact mark of the batch stands. */
  private guessesIn(segments: readonly string[], exact: readonly Placed[]): GuessMatch[] {
    const finder = this.deps.misspellings;
    if (!finder) return [];
    return findMisspellingsInSegments(finder, segments, this.notMisspelt).filter(
      (g) => !exact.some((m) => overlaps(m, g)),
    );
  }

  /**
   * A page not (yet) on topic gets no misspelling marks, so its text is not searched for them: most of what a reader
   * opens is off topic, and the search costs up to a tenth of the reading. The first DEFERRED_CHARS of it wait, and
   * are searched if the page turns out to be on topic after all (a forum thread whose first post names one term).
   */
  private defer(batch: number, text: Deferred): GuessMatch[] {
    if (!this.deps.misspellings) return [];
    this.offTopicChars += text.segments.reduce((n, s) => n + s.length, 0);
    if (this.offTopicChars <= DEFERRED_CHARS) this.deferred.set(batch, text);
    return [];
  }

  private emit(batch: number, terms: readonly Found[], values: readonly FoundValue[], answer: SessionAnswer): void {
    for (const m of batchMarks(terms, values)) {
      if (m.kind === 'value') {
        answer.marks.push({
          id: this.nextId++,
          batch,
          entryId: '',
          value: m.value,
          text: '',
          start: m.start,
          end: m.end,
          ...(m.lang ? { lang: m.lang } : {}),
        });
        continue;
      }
      if (!marksCategory(this.hidden, this.deps.termOf(m.entryId)?.category)) continue;
      const id = this.nextId++;
      this.given.set(id, m.text);
      const mark: SessionMark = { id, batch, entryId: m.entryId, text: m.text, start: m.start, end: m.end };
      if (m.guess) mark.guess = true;
      if (m.lang) mark.lang = m.lang;
      answer.marks.push(mark);
    }
  }

  /**
   * What the context learnt from the latest batch: marks of an abbreviation the page defines otherwise go, and held
   * matches are marked once allowed (the page went on topic, or named their entry).
   */
  private applyContext(answer: SessionAnswer): void {
    if (this.context.takeForeignChanged()) {
      for (const [id, text] of this.given) {
        if (!this.context.isForeign(text)) continue;
        this.given.delete(id);
        answer.drops.push(id);
        const fresh = answer.marks.findIndex((m) => m.id === id);
        if (fresh >= 0) answer.marks.splice(fresh, 1);
      }
    }
    if (this.deferred.size && this.onTopic) {
      const deferred = this.deferred;
      this.deferred = new Map();
      for (const [batch, { segments, exact, origin }] of deferred)
        this.emit(
          batch,
          this.guessesIn(segments, exact).map((g) => placeIn(g, origin)),
          [],
          answer,
        );
    }
    if (!this.held.size || this.context.generation === this.heldGeneration) return;
    this.heldGeneration = this.context.generation;
    const held = this.held;
    this.held = new Map();
    for (const [batch, matches] of held) {
      const allowed: Found[] = [];
      const still: Found[] = [];
      for (const m of matches) {
        if (this.context.isForeign(m.text)) continue;
        (this.context.allows(m) ? allowed : still).push(m);
      }
      if (still.length) this.held.set(batch, still);
      this.emit(batch, allowed, [], answer);
    }
  }
}
