import { browser } from 'wxt/browser';
import { randomLetters } from '../utils/random-id';
import { pageIsDark } from './page-theme';
import { pickLine, placeCard, EDGE } from '../core/placement';
import { isFromCard, type CardContent, type FromCard, type ToCard } from '../components/card/protocol';

export interface Anchor {
  /** Line boxes of the term, in order; a term that wraps has several. */
  rects: () => DOMRect[];
  /** Pointer position, to pick the line box the reader is pointing at. */
  point?: { x: number; y: number };
}

export interface CardHostEvents {
  /** The card closed, however it closed. */
  closed(): void;
}

/** How long a closed card's element stays (hidden) in the page. */
const REMOVE_AFTER_MS = 60;
/** How many times an open card is put back above what the page puts in the top layer before it gives up and closes. */
const MAX_RAISES = 3;
/** The widest a card gets; narrower screens get their width less the edges. */
const CARD_MAX_WIDTH = 380;

/**
 * The explanation card as the page sees it: one element of ours, added to the page only while a card is being
 * prepared or shown, holding in a closed shadow root an extension-origin frame (entrypoints/card) that draws the
 * card. The page cannot read or change what the card says, and the element sits in the top layer (the Popover API),
 * above anything the page can put over it. The frame is prepared while the pointer settles on a term, so when hover
 * intent fires, showing it is only placing it.
 *
 * Why not WXT's content-script UIs: `createShadowRootUi` loads its CSS with `fetch` from the page's world (a request
 * the page can see, and CSS the page could then read in an open root), and `createIframeUi` puts the frame straight
 * in the page's DOM, where the page can reach its window and restyle it; neither puts the card in the top layer.
 */
export class CardHost {
  #host: HTMLElement | null = null;
  #frame: HTMLIFrameElement | null = null;
  #port: MessagePort | null = null;
  /** Messages waiting for the frame to load. */
  #outbox: ToCard[] = [];
  #serial = 0;
  #rendered: { key: string; serial: number } | null = null;
  #sizes = new Map<number, { width: number; height: number }>();
  #wanted: { serial: number; anchor: Anchor; takeFocus: boolean; shown: (() => void)[] } | null = null;
  /** The rendering last announced as shown; 0 while no card is on screen. */
  #shownSerial = 0;
  #returnFocus: Element | null = null;
  #stopFollowing: (() => void) | null = null;
  readonly #tag: string;
  /** Every element of ours, the ones on their way out included: their coming and going is no page change. */
  readonly #hosts = new WeakSet<Element>();
  /** Closed cards' elements, hidden, on their way out. */
  readonly #leaving = new Set<HTMLElement>();

  readonly #doc: Document;
  readonly #site: string;
  readonly #events: CardHostEvents;

  /** `tag`: our element's name, random per page (utils/random-id.ts), so that nothing in the page's DOM names TermLens. */
  constructor(doc: Document, site: string, tag: string, events: CardHostEvents) {
    this.#doc = doc;
    this.#tag = tag;
    this.#site = site;
    this.#events = events;
  }

  get isOpen(): boolean {
    return this.#wanted !== null;
  }

  /** Whether keyboard focus is in the card. */
  get focused(): boolean {
    return this.#host !== null && this.#doc.activeElement === this.#host;
  }

  /** Whether an event target or a node is the card (the page sees only our element: the shadow root is closed). */
  contains(target: EventTarget | null): boolean {
    return target instanceof Element && this.#hosts.has(target);
  }

  /**
   * Renders `content` in a frame not yet shown, as the pointer settles on a term. Not while a card is open: its frame
   * shows what it renders (opening another term re-renders that frame, already loaded).
   */
  prepareHidden(content: CardContent): void {
    if (!this.#wanted) this.#prepare(content);
  }

  #prepare(content: CardContent): number {
    const key = JSON.stringify(content);
    if (this.#rendered?.key === key && this.#host) return this.#rendered.serial;
    this.#ensureHost();
    const serial = ++this.#serial;
    this.#rendered = { key, serial };
    const view = this.#doc.defaultView;
    const maxWidth = Math.min(CARD_MAX_WIDTH, (view?.innerWidth ?? CARD_MAX_WIDTH) - 2 * EDGE);
    const theme = pageIsDark(this.#doc) ? 'dark' : 'light';
    this.#post({ type: 'render', serial, content, theme, site: this.#site, maxWidth });
    return serial;
  }

  /** Drops a prepared card that was not asked for after all (the pointer moved on). */
  discard(): void {
    if (!this.#wanted) this.#teardown();
  }

  /** Shows `content` by `anchor`; resolves once the card is on screen, placed. */
  open(content: CardContent, anchor: Anchor, takeFocus: boolean): Promise<void> {
    const wasOpen = this.isOpen;
    if (takeFocus && !wasOpen) this.#returnFocus = this.#doc.activeElement;
    const serial = this.#prepare(content);
    return new Promise((resolve) => {
      this.#wanted = { serial, anchor, takeFocus, shown: [resolve] };
      if (this.#sizes.has(serial)) this.#show();
    });
  }

  close(restoreFocus = false): void {
    if (!this.#host) return;
    const wasOpen = this.isOpen;
    const focusBack = this.#returnFocus;
    this.#teardown();
    if (restoreFocus && focusBack instanceof HTMLElement) focusBack.focus({ preventScroll: true });
    if (wasOpen) this.#events.closed();
  }

  /** Places the card again (its term moved: the page scrolled or changed). */
  reposition(): void {
    const wanted = this.#wanted;
    const frame = this.#frame;
    const host = this.#host;
    if (!wanted || !frame || !host || !this.#shownSerial) return;
    const size = this.#sizes.get(wanted.serial);
    const view = this.#doc.defaultView;
    const line = pickLine(wanted.anchor.rects(), wanted.anchor.point);
    if (!size || !view || !line) return;
    const place = placeCard(line, size, { width: view.innerWidth, height: view.innerHeight });
    frame.style.setProperty('width', `${place.width}px`, 'important');
    frame.style.setProperty('height', `${place.height}px`, 'important');
    this.#styleHost(host, 'transform', `translate(${place.x}px, ${place.y}px)`);
  }

  /** Our element's inline style, as we last wrote it: any other is the page's doing (see #guard). */
  #hostStyle: string | null = null;

  #styleHost(host: HTMLElement, property: string, value: string): void {
    host.style.setProperty(property, value, 'important');
    this.#hostStyle = host.getAttribute('style');
  }

  #show(): void {
    const wanted = this.#wanted;
    const host = this.#host;
    const frame = this.#frame;
    if (!wanted || !host || !frame) return;
    this.#shownSerial = wanted.serial;
    this.reposition();
    this.#styleHost(host, 'visibility', 'visible');
    if (wanted.takeFocus) frame.focus();
    this.#post({ type: 'shown', serial: wanted.serial, takeFocus: wanted.takeFocus });
    this.#follow();
    for (const resolve of wanted.shown.splice(0)) resolve();
  }

  #received(message: FromCard): void {
    switch (message.type) {
      case 'size':
        this.#sizes.set(message.serial, { width: message.width, height: message.height });
        if (this.#wanted?.serial !== message.serial) return;
        if (this.#shownSerial === message.serial) this.reposition();
        else this.#show();
        return;
      case 'close':
        this.close(message.restoreFocus);
        return;
      case 'empty':
        if (this.#wanted?.serial === message.serial) this.close();
        return;
    }
  }

  #post(message: ToCard): void {
    if (this.#port) this.#port.postMessage(message);
    else this.#outbox.push(message);
  }

  #ensureHost(): void {
    if (this.#host) return;
    const host = this.#doc.createElement(this.#tag);
    // Inline, !important: the page's own CSS must not move, hide or restyle us. Hidden until placed.
    host.style.cssText =
      'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; z-index: 2147483647 !important; display: block !important; visibility: hidden !important;';
    host.setAttribute('popover', 'manual');
    this.#hosts.add(host);
    const root = host.attachShadow({ mode: 'closed' });
    const frame = this.#doc.createElement('iframe');
    const token = randomLetters(24);
    frame.src = `${browser.runtime.getURL('/card.html')}#${token}`;
    frame.title = 'Explanation';
    // color-scheme as the page's own frames have it: a frame whose scheme differs from its parent's is painted opaque.
    frame.style.cssText = 'all: initial; display: block; width: 1px; height: 1px;';
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }: MessageEvent) => {
      if (this.#port === channel.port1 && isFromCard(data)) this.#received(data);
    };
    let loaded = false;
    frame.addEventListener('load', () => {
      if (this.#frame !== frame) return;
      // A second load is a navigation we did not make. The page has no handle on this frame (a frame in a shadow tree
      // is not one of its `window.frames`), but should anything navigate it, what loaded is not our card: it goes.
      if (loaded) return this.close();
      loaded = true;
      frame.contentWindow?.postMessage({ token }, cardOrigin(), [channel.port2]);
      this.#port = channel.port1;
      for (const m of this.#outbox.splice(0)) this.#port.postMessage(m);
    });
    root.append(frame);
    this.#doc.documentElement.appendChild(host);
    // The top layer: above every stacking context of the page, whatever its z-indexes.
    if (typeof host.showPopover === 'function') {
      try {
        host.showPopover();
      } catch {
        // A page that replaced the document's top layer handling; the fixed position and z-index still hold.
      }
    }
    this.#host = host;
    this.#frame = frame;
  }

  /** Follows the term as the page scrolls or resizes, one placement per frame. */
  #follow(): void {
    if (this.#stopFollowing) return;
    const view = this.#doc.defaultView;
    if (!view) return;
    let pending = false;
    const onChange = () => {
      if (pending) return;
      pending = true;
      view.requestAnimationFrame(() => {
        pending = false;
        this.reposition();
      });
    };
    view.addEventListener('scroll', onChange, { capture: true, passive: true });
    view.addEventListener('resize', onChange, { passive: true });
    const unguard = this.#host ? this.#guard(this.#host, view) : () => undefined;
    this.#stopFollowing = () => {
      view.removeEventListener('scroll', onChange, { capture: true });
      view.removeEventListener('resize', onChange);
      unguard();
    };
  }

  /**
   * While a card is on screen, it stays the reader's: above whatever the page puts in the top layer after it (a
   * popover, a modal dialog), and gone the moment the page touches our element (restyles it, hides it, takes it out of
   * the top layer), since a card the page can move or fade is a card it could trick a click onto. A page that keeps
   * pushing above the card gets no card: it is put back on top a few times, then closed.
   */
  #guard(host: HTMLElement, view: Window): () => void {
    let raised = 0;
    const onToggle = (event: Event) => {
      if (this.#host !== host) return;
      const { newState } = event as ToggleEvent;
      if (event.target === host) {
        // Toggle events are queued and merged: a re-raise of ours arrives as open, the page's hidePopover as closed.
        if (newState === 'closed' && !host.matches(':popover-open')) this.close();
        return;
      }
      if (newState !== 'open') return;
      if (++raised > MAX_RAISES) return this.close();
      try {
        host.hidePopover();
        host.showPopover();
      } catch {
        this.close();
      }
    };
    const tampered = new MutationObserver(() => {
      if (
        this.#host === host &&
        (host.getAttribute('style') !== this.#hostStyle || host.getAttribute('popover') !== 'manual')
      )
        this.close();
    });
    tampered.observe(host, { attributes: true });
    // Capture: toggle does not bubble, but every toggle in the document passes the window on its way down.
    view.addEventListener('toggle', onToggle, true);
    return () => {
      tampered.disconnect();
      view.removeEventListener('toggle', onToggle, true);
    };
  }

  /** Closes the card and takes every element of ours off the page now (TermLens is being switched off here). */
  destroy(): void {
    this.#teardown();
    for (const host of this.#leaving) host.remove();
    this.#leaving.clear();
  }

  #teardown(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = null;
    // The card empties itself, so nothing lingers in it (or in the accessibility tree) while its element goes.
    this.#port?.postMessage({ type: 'closed' } satisfies ToCard);
    this.#port?.close();
    this.#port = null;
    this.#outbox = [];
    const host = this.#host;
    if (host) {
      // Hidden and out of the top layer at once; removed a moment later, so that the key that closed the card (its
      // keyup still on the way to the frame that had focus) never meets a frame that is gone.
      if (this.#doc.activeElement === host) this.#frame?.blur();
      host.style.setProperty('visibility', 'hidden', 'important');
      if (typeof host.hidePopover === 'function' && host.matches(':popover-open')) host.hidePopover();
      this.#leaving.add(host);
      setTimeout(() => {
        host.remove();
        this.#leaving.delete(host);
      }, REMOVE_AFTER_MS);
    }
    this.#host = this.#frame = null;
    this.#rendered = null;
    this.#sizes.clear();
    for (const resolve of this.#wanted?.shown ?? []) resolve();
    this.#wanted = null;
    this.#shownSerial = 0;
    this.#returnFocus = null;
  }
}

/**
 * The origin the card's frame ends up with, the only one the token and the port may go to. In Chrome the frame is
 * asked for by its dynamic URL (wxt.config.ts) and lands on the extension's own origin, named after its id; in
 * Firefox the extension's URL already is its origin.
 */
function cardOrigin(): string {
  const url = new URL(browser.runtime.getURL('/'));
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}
