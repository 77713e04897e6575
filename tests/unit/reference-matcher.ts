/**
 * The matcher's rules written the slow, obvious way, as the reference the fast one is checked against: normalise the
 * whole text, look for every key at every position, accept with `acceptOccurrence`, select leftmost-longest.
 */
import type { GlossaryEntry } from '../../core/glossary/types';
import { acceptOccurrence } from '../../core/matcher/accept';
import { collectPatterns } from '../../core/matcher/patterns';
import { Candidates, joinAdjacent, selectLeftmostLongest } from '../../core/matcher/select';
import { flagsOf } from '../../core/matcher/types';
import type { Match } from '../../core/matcher/types';
import { normalizeText } from '../../core/text/normalize';

export function referenceMatcher(entries: readonly GlossaryEntry[]): (text: string) => Match[] {
  const patterns = collectPatterns(entries);
  const ordinals = new Map(entries.map((e, i) => [e.id, i]));
  const entryOf = patterns.map((p, i) => (p.stop ? entries.length + i : (ordinals.get(p.entryId) ?? 0)));
  return (text) => {
    const nt = normalizeText(text);
    const candidates = new Candidates();
    // By end position, longest key first: the order an Aho-Corasick scan reports them in (it decides exact ties).
    const found: { key: number; start: number; end: number }[] = [];
    patterns.forEach((p, key) => {
      for (let i = nt.lower.indexOf(p.key); i !== -1; i = nt.lower.indexOf(p.key, i + 1))
        found.push({ key, start: i, end: i + p.key.length });
    });
    found.sort((a, b) => a.end - b.end || a.start - b.start);
    for (const f of found) {
      const end = acceptOccurrence(nt, patterns[f.key]!, f.start, f.end);
      if (end === -1) continue;
      candidates.add(nt.toOriginal[f.start]!, nt.toOriginal[end - 1]! + 1, f.key, entryOf[f.key]!);
    }
    return joinAdjacent(
      text,
      selectLeftmostLongest(candidates, text, (k) => patterns[k]!.stop === true)
        .filter((s) => !patterns[s.key]!.stop)
        .map((s) => ({
          entryId: patterns[s.key]!.entryId,
          start: s.start,
          end: s.end,
          text: text.slice(s.start, s.end),
          ...flagsOf(patterns[s.key]!),
        })),
    );
  };
}
