/**
 * The term matcher: compiles every highlightable glossary alias into one trie of normalised lowercase keys, then
 * finds whole-word, leftmost-longest, non-overlapping mentions in one pass over the text (`stream.ts`) and reports
 * them in original-text offsets. Pure and DOM-free; the background's page sessions feed it block text
 * (`findMatchesInSegments`).
 */
import type { GlossaryEntry, Lang } from '../glossary/types';
import { collectPatterns, MatcherCompileError, type Pattern } from './patterns';
import { endPointAt, joinSegments, pointAt } from './segments';
import { Candidates, joinAdjacent, selectLeftmostLongest } from './select';
import { RING_SIZE, TextScanner } from './text-scanner';
import { buildTrie, type Trie } from './trie';
import { flagsOf, type Match, type Matcher, type MatcherStats, type MatchRefiner, type SegmentMatch } from './types';

export type { Match, Matcher } from './types';
export { MatcherCompileError } from './patterns';

/**
 * Compiles the matcher. Throws `MatcherCompileError` naming both entries if two entries claim the same normalised
 * alias (the glossary validator forbids that, so it signals a glossary bug, not a runtime condition to tolerate).
 */
export function compileMatcher(entries: readonly GlossaryEntry[], lang: Lang = 'en'): Matcher {
  const patterns = collectPatterns(entries, lang);
  return assembleMatcher(
    entries.map((e) => e.id),
    patterns,
    buildTrie(patterns.map((p) => p.key)),
  );
}

/**
 * A matcher from patterns and their trie, built here or earlier (at build time, see `precompile.ts`).
 */
export function assembleMatcher(entryIds: readonly string[], patterns: readonly Pattern[], trie: Trie): Matcher {
  const ordinals = new Map(entryIds.map((id, i) => [id, i]));
  // A stop phrase gets an ordinal of its own, so it never merges with a real match of its entry.
  const entryOf = Uint32Array.from(patterns, (p, i) => (p.stop ? entryIds.length + i : (ordinals.get(p.entryId) ?? 0)));
  const stats: MatcherStats = {
    patterns: patterns.length,
    states: trie.states,
    longestKey: patterns.reduce((m, p) => Math.max(m, p.key.length), 0),
  };
  if (stats.longestKey + 4 > RING_SIZE) {
    throw new MatcherCompileError([
      `an alias normalises to ${stats.longestKey} characters; the limit is ${RING_SIZE - 4}`,
    ]);
  }
  const scanner = new TextScanner(trie, patterns, entryOf);

  function findMatches(text: string): Match[] {
    if (patterns.length === 0 || text.length === 0) return [];
    const candidates = new Candidates();
    scanner.scan(text, candidates);
    if (candidates.size === 0) return [];
    const found: Match[] = [];
    for (const s of selectLeftmostLongest(candidates, text, (k) => patterns[k]?.stop === true)) {
      const pattern = patterns[s.key] as Pattern;
      if (pattern.stop) continue;
      found.push({
        entryId: pattern.entryId,
        start: s.start,
        end: s.end,
        text: text.slice(s.start, s.end),
        ...flagsOf(pattern),
      });
    }
    return joinAdjacent(text, found);
  }

  function findMatchesInSegments(segments: readonly string[], refine?: MatchRefiner): SegmentMatch[] {
    const joined = joinSegments(segments);
    const found = findMatches(joined.text);
    return (refine ? refine(joined.text, found) : found).map((m) => ({
      entryId: m.entryId,
      start: pointAt(joined, m.start),
      end: endPointAt(joined, m.end),
      text: m.text,
      ...flagsOf(m),
    }));
  }

  return { findMatches, findMatchesInSegments, stats };
}
