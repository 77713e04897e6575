import type { GlossaryEntry } from '../../core/glossary/types';
import type { TermInfo } from '../../core/matcher/precompile';
import type { Matcher } from '../../core/matcher/types';
import type { Settings } from '../../core/settings';
import type { PageTerm } from '../../utils/messages';
import type { ValueExplanation, ValueMatch } from '../../core/values/types';
import { pageHighlightCss } from '../../components/popover-styles';
import { BlockScanner, isBlockElement, isSkippedElement, type BlockMatches } from './scan';
import { createHighlighter, type Highlighter } from './highlighter';
import { batchMarks } from './marks';
import { HOST_TAG, PopoverHost, type Anchor, type PopoverContent } from './popover-host';
import { runInSlices } from './scheduler';
import { pageIsDark } from './page-theme';
import { PageContext } from '../../core/context';
import type { SegmentMatch } from '../../core/matcher/types';
import knownNames from '../../glossary/names.json';

/** One occurrence of a glossary term, or of a value of a known measure, on the page. */
export interface Hit {
  /** The glossary entry; '' for a value. */
  entryId: string;
  /** Set for a value ("A1C 7.2%"): explained by `explainValue`, never counted as a glossary term. */
  value?: ValueMatch;
  range: StaticRange;
  /** The marked text as the page writes it. */
  text: string;
  /** The text nodes the term spans (usually one; `HbA<sub>1c</sub>` spans two). */
  nodes: Text[];
  painted: boolean;
  /** The element whose box shows the term (its text's parent, or the nearest ancestor with a box). */
  box: Element;
}

export interface ControllerDeps {
  doc: Document;
  /** Every entry's id, term and category; the full text comes through `lookup` / `load`. */
  terms: readonly TermInfo[];
  matcher: Matcher;
  site: string;
  /** A full entry if it has been loaded already (the popover names related entries with it). */
  lookup: (id: string) => GlossaryEntry | undefined;
  /** Loads a full entry (and the entries it links to) from the background. */
  load: (id: string) => Promise<GlossaryEntry | undefined>;
  /** Explains a value found on the page (from the background: the explanations' text is not in the content script). */
  explainValue: (match: ValueMatch) => Promise<ValueExplanation | undefined>;
  openGlossary: (id?: string, query?: string) => void;
  disableSite: () => void;
  /** Reports how many distinct terms are marked, after each scan. */
  reportStatus: (count: number) => void;
  /** For tests: paint by wrapping even where the Highlight API exists. */
  forceWrap?: boolean;
  /** False for a controller that only explains a selection on a page where highlighting is off. */
  scan?: boolean;
  /** Called when the popover closes. */
  onPopoverClosed?: () => void;
}

const CLOSE_GRACE_MS = 300;

/**
 * Everything TermLens does on one document while it is switched on: scan, paint, follow changes, hit-test the
 * pointer and open the popover. `destroy()` undoes all of it.
 */
export class PageController {
  /** Every term found, by its range: wrap-mode hit-testing goes from the element under the pointer to its range. */
  private readonly hits = new Map<AbstractRange, Hit>();
  private readonly byNode = new Map<Text, Hit[]>();
  /** How many painted occurrences each entry has, for "first occurrence" density and the badge count. */
  private readonly paintedEntries = new Map<string, number>();
  /**
   * Painted terms by the element holding their first text node. Only elements near the viewport get their terms
   * into the Highlight: with tens of thousands of marks, the browser repaints cost grows with every range registered.
   */
  private readonly byElement = new Map<Element, Hit[]>();
  private readonly nearViewport = new Set<Element>();
  private readonly visibility: IntersectionObserver | null;
  private readonly highlighter: Highlighter;
  private readonly popover: PopoverHost;
  private readonly sheet: CSSStyleSheet;
  private readonly styledRoots = new Set<Document | ShadowRoot>();
  private readonly shadowRoots: ShadowRoot[] = [];
  private readonly observers: MutationObserver[] = [];
  private readonly cleanups: (() => void)[] = [];
  private readonly termOf: Map<string, TermInfo>;
  /** What the page's text says about its matches: names, its own abbreviations, whether it is about diabetes. */
  private readonly context: PageContext;
  /** Matches the context holds back (topic-only wordings, short forms waiting for their entry's name), by block. */
  private heldBack: BlockMatches[] = [];
  /** `context.generation` when the held-back matches were last looked at. */
  private heldGeneration = -1;
  /** Bumped whenever a popover is asked for, so an entry that arrives late never opens over a newer request. */
  private openRequest = 0;
  private queue: Node[] = [];
  private cancelScan: (() => void) | null = null;
  private sortedCache: Hit[] | null = null;
  private activeHit: Hit | null = null;
  private hoverHit: Hit | null = null;
  private openTimer = 0;
  private closeTimer = 0;
  private lastPointer = { x: 0, y: 0, type: 'mouse' };
  private pendingMove = false;
  private destroyed = false;

  constructor(private readonly deps: ControllerDeps, private settings: Settings) {
    const { doc } = deps;
    this.termOf = new Map(deps.terms.map((t) => [t.id, t]));
    this.context = new PageContext({
      knownNames: knownNames.names,
      termOf: (id) => this.termOf.get(id),
      matchesIn: (text) => deps.matcher.findMatches(text),
    });
    this.highlighter = createHighlighter(doc, deps.forceWrap);
    const View = doc.defaultView;
    this.visibility =
      this.highlighter.mode === 'highlight-api' && View && 'IntersectionObserver' in View
        ? new View.IntersectionObserver((entries) => this.onVisibility(entries), { rootMargin: '100% 0px 100% 0px' })
        : null;
    this.sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    this.applyStyle();
    this.adoptStyles(doc);
    this.popover = new PopoverHost(doc, deps.site, {
      lookup: deps.lookup,
      load: deps.load,
      openGlossary: deps.openGlossary,
      disableSite: deps.disableSite,
      closed: () => this.onPopoverClosed(),
    });
    this.listen();
    if (deps.scan === false) return;
    this.observe(doc);
    if (doc.body) this.enqueue(doc.body, 'initial');
  }

  get mode(): Highlighter['mode'] {
    return this.highlighter.mode;
  }

  /** Style changes apply at once; what is marked (density, categories) needs a fresh controller. */
  updateStyle(settings: Settings): void {
    this.settings = settings;
    this.applyStyle();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.cancelScan?.();
    for (const o of this.observers) o.disconnect();
    this.visibility?.disconnect();
    this.popover.close();
    this.highlighter.clear();
    for (const root of this.styledRoots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    for (const c of this.cleanups) c();
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.hits.clear();
    this.byNode.clear();
  }

  /** Distinct terms on the page with how often each occurs (painted or not). */
  pageTerms(): PageTerm[] {
    const counts = new Map<string, number>();
    for (const h of this.hits.values()) if (!h.value) counts.set(h.entryId, (counts.get(h.entryId) ?? 0) + 1);
    return [...counts]
      .map(([id, count]) => {
        const t = this.termOf.get(id);
        return t ? { id, term: t.term, category: t.category, count } : null;
      })
      .filter((t): t is PageTerm => t !== null)
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
  }

  /** Moves to the next or previous marked term, scrolls it into view and explains it. */
  navigate(direction: 1 | -1): boolean {
    const list = this.sorted();
    if (!list.length) return false;
    let index: number;
    const current = this.activeHit ? list.indexOf(this.activeHit) : -1;
    if (current >= 0) {
      index = (current + direction + list.length) % list.length;
    } else {
      // Start from what the reader is looking at, not from the top of the page.
      const firstVisible = list.findIndex((h) => (this.rectsOf(h)[0]?.bottom ?? -1) >= 0);
      index = direction === 1 ? Math.max(0, firstVisible) : (firstVisible > 0 ? firstVisible : list.length) - 1;
    }
    for (let tries = 0; tries < list.length; tries++) {
      const hit = list[index]!;
      if (this.isShown(hit)) {
        this.reveal(hit);
        this.openFor(hit, true);
        return true;
      }
      index = (index + direction + list.length) % list.length;
    }
    return false;
  }

  /** Scrolls to the first occurrence of an entry and explains it (used by the popup's "on this page"). */
  showEntry(id: string): boolean {
    const wanted = (h: Hit) => !h.value && h.entryId === id && this.isShown(h);
    const hit = this.sorted().find(wanted) ?? [...this.hits.values()].find(wanted);
    if (!hit) return false;
    this.reveal(hit);
    this.openFor(hit, true);
    return true;
  }

  /** Explains the current selection: an exact term if the selection is one, else what the lookup suggests. */
  explainSelection(resolve: (text: string) => Promise<string | null>): void {
    const selection = this.deps.doc.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || !text || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0).cloneRange();
    const anchor: Anchor = {
      rects: () => [...range.getClientRects()],
      context: range.commonAncestorContainer instanceof Element ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement ?? this.deps.doc.documentElement,
    };
    const exact = this.deps.matcher.findMatches(text);
    const direct = exact.length === 1 && exact[0]!.text.length >= text.length - 2 ? exact[0]!.entryId : null;
    const request = ++this.openRequest;
    void (direct ? Promise.resolve(direct) : resolve(text)).then(async (id) => {
      const entry = id ? await this.deps.load(id) : undefined;
      if (this.destroyed || request !== this.openRequest) return;
      this.setActive(null);
      this.popover.theme = pageIsDark(this.deps.doc) ? 'dark' : 'light';
      this.popover.open(entry ? { kind: 'entry', entry } : { kind: 'not-found', text }, anchor, true);
    });
  }

  // ---- scanning ---------------------------------------------------------------------------------------------------

  private enqueue(root: Node, kind: 'initial' | 'update'): void {
    this.queue.push(root);
    if (this.cancelScan) return;
    const started = performance.now();
    let chars = 0;
    let matches = 0;
    let scanner: BlockScanner | null = null;
    const work = (deadline: () => boolean): boolean => {
      while (!deadline()) {
        if (!scanner) {
          const next = this.queue.shift();
          if (!next) return true;
          if (!next.isConnected) continue;
          // A rescan replaces what an earlier scan found here: on a page that keeps changing, a scan already under
          // way can reach nodes queued for their own rescan, and the same term must not be found twice.
          if (this.byNode.size) for (const text of textNodesUnder(next)) for (const hit of this.byNode.get(text) ?? []) this.dropHit(hit);
          // Matches held back under it are found again by this scan, with the text as it is now.
          if (this.heldBack.length) this.heldBack = this.heldBack.filter((b) => !b.nodes.some((n) => n !== null && next.contains(n)));
          scanner = new BlockScanner(next, this.deps.matcher, this.settings.explainValues, this.context.refine);
        }
        const finished = scanner.step(deadline);
        const result = scanner.scanned;
        // Paint what this slice found right away, then forget it, so a huge page shows marks as it goes.
        matches += this.addBlocks(result.blocks.splice(0));
        matches += this.applyContext();
        for (const root of result.shadowRoots.splice(0)) this.addShadowRoot(root);
        if (finished) {
          chars += result.chars;
          scanner = null;
        }
      }
      return false;
    };
    this.cancelScan = runInSlices(
      work,
      (busyMs, slices, longestMs) => {
        this.cancelScan = null;
        const round = (ms: number) => Math.round(ms * 100) / 100;
        performance.measure('termlens:scan', {
          start: started,
          end: performance.now(),
          detail: {
            kind, chars, matches, busyMs: round(busyMs), slices, longestSliceMs: round(longestMs), mode: this.highlighter.mode,
            onTopic: this.context.topic.onTopic, heldBack: this.heldBack.reduce((n, b) => n + b.matches.length, 0),
          },
        });
        this.deps.reportStatus(this.paintedEntries.size);
      },
      kind === 'update',
    );
  }

  /**
   * What the context learnt from the latest batches: marks of an abbreviation the page turns out to define otherwise
   * go, and held topic-only matches are marked once the page is on topic.
   */
  private applyContext(): number {
    if (this.context.takeForeignChanged()) {
      for (const hit of [...this.hits.values()]) if (!hit.value && this.context.isForeign(hit.text)) this.dropHit(hit);
    }
    if (!this.heldBack.length || this.context.generation === this.heldGeneration) return 0;
    this.heldGeneration = this.context.generation;
    const held = this.heldBack.filter((b) => b.nodes.every((n) => n === null || n.isConnected));
    this.heldBack = [];
    // addBlocks holds back again whatever is still not allowed.
    return this.addBlocks(held.map((b) => ({ ...b, matches: b.matches.filter((m) => !this.context.isForeign(m.text)) })));
  }

  /** Holds back the matches of `block` that the page's context does not allow (yet). */
  private holdBack(block: BlockMatches): BlockMatches {
    if (block.matches.every((m) => this.context.allows(m))) return block;
    const held: SegmentMatch[] = [];
    const kept: SegmentMatch[] = [];
    for (const m of block.matches) (this.context.allows(m) ? kept : held).push(m);
    this.heldBack.push({ nodes: block.nodes, matches: held, values: [] });
    return { ...block, matches: kept };
  }

  private addBlocks(blocks: BlockMatches[]): number {
    let added = 0;
    const hidden = this.settings.hiddenCategories as string[];
    for (const block of blocks) {
      const { nodes, matches, values } = this.holdBack(block);
      const fresh: Hit[] = [];
      for (const m of batchMarks(matches, values)) {
        if (m.kind === 'term' && hidden.includes(this.termOf.get(m.entryId)?.category ?? '')) continue;
        const startNode = nodes[m.start.segment];
        const endNode = nodes[m.end.segment];
        // Whether the text is shown, and which element's box shows it, is settled when it nears the viewport (see
        // onVisibility): asking here would make the browser compute the page's style in the middle of a scan slice.
        const box = startNode?.parentElement;
        if (!startNode || !endNode || !box) continue;
        const spanned = nodes.slice(m.start.segment, m.end.segment + 1).filter((n): n is Text => n !== null);
        const range = new StaticRange({ startContainer: startNode, startOffset: m.start.offset, endContainer: endNode, endOffset: m.end.offset });
        let hit: Hit;
        if (m.kind === 'value') {
          // Every value is its own reading: "first occurrence only" is about terms.
          hit = { entryId: '', value: m.value, text: '', range, nodes: spanned, painted: true, box };
        } else {
          const paint = this.settings.density === 'all' || !this.paintedEntries.has(m.entryId);
          hit = { entryId: m.entryId, text: m.text, range, nodes: spanned, painted: paint, box };
          if (paint) this.paintedEntries.set(m.entryId, (this.paintedEntries.get(m.entryId) ?? 0) + 1);
        }
        this.hits.set(range, hit);
        for (const n of spanned) {
          const list = this.byNode.get(n);
          if (list) list.push(hit);
          else this.byNode.set(n, [hit]);
        }
        fresh.push(hit);
        added++;
      }
      // Wrapping cuts text nodes: cut from the back so the offsets of earlier terms in the same node stay right.
      const toPaint = fresh.filter((h) => h.painted);
      if (this.highlighter.mode === 'wrap') this.withoutObserving(() => toPaint.reverse().forEach((h) => this.highlighter.add(h.range, kindOf(h))));
      else for (const h of toPaint) this.track(h);
    }
    if (added) this.sortedCache = null;
    return added;
  }

  private addShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.includes(root)) return;
    this.shadowRoots.push(root);
    this.adoptStyles(root);
    this.observe(root);
    this.enqueue(root, 'update');
  }

  private dropHit(hit: Hit): void {
    if (!this.hits.delete(hit.range)) return;
    if (hit.painted) {
      if (this.highlighter.mode === 'wrap') this.withoutObserving(() => this.highlighter.remove(hit.range));
      else this.untrack(hit);
    }
    for (const n of hit.nodes) {
      const list = this.byNode.get(n)?.filter((h) => h !== hit);
      if (list?.length) this.byNode.set(n, list);
      else this.byNode.delete(n);
    }
    if (hit === this.activeHit) this.popover.close();
    if (hit.painted && !hit.value) {
      const left = (this.paintedEntries.get(hit.entryId) ?? 1) - 1;
      if (left > 0) this.paintedEntries.set(hit.entryId, left);
      else this.paintedEntries.delete(hit.entryId);
    }
    this.sortedCache = null;
  }

  /** Registers a painted term; it is drawn while its element is near the viewport (at once without an observer). */
  private track(hit: Hit): void {
    const el = hit.box;
    if (!this.visibility) {
      this.highlighter.add(hit.range, kindOf(hit));
      return;
    }
    const list = this.byElement.get(el);
    if (list) list.push(hit);
    else {
      this.byElement.set(el, [hit]);
      this.visibility.observe(el);
    }
    if (this.nearViewport.has(el)) this.highlighter.add(hit.range, kindOf(hit));
  }

  private untrack(hit: Hit): void {
    this.highlighter.remove(hit.range);
    const el = hit.box;
    const list = this.byElement.get(el);
    if (!list) return;
    const rest = list.filter((h) => h !== hit);
    if (rest.length) this.byElement.set(el, rest);
    else {
      this.byElement.delete(el);
      this.nearViewport.delete(el);
      this.visibility?.unobserve(el);
    }
  }

  private onVisibility(entries: IntersectionObserverEntry[]): void {
    if (this.destroyed) return;
    for (const { target, isIntersecting, boundingClientRect } of entries) {
      const hits = this.byElement.get(target);
      if (!hits) continue;
      if (!isIntersecting && boundingClientRect.width === 0 && boundingClientRect.height === 0) {
        // No box: display:none (not for reading) or display:contents, whose text shows in an ancestor's box. Style is
        // up to date in this callback, so asking is cheap here.
        const home = boxOf(target);
        if (home && home !== target) this.rehome(target, home, hits);
        continue;
      }
      // visibility:hidden text has a box and intersects; it is not for reading.
      const shown = isIntersecting && (typeof target.checkVisibility !== 'function' || target.checkVisibility({ visibilityProperty: true }));
      if (shown) this.nearViewport.add(target);
      else this.nearViewport.delete(target);
      for (const h of hits) {
        if (shown) this.highlighter.add(h.range, kindOf(h));
        else if (h !== this.activeHit) this.highlighter.remove(h.range);
      }
    }
  }

  /** Watches `home` instead of `from` for these hits (text in a display:contents element shows in an ancestor's box). */
  private rehome(from: Element, home: Element, hits: Hit[]): void {
    this.byElement.delete(from);
    this.visibility?.unobserve(from);
    for (const h of hits) {
      h.box = home;
      this.track(h);
    }
  }

  // ---- following page changes -------------------------------------------------------------------------------------

  private observe(root: Document | ShadowRoot): void {
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push(observer);
  }

  /** Wrap mode edits the DOM itself; those edits must not come back as page changes to rescan. */
  private withoutObserving(fn: () => void): void {
    const pending = this.observers.flatMap((o) => o.takeRecords());
    fn();
    for (const o of this.observers) o.takeRecords();
    if (pending.length) queueMicrotask(() => this.onMutations(pending));
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.destroyed || !records.length) return;
    const rescan = new Set<Node>();
    for (const r of records) {
      if (this.popover.contains(r.target)) continue;
      if (r.type === 'characterData') {
        rescan.add(blockOf(r.target));
        continue;
      }
      for (const added of r.addedNodes) {
        if (isOurHost(added)) continue;
        // New blocks are scanned on their own; loose text or inline markup changes the block it lands in.
        rescan.add(added.nodeType === 1 && isBlockElement(added as Element) ? added : blockOf(r.target));
      }
      if ([...r.removedNodes].some((n) => !isOurHost(n))) rescan.add(blockOf(r.target));
    }
    // Drop marks whose text is gone or is about to be scanned again, found through the changed nodes themselves.
    const roots = [...rescan].filter((n) => n.isConnected && !insideSkipped(n));
    const stale = new Set<Hit>();
    const collect = (node: Node) => {
      for (const text of textNodesUnder(node)) for (const hit of this.byNode.get(text) ?? []) stale.add(hit);
    };
    for (const r of records) {
      if (r.type === 'characterData') collect(r.target);
      else for (const removed of r.removedNodes) if (!isOurHost(removed)) collect(removed);
    }
    for (const root of roots) collect(root);
    for (const hit of stale) this.dropHit(hit);
    for (const root of roots) {
      if (roots.some((other) => other !== root && other.contains(root))) continue;
      this.enqueue(root, 'update');
    }
  }

  // ---- pointer, touch and keyboard --------------------------------------------------------------------------------

  private listen(): void {
    const { doc } = this.deps;
    const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void, opts: AddEventListenerOptions) => {
      doc.addEventListener(type, fn, opts);
      this.cleanups.push(() => doc.removeEventListener(type, fn, opts));
    };
    on('pointermove', (e) => this.onPointerMove(e), { passive: true, capture: true });
    on('pointerdown', (e) => this.onPointerDown(e), { passive: true, capture: true });
    on('click', (e) => this.onClick(e), { capture: true });
    on('keydown', (e) => {
      if (e.key === 'Escape' && this.popover.isOpen) this.popover.close(true);
    }, { capture: true });
  }

  private onPointerMove(e: PointerEvent): void {
    this.lastPointer = { x: e.clientX, y: e.clientY, type: e.pointerType };
    if (e.pointerType === 'touch' || this.pendingMove) return;
    this.pendingMove = true;
    // One hit-test per frame, however fast the mouse moves.
    requestAnimationFrame(() => {
      this.pendingMove = false;
      if (this.destroyed) return;
      const { x, y } = this.lastPointer;
      if (this.popover.contains(this.elementAt(x, y))) {
        clearTimeout(this.closeTimer);
        clearTimeout(this.openTimer);
        this.hoverHit = null;
        return;
      }
      const hit = this.hitTest(x, y);
      if (hit === this.hoverHit) return;
      this.hoverHit = hit;
      clearTimeout(this.openTimer);
      if (hit && hit === this.activeHit) {
        clearTimeout(this.closeTimer);
      } else if (hit) {
        // Fetch the popover text while the reader's pointer settles, so it is at hand when the intent fires.
        void this.content(hit).then((content) => {
          if (content && !this.destroyed) this.popover.warmUp(content);
        });
        this.openTimer = window.setTimeout(() => this.openFor(hit, false, { x, y }, performance.now()), this.settings.hoverDelayMs);
      } else if (this.popover.isOpen && !this.popover.element?.matches(':focus-within')) {
        clearTimeout(this.closeTimer);
        this.closeTimer = window.setTimeout(() => this.popover.close(), CLOSE_GRACE_MS);
      }
    });
  }

  private onPointerDown(e: PointerEvent): void {
    this.lastPointer = { x: e.clientX, y: e.clientY, type: e.pointerType };
    if (!this.popover.isOpen || this.popover.contains(e.composedPath()[0] ?? e.target)) return;
    if (this.hitTest(e.clientX, e.clientY) === this.activeHit && this.activeHit) return;
    this.popover.close();
  }

  private onClick(e: MouseEvent): void {
    // A tap has no hover: tapping a term opens it at once.
    if (this.lastPointer.type !== 'touch' || this.popover.contains(e.target)) return;
    const hit = this.hitTest(e.clientX, e.clientY);
    if (hit) this.openFor(hit, false, { x: e.clientX, y: e.clientY });
  }

  private elementAt(x: number, y: number): Element | null {
    return this.deps.doc.elementFromPoint(x, y);
  }

  /** The marked term under a point: caret hit-testing finds the text position, then the term's boxes confirm it. */
  hitTest(x: number, y: number): Hit | null {
    if (!this.hits.size) return null;
    if (this.highlighter.mode === 'wrap') {
      const el = this.elementAt(x, y);
      const range = el && this.highlighter.rangeOfElement(el);
      return (range && this.hits.get(range)) || null;
    }
    const { doc } = this.deps;
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const pos = doc.caretPositionFromPoint(x, y, { shadowRoots: this.shadowRoots });
      node = pos?.offsetNode ?? null;
      offset = pos?.offset ?? 0;
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const r = doc.caretRangeFromPoint(x, y);
      node = r?.startContainer ?? null;
      offset = r?.startOffset ?? 0;
    }
    const candidates = node && node.nodeType === 3 ? this.byNode.get(node as Text) : undefined;
    if (!candidates) return null;
    for (const hit of candidates) {
      if (!hit.painted) continue;
      const { range } = hit;
      const inside =
        (node !== range.startContainer || offset >= range.startOffset) && (node !== range.endContainer || offset <= range.endOffset);
      if (inside && this.rectsOf(hit).some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1)) return hit;
    }
    return null;
  }

  // ---- the popover ------------------------------------------------------------------------------------------------

  /** `intentAt`: when hover intent fired, to measure how long the reader waits for the popover (`termlens:popover`). */
  /** What the popover shows for a hit: its entry, or its value's explanation. */
  private content(hit: Hit): Promise<PopoverContent | undefined> {
    if (hit.value) return this.deps.explainValue(hit.value).then((explanation) => explanation && { kind: 'value', explanation });
    return this.deps.load(hit.entryId).then((entry) => entry && { kind: 'entry', entry });
  }

  private openFor(hit: Hit, takeFocus: boolean, point?: { x: number; y: number }, intentAt?: number): void {
    const request = ++this.openRequest;
    // Usually loaded already (fetched when the pointer arrived); then this resolves in a microtask.
    void this.content(hit).then((content) => {
      if (content && !this.destroyed && request === this.openRequest) this.openWith(hit, content, takeFocus, point, intentAt);
    });
  }

  private openWith(hit: Hit, content: PopoverContent, takeFocus: boolean, point?: { x: number; y: number }, intentAt?: number): void {
    if (!hit.nodes[0]?.isConnected) return;
    clearTimeout(this.closeTimer);
    this.popover.theme = pageIsDark(this.deps.doc) ? 'dark' : 'light';
    const context = hit.nodes[0].parentElement ?? this.deps.doc.documentElement;
    const placed = this.popover.open(content, { rects: () => this.rectsOf(hit), context, point }, takeFocus);
    this.setActive(hit);
    if (intentAt !== undefined) {
      void placed.then(() => {
        const placedAt = performance.now();
        // The next animation frame is the one that paints it.
        requestAnimationFrame(() =>
          performance.measure('termlens:popover', {
            start: intentAt,
            end: performance.now(),
            detail: {
              ...(hit.value ? { value: hit.value.text, measure: hit.value.measure } : { entryId: hit.entryId }),
              placedMs: Math.round((placedAt - intentAt) * 100) / 100,
            },
          }),
        );
      });
    }
  }

  private onPopoverClosed(): void {
    this.setActive(null);
    this.hoverHit = null;
    this.deps.onPopoverClosed?.();
  }

  private setActive(hit: Hit | null): void {
    this.activeHit = hit;
    this.highlighter.setActive(hit?.range ?? null);
  }

  private rectsOf(hit: Hit): DOMRect[] {
    return this.highlighter.clientRects(hit.range);
  }

  private reveal(hit: Hit): void {
    const rect = this.rectsOf(hit)[0];
    const view = this.deps.doc.defaultView;
    if (!rect || !view) return;
    if (rect.top < 0 || rect.bottom > view.innerHeight) {
      hit.box.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    }
  }

  private sorted(): Hit[] {
    if (!this.sortedCache) {
      this.sortedCache = [...this.hits.values()].filter((h) => h.painted).sort(compareHits);
    }
    return this.sortedCache;
  }

  /** Terms in collapsed or hidden parts of the page are kept (they are marked once shown) but never navigated to. */
  private isShown(hit: Hit): boolean {
    return this.rectsOf(hit).length > 0;
  }

  // ---- styles -----------------------------------------------------------------------------------------------------

  private applyStyle(): void {
    this.sheet.replaceSync(pageHighlightCss(this.settings.style, pageIsDark(this.deps.doc)));
  }

  private adoptStyles(root: Document | ShadowRoot): void {
    if (this.styledRoots.has(root)) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    this.styledRoots.add(root);
  }
}

function kindOf(hit: Hit): 'term' | 'value' {
  return hit.value ? 'value' : 'term';
}

/** Our popover's host comes and goes on the page; its own coming and going is not a page change. */
function isOurHost(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName === HOST_TAG.toUpperCase();
}

function blockOf(node: Node): Node {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 1 && isBlockElement(n as Element)) return n;
    if (n.nodeType === 11) return n; // a shadow root is as far as a block can reach
  }
  return node;
}

/**
 * The element whose box shows `start`'s text: itself, or through display:contents wrappers the nearest ancestor with
 * a box; null when the text is not shown. Walked in a loop, not recursively: pages nest such wrappers thousands deep.
 */
function boxOf(start: Element): Element | null {
  for (let el: Element | null = start; el; ) {
    if (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true })) return el;
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    if (!style || style.display !== 'contents' || style.visibility === 'hidden') return null;
    el = el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
  }
  return null;
}

function* textNodesUnder(node: Node): Generator<Text> {
  if (node.nodeType === 3) {
    yield node as Text;
    return;
  }
  const walker = (node.ownerDocument ?? document).createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text;
}

function insideSkipped(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
  }
  return false;
}

function compareHits(a: Hit, b: Hit): number {
  const an = a.range.startContainer;
  const bn = b.range.startContainer;
  if (an === bn) return a.range.startOffset - b.range.startOffset;
  const pos = an.compareDocumentPosition(bn);
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
