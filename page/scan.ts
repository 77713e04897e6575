/**
 * Subtrees that are not prose for reading: code, forms, media, hidden content, menus, our own wrap-mode marks. Foreign
 * (SVG, MathML) elements keep their lowercase names. Tag lists are one string each: smaller in the content script.
 */
const SKIP_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA INPUT SELECT OPTION BUTTON SVG MATH CANVAS IFRAME FRAME OBJECT EMBED VIDEO AUDIO CODE PRE KBD SAMP VAR HEAD TITLE NAV DIALOG svg math'.split(
    ' ',
  ),
);
const SKIP_ROLES = ['navigation', 'menu', 'menubar', 'textbox', 'searchbox', 'combobox', 'code'];
/**
 * Elements that may carry a skipping attribute, found by the scanner with one native query up front (reading
 * attributes element by element cost more than the whole bare walk). The query names attributes only, without
 * values: a selector with values and :not() took 0.3 to 3.6 ms a page to match, this one a quarter of that.
 */
const MAY_SKIP = '[hidden],[aria-hidden],[contenteditable],[role]';

/** The attribute half of `isSkippedElement`: hidden content, editable areas, menus and code by their roles. */
function hasSkippingAttribute(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  return role !== null && SKIP_ROLES.includes(role);
}

/** Built-in elements that `attachShadow` accepts (the HTML standard's list); custom elements are the rest. */
const SHADOW_HOSTS = new Set(
  'ARTICLE ASIDE BLOCKQUOTE BODY DIV FOOTER H1 H2 H3 H4 H5 H6 HEADER MAIN NAV P SECTION SPAN'.split(' '),
);

/** Elements whose text never runs into their neighbours' (a term cannot span them). */
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR HTML LI MAIN OL P SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL LEGEND LABEL IMG RUBY RT RP WBR HGROUP SEARCH MENU'.split(
    ' ',
  ),
);

export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  // Most elements carry no attributes at all; they need no further look.
  return el.hasAttributes() && hasSkippingAttribute(el);
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

/**
 * The text of some blocks, sent to the matcher together. Blocks are separated by a `null` node whose segment is a
 * character no alias contains, so no term spans two blocks; a line break is a `null` node with "\n".
 */
export interface TextBatch {
  nodes: (Text | null)[];
  segments: string[];
  /** Characters of page text in the batch. */
  chars: number;
  /** The `lang` attribute its blocks sit under, where an element inside the page declares one; else the page's. */
  lang?: string;
}

/** Matching a few kilobytes at a time spreads the matcher's fixed cost per call over many small blocks. */
const BATCH_CHARS = 4096;
/** Not a separator, not a letter or digit: a hard word boundary that no term can cross. */
const BLOCK_BOUNDARY = '\u0000';

export interface ScanResult {
  chars: number;
  /** Batches made since the caller last took them (it empties this array). */
  batches: TextBatch[];
  /** Open shadow roots met on the way; the caller scans them too. */
  shadowRoots: ShadowRoot[];
}

/**
 * Walks the text under `root` in document order, cut into blocks, and batches the blocks' text for the matcher (which
 * runs elsewhere: see core/session). The walk is resumable: `step` does work until `deadline()` says stop, so a huge
 * page is read in short tasks.
 *
 * No glossary text or explanation rides in the page's scripts (the background builds them, the card shows them): no
 * code from `glossary/` or `core/values/` belongs here, types aside. tests/e2e/bundle.test.ts reads the build and
 * fails when such text reaches this script or the gate.
 */
export class BlockScanner {
  /**
   * A native walker over elements and text: one call per node instead of three property reads, and a skipped
   * subtree is stepped over without visiting it.
   */
  readonly #walker: TreeWalker;
  /** The next node to look at, or null when the walk is over. */
  #node: Node | null;
  /** Parent of the last text node read, and the block element (or root) it belongs to. */
  #lastParent: Node | null = null;
  #block: Node | null = null;
  /** The block being read. */
  #segments: string[] = [];
  #nodes: (Text | null)[] = [];
  /** Finished blocks waiting for the matcher. */
  #batchSegments: string[] = [];
  #batchNodes: (Text | null)[] = [];
  #batchChars = 0;
  readonly #result: ScanResult = { chars: 0, batches: [], shadowRoots: [] };
  /**
   * Elements skipped for an attribute (hidden, editable, menus), found with one native query up front: reading
   * attributes element by element cost more than the whole bare walk over the page's text.
   */
  readonly #skippedByAttribute: Set<Element>;
  /**
   * Elements inside the page that declare a language (`<p lang="en">` on a Spanish page), found with one native query
   * up front; null on the usual page, where only <html> does, so its blocks cost nothing more.
   */
  readonly #langHosts: Set<Element> | null;
  /** The language attribute of the batch being filled: a batch holds the blocks of one declared language. */
  #batchLang: string | undefined;

  readonly #root: Node;

  constructor(root: Node) {
    this.#root = root;
    const doc = root.ownerDocument ?? (root as Document);
    this.#walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    this.#node = this.#walker.nextNode();
    const queryable = root as Partial<ParentNode>;
    const candidates = typeof queryable.querySelectorAll === 'function' ? queryable.querySelectorAll(MAY_SKIP) : [];
    this.#skippedByAttribute = new Set([...candidates].filter(hasSkippingAttribute));
    const declared =
      typeof queryable.querySelectorAll === 'function'
        ? [...queryable.querySelectorAll('[lang]')].filter((el) => el !== doc.documentElement)
        : [];
    this.#langHosts = declared.length ? new Set(declared) : null;
    if (root.nodeType === 1 && isSkippedElement(root as Element)) this.#node = null;
  }

  get done(): boolean {
    return this.#node === null;
  }

  /** Continues the walk; returns true when the whole root has been scanned. */
  step(deadline: () => boolean): boolean {
    const walker = this.#walker;
    let n = this.#node;
    let count = 0;
    while (n) {
      // Reading the clock every node costs more than the work; every 64 nodes is well under a millisecond apart.
      if ((++count & 63) === 0 && deadline()) break;
      if (n.nodeType === 3) {
        const data = (n as Text).data;
        const parent = n.parentNode;
        if (parent !== this.#lastParent) {
          // Leaving a block is seen here: the text now belongs to another block element.
          this.#lastParent = parent;
          const block = this.#blockOf(parent);
          if (block !== this.#block) {
            this.#flush();
            this.#block = block;
            if (this.#langHosts) this.#enterLanguage(block);
          }
        }
        if (data.length) {
          this.#segments.push(data);
          this.#nodes.push(n as Text);
        }
        n = walker.nextNode();
        continue;
      }
      const el = n as Element;
      const tag = el.tagName;
      if (SKIP_TAGS.has(tag) || this.#skippedByAttribute.has(el)) {
        this.#flush(); // hidden or non-prose content ends the run: no term is stitched together across it
        n = this.#skipSubtree();
        continue;
      }
      // Only custom elements and a few built-ins can host a shadow root; asking every <a> or <td> costs a native call.
      if ((SHADOW_HOSTS.has(tag) || tag.includes('-')) && el.shadowRoot) this.#result.shadowRoots.push(el.shadowRoot);
      if (BLOCK_TAGS.has(tag)) this.#flush();
      else if (tag === 'BR') this.#pushBreak();
      n = walker.nextNode();
    }
    this.#node = n;
    if (!n) {
      this.#flush();
      this.#endBatch();
    }
    // A batch ends at BATCH_CHARS or with the walk, never with a slice: where batches end is where the page's context
    // is weighed (its topic), so it must not depend on how fast the machine walked.
    return !n;
  }

  get scanned(): ScanResult {
    return this.#result;
  }

  /** The first node after the walker's current node and everything inside it. */
  #skipSubtree(): Node | null {
    const walker = this.#walker;
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  }

  /** The nearest block element holding `parent` (inline markup in between is part of the block), or the root. */
  #blockOf(parent: Node | null): Node | null {
    let cur = parent;
    while (cur && cur !== this.#root) {
      if (cur.nodeType === 1 && isBlockElement(cur as Element)) return cur;
      cur = cur.parentNode;
    }
    return this.#root;
  }

  /** A block under another declared language than the batch's starts a batch of its own. */
  #enterLanguage(block: Node | null): void {
    let lang: string | undefined;
    for (let cur = block; cur; cur = cur.parentNode) {
      if (cur.nodeType === 1 && this.#langHosts!.has(cur as Element)) {
        lang = (cur as Element).getAttribute('lang') ?? undefined;
        break;
      }
      if (cur === this.#root) break;
    }
    if (lang === this.#batchLang) return;
    this.#endBatch();
    this.#batchLang = lang;
  }

  #pushBreak(): void {
    // A line break separates words but does not end the block: "type 2<br>diabetes" still reads as one term (a
    // newline is a separator to the matcher). It does end a line for the context rules: a bold heading and the
    // sentence after its <br> are not one title ("Other medicines and Metformin<br>Tell your doctor").
    this.#segments.push('\n');
    this.#nodes.push(null);
  }

  /** Ends the current block: its text joins the batch, which is matched once it is big enough. */
  #flush(): void {
    if (this.#segments.length === 0) return;
    let chars = 0;
    for (const seg of this.#segments) chars += seg.length;
    this.#result.chars += chars;
    if (chars >= 2) {
      if (this.#batchSegments.length) {
        this.#batchSegments.push(BLOCK_BOUNDARY);
        this.#batchNodes.push(null);
      }
      for (const seg of this.#segments) this.#batchSegments.push(seg);
      for (const node of this.#nodes) this.#batchNodes.push(node);
      this.#batchChars += chars;
    }
    this.#segments = [];
    this.#nodes = [];
    if (this.#batchChars >= BATCH_CHARS) this.#endBatch();
  }

  #endBatch(): void {
    if (this.#batchSegments.length === 0) return;
    const batch: TextBatch = { nodes: this.#batchNodes, segments: this.#batchSegments, chars: this.#batchChars };
    if (this.#batchLang !== undefined) batch.lang = this.#batchLang;
    this.#result.batches.push(batch);
    this.#batchSegments = [];
    this.#batchNodes = [];
    this.#batchChars = 0;
  }
}
