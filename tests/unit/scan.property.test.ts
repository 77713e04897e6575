/**
 * Property tests for the block scanner: random DOM trees (blocks, inline markup, line breaks, skipped and hidden
 * subtrees, open shadow roots, adjacent and empty text nodes) filled with random text (terms cut at random points,
 * emoji, broken surrogates, combining marks, right-to-left script, invisible characters), checked against a plain
 * recursive reading of the same rules and against invariants that must hold for any page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchedBlocks } from './scan-helpers';
import { BlockScanner, isBlockElement, isSkippedElement } from '../../page/scan';
import { compileMatcher } from '../../core/matcher';
import type { SegmentMatch } from '../../core/matcher/types';
import { TEST_GLOSSARY } from '../fixtures/matcher/inline-glossary';

const matcher = compileMatcher(TEST_GLOSSARY);

/** How many random pages each property sees (kept small enough for a 2-core machine; seeds are printed on failure). */
export const RUNS = { oracle: 1000, invariants: 500, slices: 500 } as const;

const WORDS = [
  'insulin',
  'resistance',
  'insulin resistance',
  'Insulin-resistant',
  'type',
  '2',
  'type 2 diabetes',
  'diabetes',
  'HbA',
  '1c',
  'HbA1c',
  'A1C',
  'metformin',
  'Metfor',
  'min',
  'Ozempic',
  'GLP-1',
  'GLP',
  '-1',
  'receptor agonist',
  'low blood sugar',
  'DM',
  'ADA',
  'Canada',
  'the',
  'and',
  'a',
  ' ',
  '  ',
  '\n',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '-',
  '.',
  ',',
  '💉',
  '👩🏽‍⚕️',
  '\uD83D',
  '\uDC89',
  'e\u0301',
  '\u0301',
  'يتناول',
  'שלום',
  '\u200f',
  '𝐦𝐞𝐭',
  '',
  'x',
];
/** Whole terms often, so most pages have something to find; pieces and noise around them. */
const TERMS = [
  'metformin',
  'insulin resistance',
  'HbA1c',
  'type 2 diabetes',
  'Ozempic',
  'low blood sugar',
  'GLP-1 receptor agonist',
];
const SEPARATORS = [' ', ' ', ' ', '', '-', '\n', '\u00a0'];
const textArb = fc
  .array(
    fc.tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
        { arbitrary: fc.constantFrom(...TERMS), weight: 1 },
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

const INLINE = ['span', 'b', 'i', 'em', 'sub', 'a', 'mark', 'small'];
const BLOCKS = ['p', 'div', 'li', 'section', 'h2', 'td', 'blockquote'];
const SKIPPED = ['script', 'style', 'code', 'button', 'textarea', 'nav', 'pre', 'svg'];
const ATTRS: [string, string][] = [
  ['hidden', ''],
  ['aria-hidden', 'true'],
  ['contenteditable', 'true'],
  ['contenteditable', 'false'],
  ['role', 'navigation'],
  ['role', 'note'],
  ['class', 'x'],
];

type Spec =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  /** A term cut in two at `at`: two adjacent text nodes, or the second half inside inline markup (HbA<sub>1c</sub>). */
  | { kind: 'split'; term: string; at: number; wrap: string | null }
  | { kind: 'el'; tag: string; attr: [string, string] | null; shadow: Spec[] | null; children: Spec[] };

const specArb = fc
  .letrec<{ node: Spec; children: Spec[] }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: textArb.map((text): Spec => ({ kind: 'text', text })), weight: 5 },
      { arbitrary: fc.constant<Spec>({ kind: 'br' }), weight: 1 },
      {
        arbitrary: fc
          .record({
            term: fc.constantFrom(...TERMS),
            at: fc.nat(),
            wrap: fc.option(fc.constantFrom(...INLINE, 'br', 'p'), { freq: 2 }),
          })
          .map((r): Spec => ({ kind: 'split', term: r.term, at: 1 + (r.at % (r.term.length - 1)), wrap: r.wrap })),
        weight: 2,
      },
      {
        arbitrary: fc
          .record({
            tag: fc.oneof(
              { arbitrary: fc.constantFrom(...INLINE), weight: 3 },
              { arbitrary: fc.constantFrom(...BLOCKS), weight: 3 },
              { arbitrary: fc.constantFrom(...SKIPPED), weight: 1 },
            ),
            attr: fc.option(fc.constantFrom(...ATTRS), { freq: 4 }),
            shadow: fc.option(tie('children'), { freq: 8 }),
            children: tie('children'),
          })
          .map((r): Spec => ({ kind: 'el', ...r })),
        weight: 4,
      },
    ),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }))
  .children.filter((c) => c.length > 0);

function build(specs: Spec[], parent: Node): void {
  for (const spec of specs) {
    if (spec.kind === 'text') parent.appendChild(document.createTextNode(spec.text));
    else if (spec.kind === 'br') parent.appendChild(document.createElement('br'));
    else if (spec.kind === 'split') {
      parent.appendChild(document.createTextNode(` ${spec.term.slice(0, spec.at)}`));
      const rest = document.createTextNode(`${spec.term.slice(spec.at)} `);
      if (spec.wrap === 'br') {
        parent.appendChild(document.createElement('br'));
        parent.appendChild(rest);
      } else if (spec.wrap) parent.appendChild(document.createElement(spec.wrap)).appendChild(rest);
      else parent.appendChild(rest);
    } else {
      const el = document.createElement(spec.tag);
      if (spec.attr) el.setAttribute(spec.attr[0], spec.attr[1]);
      if (spec.shadow && spec.tag === 'div') build(spec.shadow, el.attachShadow({ mode: 'open' }));
      build(spec.children, el);
      parent.appendChild(el);
    }
  }
}

function page(specs: Spec[]): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement('article');
  build(specs, root);
  document.body.appendChild(root);
  return root;
}

interface Found {
  entryId: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  text: string;
}

function resolveMatches(nodes: (Text | null)[], matches: SegmentMatch[]): Found[] {
  return matches.map((m) => ({
    entryId: m.entryId,
    startNode: nodes[m.start.segment]!,
    startOffset: m.start.offset,
    endNode: nodes[m.end.segment]!,
    endOffset: m.end.offset,
    text: m.text,
  }));
}

function scan(root: Node, pauseEveryCheck: boolean) {
  const scanner = new BlockScanner(root);
  let steps = 0;
  while (!scanner.step(() => pauseEveryCheck)) steps++;
  const { chars, shadowRoots } = scanner.scanned;
  const blocks = matchedBlocks(scanner.scanned.batches, matcher);
  return { found: blocks.flatMap((b) => resolveMatches(b.nodes, b.matches)), chars, shadowRoots, steps };
}

/**
 * The rules read plainly, recursively: a block element or a skipped element ends the run of text; a line break is a
 * space inside it; each run is matched on its own.
 */
function reference(root: Node) {
  const runs: { segments: string[]; nodes: (Text | null)[] }[] = [];
  const shadowRoots: ShadowRoot[] = [];
  let current = { segments: [] as string[], nodes: [] as (Text | null)[] };
  let chars = 0;
  const end = () => {
    if (current.segments.length) runs.push(current);
    for (const s of current.segments) chars += s.length;
    current = { segments: [], nodes: [] };
  };
  const walk = (node: Node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        if ((n as Text).data.length) {
          current.segments.push((n as Text).data);
          current.nodes.push(n as Text);
        }
      } else if (n.nodeType === 1) {
        const el = n as Element;
        if (isSkippedElement(el)) end();
        else if (el.tagName === 'BR') {
          current.segments.push('\n');
          current.nodes.push(null);
        } else {
          if (el.shadowRoot) shadowRoots.push(el.shadowRoot);
          const block = isBlockElement(el);
          if (block) end();
          walk(el);
          if (block) end();
        }
      }
    }
  };
  walk(root);
  end();
  const found = runs.flatMap((r) => resolveMatches(r.nodes, matcher.findMatchesInSegments(r.segments)));
  return { found, chars, shadowRoots };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

describe('BlockScanner on random pages', () => {
  it(`finds exactly what a plain reading of the rules finds, in one go or paused every 64 nodes (${RUNS.oracle} pages)`, () => {
    let matched = 0;
    let blockCuts = 0;
    fc.assert(
      fc.property(specArb, (specs) => {
        const root = page(specs);
        const want = reference(root);
        matched += want.found.length;
        blockCuts += want.found.filter((f) => f.startNode !== f.endNode).length;
        for (const pause of [false, true]) {
          const got = scan(root, pause);
          expect(got.found).toEqual(want.found);
          expect(got.chars).toBe(want.chars);
          expect(got.shadowRoots).toEqual(want.shadowRoots);
        }
      }),
      { numRuns: RUNS.oracle },
    );
    // The generator is worth something: plenty of terms, some of them spanning several text nodes.
    expect(matched).toBeGreaterThan(RUNS.oracle / 2);
    expect(blockCuts).toBeGreaterThan(10);
  });

  it(`never changes the DOM, and every match is a real, readable span of page text (${RUNS.invariants} pages)`, () => {
    fc.assert(
      fc.property(specArb, (specs) => {
        const root = page(specs);
        const before = root.outerHTML;
        const nodesBefore: Node[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodesBefore.push(n);

        const { found } = scan(root, false);

        expect(root.outerHTML).toBe(before);
        const nodesAfter: Node[] = [];
        const again = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        for (let n = again.nextNode(); n; n = again.nextNode()) nodesAfter.push(n);
        expect(nodesAfter).toEqual(nodesBefore);

        for (const f of found) {
          for (const [node, offset] of [
            [f.startNode, f.startOffset],
            [f.endNode, f.endOffset],
          ] as const) {
            expect(node.nodeType).toBe(3);
            expect(root.contains(node)).toBe(true);
            expect(offset).toBeGreaterThanOrEqual(0);
            expect(offset).toBeLessThanOrEqual(node.data.length);
            // Never between the halves of a surrogate pair.
            expect(isHigh(node.data.charCodeAt(offset - 1)) && isLow(node.data.charCodeAt(offset))).toBe(false);
            // Never inside something that is not prose for reading.
            for (let p = node.parentElement; p && p !== root; p = p.parentElement)
              expect(isSkippedElement(p)).toBe(false);
          }
          // Start before end, both in the same block.
          if (f.startNode === f.endNode) expect(f.startOffset).toBeLessThan(f.endOffset);
          else expect(f.startNode.compareDocumentPosition(f.endNode) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
          const blockOf = (n: Node) => {
            for (let p = n.parentElement; p; p = p.parentElement) if (isBlockElement(p) || p === root) return p;
            return null;
          };
          expect(blockOf(f.startNode)).toBe(blockOf(f.endNode));
          // The text the match reports is the page's own text, piece by piece.
          expect(f.text.length).toBeGreaterThan(0);
          const first =
            f.startNode === f.endNode
              ? f.startNode.data.slice(f.startOffset, f.endOffset)
              : f.startNode.data.slice(f.startOffset);
          expect(f.text.startsWith(first)).toBe(true);
        }
      }),
      { numRuns: RUNS.invariants },
    );
  });

  it(`gives the same matches however the work is sliced (${RUNS.slices} pages, random deadlines)`, () => {
    fc.assert(
      fc.property(specArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 50 }), (specs, pattern) => {
        const root = page(specs);
        const whole = scan(root, false);
        const scanner = new BlockScanner(root);
        let i = 0;
        while (!scanner.step(() => pattern[i++ % pattern.length]!));
        const blocks = matchedBlocks(scanner.scanned.batches, matcher);
        expect(blocks.flatMap((b) => resolveMatches(b.nodes, b.matches))).toEqual(whole.found);
      }),
      { numRuns: RUNS.slices },
    );
  });
});
