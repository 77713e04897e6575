/**
 * Paints found terms. The CSS Custom Highlight API leaves the page's DOM untouched; where it is missing, terms are
 * wrapped in our own mark elements, and `clear()` puts every text node back exactly as it was. Highlights and marks
 * go by the page's random names (`PageNames`): the registry and the DOM are the page's to read.
 */
import type { PageNames } from '../utils/random-id';

/** What a mark explains: a glossary term, or a value of a known measure ("A1C 7.2%"), painted differently. */
type MarkKind = 'term' | 'value' | 'guess';

export interface Highlighter {
  readonly mode: 'highlight-api' | 'wrap';
  add(range: AbstractRange, kind?: MarkKind): void;
  remove(range: AbstractRange): void;
  /** Marks one term as the one being explained (stronger style). */
  setActive(range: AbstractRange | null): void;
  /** Where a painted term sits on screen, one rect per line box. */
  clientRects(range: AbstractRange): DOMRect[];
  /** Wrap mode only: the painted term an element belongs to (hit-testing uses the element under the pointer). */
  rangeOfElement(el: Element): AbstractRange | undefined;
  clear(): void;
}

export function createHighlighter(doc: Document, names: PageNames, forceWrap = false): Highlighter {
  const registry =
    !forceWrap && typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
      ? CSS.highlights
      : undefined;
  return registry ? new ApiHighlighter(registry, names) : new WrapHighlighter(doc, names.mark);
}

/**
 * Where a mark is painted: terms apart from terms inside links (which have an underline of their own), values, and
 * misspellings of terms (a quieter mark: TermLens is guessing).
 */
type Layer = 'term' | 'linked' | 'value' | 'guess';
const LAYERS: readonly Layer[] = ['term', 'linked', 'value', 'guess'];

/** A term inside a link is tinted, not underlined: a second underline would stack on the link's own. */
function layerOf(range: AbstractRange, kind: MarkKind): Layer {
  if (kind !== 'term') return kind;
  const node = range.startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest('a[href]') ? 'linked' : 'term';
}

class ApiHighlighter implements Highlighter {
  readonly mode = 'highlight-api' as const;
  readonly #layers: Record<Layer, Highlight> = {
    term: new Highlight(),
    linked: new Highlight(),
    value: new Highlight(),
    guess: new Highlight(),
  };
  readonly #active = new Highlight();
  /** Set while the mark highlights are out of the registry for a batch of changes. */
  #batching = false;
  #cleared = false;

  readonly #registry: HighlightRegistry;
  readonly #names: PageNames;

  constructor(registry: HighlightRegistry, names: PageNames) {
    this.#registry = registry;
    this.#names = names;
    this.#active.priority = 1;
    this.#register();
    registry.set(names.active, this.#active);
  }

  #register(): void {
    for (const layer of LAYERS) this.#registry.set(this.#names[layer], this.#layers[layer]);
  }

  // Only a real change touches the registry: every change to it makes the browser repaint the whole document (on a
  // 5 MB page, 30 to 50 ms a frame for ranges far off screen that were never painted).
  add(range: AbstractRange, kind: MarkKind = 'term'): void {
    const highlight = this.#layers[layerOf(range, kind)];
    if (highlight.has(range)) return;
    this.#batch();
    highlight.add(range);
  }

  remove(range: AbstractRange): void {
    const holding = LAYERS.filter((layer) => this.#layers[layer].has(range));
    if (holding.length) {
      this.#batch();
      for (const layer of holding) this.#layers[layer].delete(range);
    }
    this.#active.delete(range);
  }

  setActive(range: AbstractRange | null): void {
    this.#active.clear();
    if (range) this.#active.add(range);
  }

  clientRects(range: AbstractRange): DOMRect[] {
    return [...toLiveRange(range).getClientRects()];
  }

  rangeOfElement(): undefined {
    return undefined;
  }

  /**
   * Chromium does work for every range added to a highlight that is in the registry (adding 330 ranges took 5 to 14
   * ms that way, 0.1 ms before registering). So the first change in a task takes the highlights out of the
   * registry and a microtask puts them back: still before the next frame, so nothing flickers.
   */
  #batch(): void {
    if (this.#batching || this.#cleared) return;
    this.#batching = true;
    for (const layer of LAYERS) this.#registry.delete(this.#names[layer]);
    queueMicrotask(() => {
      this.#batching = false;
      if (!this.#cleared) this.#register();
    });
  }

  clear(): void {
    this.#cleared = true;
    for (const layer of LAYERS) {
      this.#layers[layer].clear();
      this.#registry.delete(this.#names[layer]);
    }
    this.#active.clear();
    this.#registry.delete(this.#names.active);
  }
}

interface Wrapped {
  mark: HTMLElement;
  /** The page's own text node: it keeps the text before the mark and gets everything back on restore. */
  original: Text;
  /** The split-off text node after the mark (null when the mark reached the end of the node). */
  tail: Text | null;
  /** What `original` held right after the cut: if it holds something else at restore, the page rewrote it. */
  cutData: string;
}

class WrapHighlighter implements Highlighter {
  readonly mode = 'wrap' as const;
  /** In wrap order; restored in reverse so each original node is rebuilt in the order it was cut. */
  #wrapped: Wrapped[] = [];
  #byRange = new Map<AbstractRange, Wrapped[]>();
  /** Each mark's term, so hit-testing the element under the pointer is one lookup, not a search of every mark. */
  #rangeByMark = new WeakMap<Element, AbstractRange>();

  readonly #doc: Document;
  readonly #tag: string;

  constructor(doc: Document, tag: string) {
    this.#doc = doc;
    this.#tag = tag;
  }

  add(range: AbstractRange, kind: MarkKind = 'term'): void {
    const pieces = textPieces(range);
    const made: Wrapped[] = [];
    // Back to front, so earlier offsets in the same node stay valid while later pieces are cut.
    for (const { node, start, end } of pieces.reverse()) {
      if (end <= start) continue;
      const tail = end < node.data.length ? node.splitText(end) : null;
      const middle = node.splitText(start);
      const mark = this.#doc.createElement(this.#tag);
      if (kind !== 'term') mark.setAttribute('data-kind', kind);
      middle.replaceWith(mark);
      mark.appendChild(middle);
      made.push({ mark, original: node, tail, cutData: node.data });
      this.#rangeByMark.set(mark, range);
    }
    this.#wrapped.push(...made);
    this.#byRange.set(range, made);
  }

  remove(range: AbstractRange): void {
    const made = this.#byRange.get(range);
    if (!made) return;
    this.#byRange.delete(range);
    const set = new Set(made);
    for (const w of [...made].reverse()) restore(w);
    this.#wrapped = this.#wrapped.filter((w) => !set.has(w));
  }

  setActive(range: AbstractRange | null): void {
    for (const w of this.#wrapped) w.mark.removeAttribute('data-active');
    for (const w of (range && this.#byRange.get(range)) || []) w.mark.setAttribute('data-active', '');
  }

  clientRects(range: AbstractRange): DOMRect[] {
    return [...(this.#byRange.get(range) ?? [])].reverse().flatMap((w) => [...w.mark.getClientRects()]);
  }

  rangeOfElement(el: Element): AbstractRange | undefined {
    const mark = el.closest(this.#tag);
    return mark ? this.#rangeByMark.get(mark) : undefined;
  }

  clear(): void {
    for (const w of this.#wrapped.reverse()) restore(w);
    this.#wrapped = [];
    this.#byRange.clear();
  }
}

function toLiveRange(range: AbstractRange): Range {
  if (range instanceof Range) return range;
  const live = (range.startContainer.ownerDocument ?? document).createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

function restore({ mark, original, tail, cutData }: Wrapped): void {
  const text = mark.textContent ?? '';
  if (mark.isConnected || mark.parentNode) mark.remove();
  // A page that set its text node's value since the cut (React, Vue and others keep the node and write to it) holds
  // the whole new text there: the marked piece and the tail are leftovers of the old text, not to be put back.
  if (original.data !== cutData) {
    tail?.remove();
    return;
  }
  original.appendData(text);
  if (tail) {
    original.appendData(tail.data);
    tail.remove();
  }
}

/** The text-node pieces a range covers, in document order. */
function textPieces(range: AbstractRange): { node: Text; start: number; end: number }[] {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === 3) {
    return [{ node: startContainer as Text, start: startOffset, end: endOffset }];
  }
  const pieces: { node: Text; start: number; end: number }[] = [];
  const doc = startContainer.ownerDocument ?? document;
  const common = commonAncestor(startContainer, endContainer);
  const walker = doc.createTreeWalker(common, NodeFilter.SHOW_TEXT);
  walker.currentNode = startContainer;
  let node: Node | null = startContainer.nodeType === 3 ? startContainer : walker.nextNode();
  while (node) {
    const text = node as Text;
    const start = node === startContainer ? startOffset : 0;
    const end = node === endContainer ? endOffset : text.data.length;
    pieces.push({ node: text, start, end });
    if (node === endContainer) break;
    node = walker.nextNode();
  }
  return pieces;
}

function commonAncestor(a: Node, b: Node): Node {
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n)) return n;
  return a.ownerDocument ?? a;
}
