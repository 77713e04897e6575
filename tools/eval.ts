/**
 * Recall and precision of TermLens on real, annotated pages, judged in the real Chromium with the built extension.
 *
 *   npm run eval                      # ../shared/corpus/real (the development set)
 *   npm run eval -- --pages DIR       # any folder of saved pages with an expected.json of the same form
 *   npm run eval -- --json FILE       # also write the whole result as JSON
 *
 * Each page is opened, scrolled top to bottom (terms are registered near the viewport only) and read from outside:
 * the page's own CSS.highlights registry, under the names the content script chose for the page. Per page and overall it prints recall, coverage misses (no entry or alias
 * has that wording), matcher misses (the glossary has it, the page was not marked, and why), trap hits, and every
 * distinct marked string in its sentence, for review.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadGlossaryFromDisk } from './load-glossary';
import { compileMatcher } from '../core/matcher';
import { clearLanguage, languageEvidence } from '../core/language/detect';
import { contextOf, type PageScore } from './eval/score';
import { evaluatePages, type PageResult } from './eval/run';

function parseArgs(argv: string[]): { pages: string; json?: string } {
  const opts: { pages: string; json?: string } = { pages: resolve('..', 'shared', 'corpus', 'real') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pages') opts.pages = resolve(argv[++i] ?? '.');
    else if (a === '--json') opts.json = resolve(argv[++i] ?? 'eval.json');
    else throw new Error(`Unknown option ${a}. Use --pages DIR, --json FILE.`);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const results = await evaluatePages(opts.pages);
const glossary = loadGlossaryFromDisk();
const matchers = [compileMatcher(glossary), compileMatcher(glossary, 'es')];

/** The entry a mark stands for, read by the matcher of the language its sentence is in (English when unclear). */
function entryOfMark(marked: string, sentence: string): string {
  const inOrder = clearLanguage(languageEvidence(sentence)) === 'es' ? [matchers[1]!, matchers[0]!] : matchers;
  return inOrder.map((x) => x.findMatches(marked)[0]?.entryId).find((id) => id !== undefined) ?? '?';
}

/** Why an expected term was not marked: the glossary lacks that wording, or it has it and something held it back. */
function missReason(
  term: string,
  r: PageResult,
  instead: string[],
  visible: boolean,
): { kind: 'coverage' | 'matcher'; why: string } {
  if (!visible) return { kind: 'matcher', why: 'not in the visible text (an attribute only?)' };
  // The wording may be English or Spanish: the language whose matcher reads it whole explains the miss.
  const isWhole = (found: ReturnType<(typeof matchers)[number]['findMatches']>) =>
    found.length === 1 && found[0]!.start === 0 && found[0]!.end >= term.trim().length;
  const m = matchers.map((x) => x.findMatches(term)).find(isWhole) ?? matchers[0]!.findMatches(term);
  const whole = isWhole(m);
  if (!whole) {
    const parts = m.map((x) => `"${x.text}"→${x.entryId}`).join(', ');
    return { kind: 'coverage', why: parts ? `only parts are terms: ${parts}` : 'no entry or alias has this wording' };
  }
  if (instead.length) return { kind: 'matcher', why: `marked differently: ${instead.map((s) => `"${s}"`).join(', ')}` };
  if (m[0]!.topicOnly && !r.onTopic)
    return { kind: 'matcher', why: `topic-only alias of ${m[0]!.entryId}; the page was not judged on-topic` };
  if (m[0]!.withEntry)
    return {
      kind: 'matcher',
      why: `alias of ${m[0]!.entryId} marked only where the page names that entry in another wording too`,
    };
  return {
    kind: 'matcher',
    why: `alias of ${m[0]!.entryId}, left unmarked on the page (a context rule: name, abbreviation defined otherwise, case)`,
  };
}

let expectedTotal = 0;
let foundTotal = 0;
let trapTotal = 0;
let offTopicMarks = 0;
let coverageTotal = 0;
let matcherTotal = 0;
const review: string[] = [];
for (const r of results) {
  const s: PageScore = r.score;
  expectedTotal += s.expected.length;
  foundTotal += s.found;
  trapTotal += s.trapHits.length;
  const offTopic = s.expected.length === 0;
  if (offTopic) offTopicMarks += s.marks;
  const recall = s.expected.length ? (s.found / s.expected.length).toFixed(2) : '-';
  console.log(
    `\n## ${r.page}  recall ${s.found}/${s.expected.length} (${recall})  trap hits ${s.trapHits.length}  marks ${s.marks}${offTopic ? '  (off-topic: must be 0)' : ''}  on-topic ${r.onTopic ? 'yes' : 'no'}`,
  );
  for (const e of s.expected) {
    if (e.found) continue;
    const { kind, why } = missReason(e.term, r, e.instead, e.visible);
    if (kind === 'coverage') coverageTotal++;
    else matcherTotal++;
    console.log(`  ${kind === 'coverage' ? 'coverage miss' : 'matcher miss '}  "${e.term}": ${why}`);
  }
  for (const t of s.trapHits) console.log(`  TRAP HIT       "${t.trap}": marked "${t.marked}" in ${t.context}`);
  const seen = new Set<string>();
  review.push(`\n## ${r.page}`);
  for (const span of r.reading.spans) {
    const marked = r.reading.text.slice(span.start, span.end);
    const key = `${span.kind}:${marked.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sentence = contextOf(r.reading.text, span.start, span.end, 60);
    const entry = span.kind === 'value' ? 'value' : entryOfMark(marked, sentence);
    review.push(`  ${marked}  →${entry}   ${sentence}`);
  }
}
console.log('\n# Every distinct marked string in its sentence (for review)');
console.log(review.join('\n'));
console.log('\n# Overall');
console.log(
  `pages ${results.length}, recall ${foundTotal}/${expectedTotal} = ${(foundTotal / Math.max(1, expectedTotal)).toFixed(3)}`,
);
console.log(
  `misses: ${coverageTotal} coverage (no such wording in the glossary), ${matcherTotal} matcher (wording known, page not marked)`,
);
console.log(`trap hits ${trapTotal}; marks on off-topic pages ${offTopicMarks}`);
if (opts.json)
  writeFileSync(
    opts.json,
    JSON.stringify(
      results.map((r) => ({ page: r.page, onTopic: r.onTopic, score: r.score })),
      null,
      1,
    ),
  );
