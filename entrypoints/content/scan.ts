import type { Matcher, SegmentMatch } from '../../core/matcher/types';

/** Subtrees that are not prose for reading: code, forms, media, hidden content and menus. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'MATH',
  'CANVAS', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'HEAD',
  'TITLE', 'NAV', 'DIALOG', 'TERMLENS-POPOVER', 'TERMLENS-MARK',
  // Foreign (SVG, MathML) elements keep their lowercase names.
  'svg', 'math',
]);
const SKIP_ROLES = new Set(['navigation', 'menu', 'menubar', 'textbox', 'searchbox', 'combobox', 'code']);

/** Elements whose text never runs into their neighbours' (a term cannot span them). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML', 'LI', 'MAIN',
  'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'LEGEND', 'LABEL',
  'IMG', 'RUBY', 'RT', 'RP', 'WBR', 'HGROUP', 'SEARCH', 'MENU',
]);

export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  // Most elements carry no attributes at all; they need no further look.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  return role !== null && SKIP_ROLES.has(role);
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

/**
 * Text nodes handed to the matcher together, and the terms found in them. Several blocks travel in one batch,
 * separated by a `null` node whose text is a character no alias contains, so no term spans two blocks.
 */
export interface BlockMatches {
  nodes: (Text | null)[];
  matches: SegmentMatch[];
}

/** Matching a few kilobytes at a time spreads the matcher's fixed cost per call over many small blocks. */
const BATCH_CHARS = 4096;
/** Not a separator, not a letter or digit: a hard word boundary that no term can cross. */
const BLOCK_BOUNDARY = '\u0000';

export interface ScanResult {
  chars: number;
  blocks: BlockMatches[];
  /** Open shadow roots met on the way; the caller scans them too. */
  shadowRoots: ShadowRoot[];
}

/**
 * Walks the text under `root` in document order, cut into blocks, and hands each block to the matcher. The walk is
 * resumable: `step` does work until `deadline()` says stop, so a huge page is scanned in short tasks.
 */
export class BlockScanner {
  private node: Node | null;
  /** The block being read. */
  private segments: string[] = [];
  private nodes: (Text | null)[] = [];
  /** Finished blocks waiting for the matcher. */
  private batchSegments: string[] = [];
  private batchNodes: (Text | null)[] = [];
  private batchChars = 0;
  private readonly result: ScanResult = { chars: 0, blocks: [], shadowRoots: [] };

  constructor(private readonly root: Node, private readonly matcher: Matcher) {
    this.node = root.firstChild;
  }

  get done(): boolean {
    return this.node === null;
  }

  /** Continues the walk; returns true when the whole root has been scanned. */
  step(deadline: () => boolean): boolean {
    let n = this.node;
    let count = 0;
    while (n) {
      // Reading the clock every node costs more than the work; every 64 nodes is well under a millisecond apart.
      if ((++count & 63) === 0 && deadline()) break;
      let descend = false;
      if (n.nodeType === 3) {
        const data = (n as Text).data;
        if (data.length) {
          this.segments.push(data);
          this.nodes.push(n as Text);
        }
      } else if (n.nodeType === 1) {
        const el = n as Element;
        if (isSkippedElement(el)) {
          this.flush(); // hidden or non-prose content ends the run: no term is stitched together across it
        } else {
          if (el.shadowRoot) this.result.shadowRoots.push(el.shadowRoot);
          if (isBlockElement(el)) this.flush();
          else if (el.tagName === 'BR') this.pushBreak();
          descend = true;
        }
      }
      n = this.advance(n, descend);
    }
    this.node = n;
    if (!n) this.flush();
    // Whatever is batched is matched before the slice ends, so marks appear as the walk goes.
    this.matchBatch();
    return !n;
  }

  get scanned(): ScanResult {
    return this.result;
  }

  /** Next node in document order, flushing the current block whenever the walk leaves a block element. */
  private advance(n: Node, descend: boolean): Node | null {
    if (descend && n.firstChild) return n.firstChild;
    let cur: Node | null = n;
    while (cur && cur !== this.root) {
      if (cur.nextSibling) {
        if (cur.nodeType === 1 && isBlockElement(cur as Element)) this.flush();
        return cur.nextSibling;
      }
      cur = cur.parentNode;
      if (cur && cur.nodeType === 1 && isBlockElement(cur as Element)) this.flush();
    }
    return null;
  }

  private pushBreak(): void {
    // A line break separates words but does not end the block: "type 2<br>diabetes" still reads as one term.
    this.segments.push(' ');
    this.nodes.push(null);
  }

  /** Ends the current block: its text joins the batch, which is matched once it is big enough. */
  private flush(): void {
    if (this.segments.length === 0) return;
    let chars = 0;
    for (const seg of this.segments) chars += seg.length;
    this.result.chars += chars;
    if (chars >= 2) {
      if (this.batchSegments.length) {
        this.batchSegments.push(BLOCK_BOUNDARY);
        this.batchNodes.push(null);
      }
      for (const seg of this.segments) this.batchSegments.push(seg);
      for (const node of this.nodes) this.batchNodes.push(node);
      this.batchChars += chars;
    }
    this.segments = [];
    this.nodes = [];
    if (this.batchChars >= BATCH_CHARS) this.matchBatch();
  }

  private matchBatch(): void {
    if (this.batchSegments.length === 0) return;
    const matches = this.matcher.findMatchesInSegments(this.batchSegments);
    if (matches.length) this.result.blocks.push({ nodes: this.batchNodes, matches });
    this.batchSegments = [];
    this.batchNodes = [];
    this.batchChars = 0;
  }
}
