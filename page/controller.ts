import { notMisspellingsOn, paintsOccurrence, type Settings } from '../core/settings';
import type { PageNames } from '../utils/random-id';
import type { CardContent } from '../components/card/protocol';
import { pageHighlightCss } from '../components/page-marks-css';
import { CardHost } from './card-host';
import { PageFollower, textNodesUnder } from './follower';
import { HitIndex, type Hit } from './hits';
import { PointerIntent } from './intent';
import { ViewportPainter } from './painter';
import { PageReader, type ReadMark, type ReadRound, type Send } from './reader';
import { pageIsDark } from './page-theme';

/** A title says what a page is about in its first words; a longer one is cut, not sent whole. */
const MAX_TITLE = 200;

export interface ControllerDeps {
  doc: Document;
  site: string;
  /** This page's random names for our highlights, marks and card element. */
  names: PageNames;
  /** Sends a page's text to the background's matcher. */
  send: Send;
  /** Reports how many distinct terms are marked, after each reading. */
  reportStatus: (count: number) => void;
  /** For tests: paint by wrapping even where the Highlight API exists. */
  forceWrap?: boolean;
  /** False for a controller that only explains a selection on a page where highlighting is off. */
  scan?: boolean;
  /** Called when the card closes. */
  onCardClosed?: () => void;
  /** Records what a reading and a card cost, where only the extension can read it (the bench and tests do). */
  measure?: (name: 'scan' | 'popover', start: number, detail: object) => void;
}

/**
 * Everything TermLens does on one document while it is switched on, wired together: the reader sends the page's
 * text to the background and gets marks, the hit index keeps them, the painter draws those near the viewport, the
 * follower reads again what the page changes, and pointer intent opens the card. `destroy()` undoes all of it.
 */
export class PageController {
  readonly #hits = new HitIndex();
  readonly #painter: ViewportPainter;
  readonly #follower: PageFollower;
  readonly #reader: PageReader;
  readonly #card: CardHost;
  readonly #intent: PointerIntent;
  readonly #sheet: CSSStyleSheet;
  /** Roots our marks' sheet is (to be) adopted by; it is adopted only once there is something to mark. */
  readonly #styledRoots = new Set<Document | ShadowRoot>();
  #styled = false;
  readonly #shadowRoots: ShadowRoot[] = [];
  /** Bumped whenever a card is asked for, so one that arrives late never opens over a newer request. */
  #openRequest = 0;
  #destroyed = false;

  readonly #deps: ControllerDeps;
  #settings: Settings;

  constructor(deps: ControllerDeps, settings: Settings) {
    this.#deps = deps;
    this.#settings = settings;
    const { doc } = deps;
    this.#follower = new PageFollower({
      isOurs: (node) => this.#card.contains(node),
      staleUnder: (node) => this.#dropUnder(node),
      reread: (root) => this.#reread(root),
    });
    this.#painter = new ViewportPainter(doc, deps.names, deps.forceWrap ?? false, (fn) =>
      this.#follower.withoutObserving(fn),
    );
    this.#sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    this.#styledRoots.add(doc);
    this.#card = new CardHost(doc, deps.site, deps.names.card, { closed: () => this.#onCardClosed() });
    this.#intent = new PointerIntent({
      doc,
      hoverDelayMs: () => this.#settings.hoverDelayMs,
      hitTest: (x, y) => this.hitTest(x, y),
      cardOpen: () => this.#card.isOpen,
      onCard: (target) => this.#card.contains(target),
      cardFocused: () => this.#card.focused,
      active: () => this.#painter.active,
      settling: (hit) => this.#card.prepareHidden(contentOf(hit)),
      unsettled: () => this.#card.discard(),
      open: (hit, point, intentAt) => this.#openFor(hit, false, point, intentAt),
      close: (restoreFocus) => this.#card.close(restoreFocus),
    });
    this.#reader = new PageReader(
      doc,
      deps.send,
      {
        values: settings.explainValues,
        hiddenCategories: settings.hiddenCategories,
        notMisspelt: notMisspellingsOn(settings, deps.site),
        ...(doc.documentElement?.lang ? { lang: doc.documentElement.lang } : {}),
        ...(doc.title.trim() ? { title: doc.title.trim().slice(0, MAX_TITLE) } : {}),
      },
      {
        replacing: (nodes) => this.#dropIn(nodes),
        marks: (marks) => this.#place(marks),
        drops: (ids) => {
          for (const id of ids) {
            const hit = this.#hits.get(id);
            if (hit) this.#drop(hit);
          }
        },
        shadowRoot: (root) => this.#addShadowRoot(root),
        idle: (round) => this.#roundDone(round),
        restarted: () => {
          if (this.#painter.mode === 'wrap' && this.#deps.doc.body) this.#dropUnder(this.#deps.doc.body);
          for (const root of this.#shadowRoots) this.#reread(root);
        },
      },
    );
    if (deps.scan === false) return;
    this.#follower.watch(doc);
    if (doc.body) this.#reader.read(doc.body, 'initial');
  }

  get mode(): ViewportPainter['mode'] {
    return this.#painter.mode;
  }

  /** Style changes apply at once; what is marked (density, categories) needs a fresh controller. */
  updateStyle(settings: Settings): void {
    this.#settings = settings;
    this.#applyStyle();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#reader.destroy();
    this.#follower.disconnect();
    this.#intent.stop();
    this.#card.close();
    this.#card.destroy();
    this.#painter.destroy();
    for (const root of this.#styledRoots)
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.#sheet);
    this.#hits.clear();
  }

  /** Distinct terms on the page with how often each occurs (painted or not). */
  pageTerms(): { id: string; count: number }[] {
    return this.#hits.termCounts();
  }

  /** Moves to the next or previous marked term, scrolls it into view and explains it. */
  navigate(direction: 1 | -1): boolean {
    const list = this.#hits.sorted();
    if (!list.length) return false;
    let index: number;
    const active = this.#painter.active;
    const current = active ? list.indexOf(active) : -1;
    if (current >= 0) {
      index = (current + direction + list.length) % list.length;
    } else {
      // Start from what the reader is looking at, not from the top of the page.
      const firstVisible = list.findIndex((h) => (this.#painter.rectsOf(h)[0]?.bottom ?? -1) >= 0);
      index = direction === 1 ? Math.max(0, firstVisible) : (firstVisible > 0 ? firstVisible : list.length) - 1;
    }
    for (let tries = 0; tries < list.length; tries++) {
      const hit = list[index]!;
      if (this.#isShown(hit)) {
        this.#reveal(hit);
        this.#openFor(hit, true);
        return true;
      }
      index = (index + direction + list.length) % list.length;
    }
    return false;
  }

  /** Scrolls to the first occurrence of an entry and explains it (used by the popup's "on this page"). */
  showEntry(id: string): boolean {
    const wanted = (h: Hit) => h.kind === 'term' && h.entryId === id && this.#isShown(h);
    const hit = this.#hits.sorted().find(wanted) ?? [...this.#hits.all()].find(wanted);
    if (!hit) return false;
    this.#reveal(hit);
    this.#openFor(hit, true);
    return true;
  }

  /** Explains the current selection: the background looks it up (an exact term, else its best guess). */
  explainSelection(): void {
    const selection = this.#deps.doc.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || !text || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0).cloneRange();
    ++this.#openRequest;
    this.#intent.cancelPending();
    this.#painter.setActive(null);
    void this.#card.open({ kind: 'selection', text }, { rects: () => [...range.getClientRects()] }, true);
  }

  // ---- marks ------------------------------------------------------------------------------------------------------

  #place(marks: readonly ReadMark[]): void {
    const fresh: Hit[] = [];
    for (const m of marks) {
      const startNode = m.nodes[m.start.segment];
      const endNode = m.nodes[m.end.segment];
      // Whether the text is shown, and which element's box shows it, is settled when it nears the viewport (see the
      // painter): asking here would make the browser compute the page's style in the middle of a task. (The reader
      // hands over only marks in text nodes still holding what was sent.)
      const box = startNode?.parentElement;
      if (!startNode || !endNode || !box) continue;
      const spanned = m.nodes.slice(m.start.segment, m.end.segment + 1).filter((n): n is Text => n !== null);
      const range = new StaticRange({
        startContainer: startNode,
        startOffset: m.start.offset,
        endContainer: endNode,
        endOffset: m.end.offset,
      });
      const painted = paintsOccurrence(
        this.#settings.density,
        m.value ? 'value' : 'term',
        this.#hits.isPainted(m.entryId),
      );
      const base = { id: m.id, text: m.text, range, nodes: spanned, painted, box };
      const hit: Hit = m.value
        ? { ...base, kind: 'value', value: m.value, ...(m.lang ? { lang: m.lang } : {}) }
        : {
            ...base,
            kind: 'term',
            entryId: m.entryId,
            ...(m.guess ? { guess: true as const } : {}),
            ...(m.lang ? { lang: m.lang } : {}),
          };
      this.#hits.add(hit);
      fresh.push(hit);
    }
    // Painting asks which element's box shows each mark, which needs the page's style; adopting our sheet after it,
    // not before, leaves the style recalc it causes to the browser's next frame instead of forcing it in this task.
    this.#painter.paint(fresh);
    if (fresh.length) this.#ensureStyled();
  }

  #drop(hit: Hit): void {
    if (!this.#hits.delete(hit)) return;
    this.#painter.unpaint(hit);
    if (hit === this.#painter.active) this.#card.close();
  }

  #dropUnder(node: Node): void {
    if (this.#hits.hasNodes) this.#dropIn(textNodesUnder(node));
  }

  #dropIn(texts: Iterable<Text | null>): void {
    for (const text of texts) if (text) for (const hit of [...this.#hits.inNode(text)]) this.#drop(hit);
  }

  /**
   * Reads a changed block again. Its marks stay until the new reading replaces them (no flicker), except in wrap
   * mode, where our own elements cut the text the reader must see whole.
   */
  #reread(root: Node): void {
    if (this.#painter.mode === 'wrap') this.#dropUnder(root);
    this.#reader.read(root, 'update');
  }

  /** A reading is over once its marks near the viewport are drawn: the painter's observer answers a frame later. */
  #roundDone(round: ReadRound): void {
    const round2 = (ms: number) => Math.round(ms * 100) / 100;
    afterNextPaint(this.#deps.doc, () => {
      if (this.#destroyed) return;
      this.#deps.measure?.('scan', round.startedAt, {
        ...round,
        busyMs: round2(round.busyMs),
        longestSliceMs: round2(round.longestSliceMs),
        mode: this.#painter.mode,
      });
      this.#deps.reportStatus(this.#hits.paintedEntries);
    });
  }

  #addShadowRoot(root: ShadowRoot): void {
    if (this.#shadowRoots.includes(root)) return;
    this.#shadowRoots.push(root);
    this.#adoptStyles(root);
    this.#follower.watch(root);
    this.#reader.read(root, 'update');
  }

  // ---- hit-testing and the card -----------------------------------------------------------------------------------

  /** The marked term under a point: caret hit-testing finds the text position, then the term's boxes confirm it. */
  hitTest(x: number, y: number): Hit | null {
    if (!this.#hits.size) return null;
    const { doc } = this.#deps;
    if (this.#painter.mode === 'wrap') {
      const el = doc.elementFromPoint(x, y);
      const range = el && this.#painter.highlighter.rangeOfElement(el);
      return (range && this.#hits.ofRange(range)) || null;
    }
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const pos = doc.caretPositionFromPoint(x, y, { shadowRoots: this.#shadowRoots });
      node = pos?.offsetNode ?? null;
      offset = pos?.offset ?? 0;
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const r = doc.caretRangeFromPoint(x, y);
      node = r?.startContainer ?? null;
      offset = r?.startOffset ?? 0;
    }
    if (!node) return null;
    for (const hit of this.#hits.inNode(node)) {
      if (!hit.painted) continue;
      const { range } = hit;
      const inside =
        (node !== range.startContainer || offset >= range.startOffset) &&
        (node !== range.endContainer || offset <= range.endOffset);
      if (
        inside &&
        this.#painter
          .rectsOf(hit)
          .some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1)
      )
        return hit;
    }
    return null;
  }

  /** `intentAt`: when hover intent fired, to measure how long the reader waits for the card (the `popover` measure). */
  #openFor(hit: Hit, takeFocus: boolean, point?: { x: number; y: number }, intentAt?: number): void {
    if (!hit.nodes[0]?.isConnected) return;
    const request = ++this.#openRequest;
    if (takeFocus) this.#intent.cancelPending();
    const placed = this.#card.open(contentOf(hit), { rects: () => this.#painter.rectsOf(hit), point }, takeFocus);
    this.#painter.setActive(hit);
    if (intentAt === undefined || !this.#deps.measure) return;
    void placed.then(() => {
      if (request !== this.#openRequest) return;
      const placedAt = performance.now();
      // The next animation frame is the one that paints it.
      requestAnimationFrame(() =>
        this.#deps.measure?.('popover', intentAt, {
          ...(hit.kind === 'value' ? { value: hit.value.text, measure: hit.value.measure } : { entryId: hit.entryId }),
          placedMs: Math.round((placedAt - intentAt) * 100) / 100,
        }),
      );
    });
  }

  #onCardClosed(): void {
    this.#painter.setActive(null);
    this.#intent.reset();
    this.#deps.onCardClosed?.();
  }

  /** Terms in collapsed or hidden parts of the page are kept (they are marked once shown) but never navigated to. */
  #isShown(hit: Hit): boolean {
    return this.#painter.rectsOf(hit).length > 0;
  }

  #reveal(hit: Hit): void {
    const rect = this.#painter.rectsOf(hit)[0];
    const view = this.#deps.doc.defaultView;
    if (!rect || !view) return;
    if (rect.top < 0 || rect.bottom > view.innerHeight) {
      hit.box.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    }
  }

  // ---- styles -----------------------------------------------------------------------------------------------------

  #applyStyle(): void {
    if (this.#styled)
      this.#sheet.replaceSync(
        pageHighlightCss(this.#deps.names, this.#settings.style, pageIsDark(this.#deps.doc), this.#painter.mode),
      );
  }

  /**
   * Styles the marks, the first time there is one: adopting a sheet makes the browser recompute the page's style,
   * and judging the page's theme reads it, which a page with nothing to mark should never pay for.
   */
  #ensureStyled(): void {
    if (this.#styled) return;
    this.#styled = true;
    this.#applyStyle();
    for (const root of this.#styledRoots) this.#adopt(root);
  }

  #adoptStyles(root: Document | ShadowRoot): void {
    if (this.#styledRoots.has(root)) return;
    this.#styledRoots.add(root);
    if (this.#styled) this.#adopt(root);
  }

  #adopt(root: Document | ShadowRoot): void {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
  }
}

/**
 * Calls `fn` once the next frame has been drawn and intersection observers have answered for it (two animation
 * frames), or after a short wait where frames do not come (a tab in the background).
 */
function afterNextPaint(doc: Document, fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  const view = doc.defaultView;
  view?.requestAnimationFrame(() => view.requestAnimationFrame(() => setTimeout(once, 0)));
  setTimeout(once, 200);
}

function contentOf(hit: Hit): CardContent {
  if (hit.kind === 'value') return { kind: 'value', match: hit.value, ...(hit.lang ? { lang: hit.lang } : {}) };
  return {
    kind: 'entry',
    id: hit.entryId,
    ...(hit.guess ? { wrote: hit.text } : {}),
    ...(hit.lang ? { lang: hit.lang } : {}),
  };
}
