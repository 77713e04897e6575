/**
 * The term matcher: compiles every highlightable glossary alias into one Aho-Corasick automaton over normalised
 * lowercase text, then finds whole-word, leftmost-longest, non-overlapping mentions and reports them in original-text
 * offsets. Pure and DOM-free; the content script feeds it block text (see `findMatchesInSegments`).
 */
import type { GlossaryEntry } from '../glossary/types';
import { normalizeText, type NormalizedText } from '../text/normalize';
import { acceptOccurrence } from './accept';
import { buildAutomaton, scanAutomaton, type Automaton } from './automaton';
import { collectPatterns, type Pattern } from './patterns';
import { endPointAt, joinSegments, pointAt } from './segments';
import { Candidates, selectLeftmostLongest } from './select';
import type { Match, Matcher, MatcherStats, SegmentMatch } from './types';

export type { Match, Matcher, MatcherStats, SegmentMatch, SegmentPoint } from './types';
export { MatcherCompileError, MIN_KEY_LENGTH } from './patterns';

/** A match in normalised offsets; converted to the caller's coordinates at the edge. */
interface NormalizedMatch {
  pattern: Pattern;
  start: number;
  end: number;
}

interface Compiled {
  automaton: Automaton;
  patterns: readonly Pattern[];
  /** Entry ordinal of each pattern, so selection can compare entries without strings. */
  entryOf: Uint32Array;
}

function findNormalized({ automaton, patterns, entryOf }: Compiled, nt: NormalizedText): NormalizedMatch[] {
  const candidates = new Candidates();
  scanAutomaton(automaton, nt.lower, (keyIndex, keyEnd) => {
    const pattern = patterns[keyIndex] as Pattern;
    const start = keyEnd - pattern.key.length;
    const end = acceptOccurrence(nt, pattern, start, keyEnd);
    if (end !== -1) candidates.add(start, end, keyIndex, entryOf[keyIndex] as number);
  });
  return selectLeftmostLongest(candidates)
    .filter((s) => !(patterns[s.key] as Pattern).stop)
    .map((s) => ({
      pattern: patterns[s.key] as Pattern,
      start: s.start,
      end: s.end,
    }));
}

/** Original [start, end) of a normalised range: from the first character's source to just past the last one's. */
function toOriginalRange(nt: NormalizedText, start: number, end: number): [number, number] {
  return [nt.toOriginal[start] as number, (nt.toOriginal[end - 1] as number) + 1];
}

/**
 * Compiles the matcher. Throws `MatcherCompileError` naming both entries if two entries claim the same normalised
 * alias (the glossary validator forbids that, so it signals a glossary bug, not a runtime condition to tolerate).
 */
export function compileMatcher(entries: readonly GlossaryEntry[]): Matcher {
  const patterns = collectPatterns(entries);
  return assembleMatcher(entries, patterns, buildAutomaton(patterns.map((p) => p.key)));
}

/**
 * A matcher from patterns and an automaton compiled earlier (at build time, see `precompile.ts`), so a page pays
 * for decoding a few typed arrays instead of compiling 1,300 aliases.
 */
export function assembleMatcher(entries: readonly GlossaryEntry[], patterns: readonly Pattern[], automaton: Automaton): Matcher {
  const ordinals = new Map(entries.map((e, i) => [e.id, i]));
  const compiled: Compiled = {
    automaton,
    patterns,
    // A stop phrase gets an ordinal of its own, so it never merges with a real match of its entry.
    entryOf: Uint32Array.from(patterns, (p, i) => (p.stop ? entries.length + i : ordinals.get(p.entryId) ?? 0)),
  };
  const stats: MatcherStats = {
    patterns: patterns.length,
    states: automaton.states,
    longestKey: patterns.reduce((m, p) => Math.max(m, p.key.length), 0),
  };

  function findMatches(text: string): Match[] {
    if (patterns.length === 0 || text.length === 0) return [];
    const nt = normalizeText(text);
    return findNormalized(compiled, nt).map((m) => {
      const [start, end] = toOriginalRange(nt, m.start, m.end);
      return { entryId: m.pattern.entryId, start, end, text: text.slice(start, end) };
    });
  }

  function findMatchesInSegments(segments: readonly string[]): SegmentMatch[] {
    const joined = joinSegments(segments);
    return findMatches(joined.text).map((m) => ({
      entryId: m.entryId,
      start: pointAt(joined, m.start),
      end: endPointAt(joined, m.end),
      text: m.text,
    }));
  }

  return { findMatches, findMatchesInSegments, stats };
}
