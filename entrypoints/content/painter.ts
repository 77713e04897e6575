import { createHighlighter, type Highlighter } from './highlighter';
import type { Hit } from './hits';

/**
 * Paints hits. With the Highlight API, only terms whose element is near the viewport are in the highlight: with tens
 * of thousands of marks, the browser's repaint cost grows with every range registered. Wrap mode (no Highlight
 * API) paints every hit at once, and cuts text nodes back to front so earlier offsets stay right.
 */
export class ViewportPainter {
  readonly highlighter: Highlighter;
  readonly #byElement = new Map<Element, Hit[]>();
  readonly #nearViewport = new Set<Element>();
  readonly #visibility: IntersectionObserver | null;
  /** The hit whose card is open: kept painted even when its element leaves the viewport. */
  active: Hit | null = null;

  readonly #withoutObserving: (fn: () => void) => void;

  constructor(doc: Document, forceWrap: boolean, withoutObserving: (fn: () => void) => void) {
    this.#withoutObserving = withoutObserving;
    this.highlighter = createHighlighter(doc, forceWrap);
    const View = doc.defaultView;
    this.#visibility =
      this.highlighter.mode === 'highlight-api' && View && 'IntersectionObserver' in View
        ? new View.IntersectionObserver((entries) => this.#onVisibility(entries), { rootMargin: '100% 0px 100% 0px' })
        : null;
  }

  get mode(): Highlighter['mode'] {
    return this.highlighter.mode;
  }

  /** Paints these hits (those marked `painted`), in document order. */
  paint(hits: readonly Hit[]): void {
    const toPaint = hits.filter((h) => h.painted);
    if (this.highlighter.mode === 'wrap') {
      this.#withoutObserving(() => [...toPaint].reverse().forEach((h) => this.highlighter.add(h.range, kindOf(h))));
    } else for (const h of toPaint) this.#track(h);
  }

  unpaint(hit: Hit): void {
    if (!hit.painted) return;
    if (this.highlighter.mode === 'wrap') {
      this.#withoutObserving(() => this.highlighter.remove(hit.range));
      return;
    }
    this.highlighter.remove(hit.range);
    const el = hit.box;
    const list = this.#byElement.get(el);
    if (!list) return;
    const rest = list.filter((h) => h !== hit);
    if (rest.length) this.#byElement.set(el, rest);
    else {
      this.#byElement.delete(el);
      this.#nearViewport.delete(el);
      this.#visibility?.unobserve(el);
    }
  }

  setActive(hit: Hit | null): void {
    this.active = hit;
    this.highlighter.setActive(hit?.range ?? null);
  }

  rectsOf(hit: Hit): DOMRect[] {
    return this.highlighter.clientRects(hit.range);
  }

  destroy(): void {
    this.#visibility?.disconnect();
    this.highlighter.clear();
    this.#byElement.clear();
    this.#nearViewport.clear();
  }

  /** Registers a painted term; it is drawn while its element is near the viewport (at once without an observer). */
  #track(hit: Hit): void {
    const el = hit.box;
    if (!this.#visibility) {
      this.highlighter.add(hit.range, kindOf(hit));
      return;
    }
    const list = this.#byElement.get(el);
    if (list) list.push(hit);
    else {
      this.#byElement.set(el, [hit]);
      this.#visibility.observe(el);
    }
    if (this.#nearViewport.has(el)) this.highlighter.add(hit.range, kindOf(hit));
  }

  #onVisibility(entries: IntersectionObserverEntry[]): void {
    for (const { target, isIntersecting, boundingClientRect } of entries) {
      const hits = this.#byElement.get(target);
      if (!hits) continue;
      if (!isIntersecting && boundingClientRect.width === 0 && boundingClientRect.height === 0) {
        // No box: display:none (not for reading) or display:contents, whose text shows in an ancestor's box. Style is
        // up to date in this callback, so asking is cheap here.
        const home = boxOf(target);
        if (home && home !== target) this.#rehome(target, home, hits);
        continue;
      }
      // visibility:hidden text has a box and intersects; it is not for reading.
      const shown = isIntersecting && (typeof target.checkVisibility !== 'function' || target.checkVisibility({ visibilityProperty: true }));
      if (shown) this.#nearViewport.add(target);
      else this.#nearViewport.delete(target);
      for (const h of hits) {
        if (shown) this.highlighter.add(h.range, kindOf(h));
        else if (h !== this.active) this.highlighter.remove(h.range);
      }
    }
  }

  /** Watches `home` instead of `from` for these hits (text in a display:contents element shows in an ancestor's box). */
  #rehome(from: Element, home: Element, hits: Hit[]): void {
    this.#byElement.delete(from);
    this.#visibility?.unobserve(from);
    for (const h of hits) {
      h.box = home;
      this.#track(h);
    }
  }
}

function kindOf(hit: Hit): 'term' | 'value' {
  return hit.value ? 'value' : 'term';
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
