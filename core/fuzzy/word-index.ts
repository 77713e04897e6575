/**
 * The lookup both sides share: which alias words lie within the thresholds of a word, found through the deletion
 * index and confirmed by a real edit distance. The build asks it which dictionary words are near an alias; the
 * finder asks it for every long word on the page.
 */
import { SUFFIXES_ANY_CASE } from '../text/plurals';
import { forEachDeletionHash } from './deletes';
import { osaDistance } from '../text/edit-distance';
import { maxEditsBetween, maxEditsFor, type EditThreshold } from './thresholds';
import type { FinderStats } from './types';
import { VariantTable } from './variant-table';

/**
 * The letters a plural or possessive ending adds to the end of a word's letter run: "s" (of "s" and "s'") and "es";
 * "'s" adds none, since its apostrophe ends the run. From the matcher's own list, so the two agree.
 */
export const LETTER_ENDINGS = [
  ...new Set(SUFFIXES_ANY_CASE.map((s) => /^[a-z]*/.exec(s)?.[0] ?? '').filter((s) => s.length > 0)),
];

const NO_CORES: readonly string[] = [];

/** `word` without each plural ending it has, when what is left is still long enough to be fuzzy. */
export function pluralCores(word: string, shortest: number): readonly string[] {
  let out = NO_CORES;
  for (const ending of LETTER_ENDINGS) {
    if (word.length - ending.length < shortest || !word.endsWith(ending)) continue;
    // Most words have none: the shared empty list spares an allocation per page word.
    if (out === NO_CORES) out = [];
    (out as string[]).push(word.slice(0, -ending.length));
  }
  return out;
}

export class WordIndex {
  private readonly table: VariantTable;
  /** `seen[w] === stamp` when alias word w was already a candidate for the current word. */
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** The word being looked up and who hears of its near words, so the per-variant callback allocates nothing. */
  private token = '';
  private visit: (word: number, distance: number) => void = () => undefined;
  private readonly onVariant = (h: number): void => this.candidates(h);

  constructor(
    private readonly words: readonly string[],
    deletes: readonly (readonly [string, readonly number[]])[],
    private readonly thresholds: readonly EditThreshold[],
    /** The prefix the variants were made from (`PREFIX_LENGTH` at build time). */
    private readonly prefixLength: number,
    private readonly stats?: FinderStats,
  ) {
    this.table = new VariantTable(deletes);
    this.seen = new Uint32Array(words.length);
  }

  /**
   * Calls `visit(word, distance)` for each alias word 1 to its allowed distance from `token`. Only words sharing a
   * deletion variant with it are compared: that is every word within the distance (Garbe's SymSpell), and, for a
   * word near nothing, hardly any.
   */
  forEachNear(token: string, visit: (word: number, distance: number) => void): void {
    const depth = maxEditsFor(token.length, this.thresholds);
    if (depth === 0) return;
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    this.token = token;
    this.visit = visit;
    forEachDeletionHash(token, this.prefixLength, depth, this.onVariant);
  }

  /** Whether some alias word other than `token` itself is within the thresholds of it. */
  isNear(token: string): boolean {
    let near = false;
    this.forEachNear(token, () => {
      near = true;
    });
    return near;
  }

  private candidates(h: number): void {
    if (this.stats) this.stats.variants++;
    const slot = this.table.lookup(h);
    if (slot < 0) return;
    const { starts, ends, words } = this.table;
    const token = this.token;
    for (let k = starts[slot] as number, end = ends[slot] as number; k < end; k++) {
      const w = words[k] as number;
      if (this.seen[w] === this.stamp) continue;
      this.seen[w] = this.stamp;
      const word = this.words[w] as string;
      const allowed = maxEditsBetween(token.length, word.length, this.thresholds);
      if (allowed === 0 || Math.abs(token.length - word.length) > allowed) continue;
      if (this.stats) this.stats.distanceComputations++;
      const distance = osaDistance(token, word, allowed);
      if (distance >= 1 && distance <= allowed) this.visit(w, distance);
    }
  }
}
