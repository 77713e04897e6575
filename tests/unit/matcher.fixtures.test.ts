// @vitest-environment happy-dom
// A fixture's <link rel="stylesheet"> is not loaded (happy-dom loads no CSS files); without this setting each one
// prints a NotSupportedError as if the page were broken.
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
/**
 * End-to-end check of the matcher on four annotated, realistic pages (tests/fixtures/matcher/*.html) against the real
 * glossary: the page's body is read by the content script's own walk (BlockScanner, over a happy-dom document), so
 * the blocks here are the blocks a browser gets; the scanner's batches are matched as segments and read in the page's
 * context as the background does (core/context: names, the page's own abbreviations, topic-only wordings once the page
 * is on topic), and the result is compared in order with the hand-written *.expected.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../core/glossary/types';
import { compileMatcher } from '../../core/matcher';
import { PageContext } from '../../core/context';
import names from '../../glossary/names.json';
import { BlockScanner, type TextBatch } from '../../page/scan';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'matcher');
const PAGES = ['news-article', 'forum-thread', 'clinic-page', 'drug-leaflet'];

interface Mention {
  id: string;
  text: string;
}
interface Expected extends Mention {
  /** Alternatives that also count as correct. */
  accept?: Mention[];
  /** Set when the glossary lacks the alias this mention needs. */
  gap?: string;
}
interface ExpectedFile {
  page: string;
  matches: Expected[];
}

/** Plain fs + JSON.parse: the matcher only needs id, term and aliases, and should not fail on unrelated fields. */
function loadGlossary(): GlossaryEntry[] {
  const dir = join(ROOT, 'glossary', 'entries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GlossaryEntry[]);
}

function same(found: Mention, expected: Expected): boolean {
  const ok = (m: Mention) => m.id === found.id && m.text === found.text;
  return ok(expected) || (expected.accept ?? []).some(ok);
}

/** Longest common subsequence alignment: order matters, so a right term in the wrong place does not count. */
function align(found: Mention[], expected: Expected[]): { pairs: number; missed: Expected[]; extra: Mention[] } {
  const n = found.length;
  const m = expected.length;
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = same(found[i]!, expected[j]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const missed: Expected[] = [];
  const extra: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(found[i]!, expected[j]!)) {
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      extra.push(found[i++]!);
    } else {
      missed.push(expected[j++]!);
    }
  }
  while (i < n) extra.push(found[i++]!);
  while (j < m) missed.push(expected[j++]!);
  return { pairs: table[0]![0]!, missed, extra };
}

/**
 * The batches the content script would send for this page. Only the body, as the controller reads it: a splitter of
 * the test's own would drift from the scanner's rules on what is skipped and what ends a block.
 */
function scannedBatches(html: string): TextBatch[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const scanner = new BlockScanner(doc.body);
  while (!scanner.step(() => false));
  // The reader scans shadow roots as roots of their own; a fixture with one would need that here too.
  expect(scanner.scanned.shadowRoots).toEqual([]);
  return scanner.scanned.batches;
}

const glossary = loadGlossary();
const knownIds = new Set(glossary.map((e) => e.id));

describe.skipIf(glossary.length === 0)('matcher on annotated fixture pages', () => {
  const matcher = compileMatcher(glossary);

  for (const page of PAGES) {
    it(`${page}: precision >= 0.98 and recall >= 0.95`, () => {
      const html = readFileSync(join(FIXTURES, `${page}.html`), 'utf8');
      const expected = (JSON.parse(readFileSync(join(FIXTURES, `${page}.expected.json`), 'utf8')) as ExpectedFile)
        .matches;
      for (const e of expected) expect(knownIds, `expected id "${e.id}" is not in the glossary`).toContain(e.id);

      const byId = new Map(glossary.map((e) => [e.id, e]));
      const context = new PageContext({
        knownNames: names.names,
        termOf: (id) => byId.get(id),
        matchesIn: (t) => matcher.findMatches(t),
      });
      // What the page shows once read to the end: held-back matches are marked if the context allows them by then.
      const found: Mention[] = scannedBatches(html)
        .flatMap((batch) => matcher.findMatchesInSegments(batch.segments, context.refine))
        .filter((m) => context.allows(m))
        .map((m) => ({ id: m.entryId, text: m.text }));
      const { pairs, missed, extra } = align(found, expected);
      const precision = found.length === 0 ? 1 : pairs / found.length;
      const recall = expected.length === 0 ? 1 : pairs / expected.length;
      const lines = [
        `${page}: found ${found.length}, expected ${expected.length}, correct ${pairs}, ` +
          `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
        ...missed.map((e) => `  missed ${e.id} ${JSON.stringify(e.text)}${e.gap ? ` (glossary gap: ${e.gap})` : ''}`),
        ...extra.map((f) => `  extra  ${f.id} ${JSON.stringify(f.text)}`),
      ];
      console.log(lines.join('\n'));
      expect(precision, lines.join('\n')).toBeGreaterThanOrEqual(0.98);
      expect(recall, lines.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
