import type { PageNames } from '../utils/random-id';
import { createHighlighter, type Highlighter } from './highlighter';
import { markKindOf, type Hit } from './hits';

/**
 * At most this many terms are in the page's highlights at once. Measured in Chromium: every change to the highlights
 * makes the browser repaint the whole document, and that repaint grows with the ranges registered (on the 5 MB
 * page, about 1 s a frame with its 99,000 marks). Pages with fewer marks (every corpus page: 549 at most) have them
 * all registered, so scrolling costs nothing; a longer page has this many around the viewport, moved when the reader
 * stops scrolling elsewhere.
 */
export const MAX_REGISTERED = 1500;
/** The window moves only once the reader is this many marks away from where it was put: small scrolls repaint nothing. */
const MOVE_AFTER = MAX_REGISTERED / 8;

/**
 * Paints hits. With the Highlight API the page's DOM is untouched and nothing runs while the reader scrolls: no
 * observer (an IntersectionObserver on every marked element cost up to 140 ms a frame while scrolling the 5 MB
 * page). Wrap mode (no Highlight API) paints every hit at once, and cuts text nodes back to front so earlier offsets
 * stay right.
 */
export class ViewportPainter {
  readonly highlighter: Highlighter;
  /** Painted hits in the order they came (document order; what a later reading found comes after). */
  #hits: Hit[] = [];
  /** Unpainted, not yet taken out of `#hits` (see `unpaint`). */
  readonly #dropped = new Set<Hit>();
  readonly #registered = new Set<Hit>();
  /** Hits in text that is not shown, by its element (see `#hide`). */
  readonly #hidden = new Map<Element, Hit[]>();
  #shows: IntersectionObserver | null = null;
  /** Where the window of registered hits starts, once there are more than MAX_REGISTERED. */
  #from = 0;
  #windowed = false;
  /** The hit whose card is open: kept painted even outside the window. */
  active: Hit | null = null;

  readonly #doc: Document;
  readonly #withoutObserving: (fn: () => void) => void;
  readonly #reposition = () => this.#placeWindow();

  constructor(doc: Document, names: PageNames, forceWrap: boolean, withoutObserving: (fn: () => void) => void) {
    this.#doc = doc;
    this.#withoutObserving = withoutObserving;
    this.highlighter = createHighlighter(doc, names, forceWrap);
  }

  get mode(): Highlighter['mode'] {
    return this.highlighter.mode;
  }

  /** Paints these hits (those marked `painted`), in document order. */
  paint(hits: readonly Hit[]): void {
    const toPaint = hits.filter((h) => h.painted);
    if (!toPaint.length) return;
    if (this.highlighter.mode === 'wrap') {
      this.#withoutObserving(() => [...toPaint].reverse().forEach((h) => this.highlighter.add(h.range, markKindOf(h))));
      return;
    }
    const shown: Hit[] = [];
    for (const h of toPaint) {
      const home = boxOf(h.box);
      if (home) {
        h.box = home;
        shown.push(h);
      } else this.#hide(h);
    }
    this.#show(shown);
  }

  #show(hits: Hit[]): void {
    this.#hits.push(...hits);
    if (this.#hits.length - this.#dropped.size <= MAX_REGISTERED) for (const h of hits) this.#register(h);
    else this.#placeWindow();
  }

  /**
   * Text not shown (display: none, visibility: hidden: a closed menu, a collapsed answer) is painted once it shows.
   * Its element is watched for that; pages have few of them.
   */
  #hide(hit: Hit): void {
    const list = this.#hidden.get(hit.box);
    if (list) {
      list.push(hit);
      return;
    }
    this.#hidden.set(hit.box, [hit]);
    const View = this.#doc.defaultView;
    this.#shows ??=
      View && 'IntersectionObserver' in View
        ? new View.IntersectionObserver((entries) => this.#onShown(entries))
        : null;
    this.#shows?.observe(hit.box);
  }

  #onShown(entries: IntersectionObserverEntry[]): void {
    const shown: Hit[] = [];
    for (const { target, isIntersecting } of entries) {
      const hits = this.#hidden.get(target);
      if (!hits || !isIntersecting || !boxOf(target)) continue;
      this.#hidden.delete(target);
      this.#shows?.unobserve(target);
      shown.push(...hits);
    }
    if (shown.length) this.#show(shown);
  }

  unpaint(hit: Hit): void {
    if (!hit.painted) return;
    if (this.highlighter.mode === 'wrap') {
      this.#withoutObserving(() => this.highlighter.remove(hit.range));
      return;
    }
    const hidden = this.#hidden.get(hit.box);
    if (hidden?.includes(hit)) {
      const rest = hidden.filter((h) => h !== hit);
      if (rest.length) this.#hidden.set(hit.box, rest);
      else {
        this.#hidden.delete(hit.box);
        this.#shows?.unobserve(hit.box);
      }
      return;
    }
    // Taken out of the list lazily: a page that replaces its content drops thousands of hits one by one.
    this.#dropped.add(hit);
    this.#registered.delete(hit);
    this.highlighter.remove(hit.range);
  }

  setActive(hit: Hit | null): void {
    this.active = hit;
    this.highlighter.setActive(hit?.range ?? null);
  }

  rectsOf(hit: Hit): DOMRect[] {
    return this.highlighter.clientRects(hit.range);
  }

  destroy(): void {
    this.#stopFollowing();
    this.#shows?.disconnect();
    this.#hidden.clear();
    this.highlighter.clear();
    this.#hits = [];
    this.#dropped.clear();
    this.#registered.clear();
  }

  #register(hit: Hit): void {
    this.#registered.add(hit);
    this.highlighter.add(hit.range, markKindOf(hit));
  }

  #compact(): void {
    if (!this.#dropped.size) return;
    this.#hits = this.#hits.filter((h) => !this.#dropped.has(h));
    this.#dropped.clear();
  }

  /** Registers the MAX_REGISTERED hits around the viewport (all of them when there are no more). */
  #placeWindow(): void {
    this.#compact();
    const hits = this.#hits;
    if (hits.length <= MAX_REGISTERED) {
      this.#stopFollowing();
      for (const h of hits) if (!this.#registered.has(h)) this.#register(h);
      return;
    }
    const view = this.#doc.defaultView;
    const screen = view?.innerHeight ?? 800;
    const from = windowStart(
      hits.length,
      MAX_REGISTERED,
      (k) => hits[k]!.box.getBoundingClientRect().bottom >= -screen,
    );
    if (this.#windowed && Math.abs(from - this.#from) < MOVE_AFTER && this.#registered.size >= MAX_REGISTERED) return;
    if (!this.#windowed) {
      this.#windowed = true;
      // scrollend does not bubble; a capturing listener on the window sees it for the page and every scroller in it.
      view?.addEventListener('scrollend', this.#reposition, { capture: true, passive: true });
      view?.addEventListener('resize', this.#reposition, { passive: true });
    }
    this.#from = from;
    const inWindow = new Set(hits.slice(from, from + MAX_REGISTERED));
    for (const h of this.#registered) {
      if (inWindow.has(h)) continue;
      this.#registered.delete(h);
      if (h !== this.active) this.highlighter.remove(h.range);
    }
    for (const h of inWindow) if (!this.#registered.has(h)) this.#register(h);
  }

  #stopFollowing(): void {
    if (!this.#windowed) return;
    this.#windowed = false;
    const view = this.#doc.defaultView;
    view?.removeEventListener('scrollend', this.#reposition, { capture: true });
    view?.removeEventListener('resize', this.#reposition);
  }
}

/**
 * Where a window of `size` of `count` items in document order starts so that it covers the viewport: a quarter of it
 * before the first item that `reachesView` (its box ends below the top of the screen above the viewport), the rest
 * after. Binary search: a long page asks for about 15 boxes, whose layout is already done when the reader scrolls.
 */
export function windowStart(count: number, size: number, reachesView: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reachesView(mid)) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, Math.min(count - size, lo - (size >> 2)));
}

/**
 * The element whose box shows `start`'s text: itself, or through display:contents wrappers the nearest ancestor with
 * a box; null when the text is not shown. Walked in a loop, not recursively: pages nest such wrappers thousands deep.
 */
function boxOf(start: Element): Element | null {
  for (let el: Element | null = start; el;) {
    if (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true })) return el;
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    if (!style || style.display !== 'contents' || style.visibility === 'hidden') return null;
    el = el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
  }
  return null;
}
