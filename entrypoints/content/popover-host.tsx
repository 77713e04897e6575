import { render } from 'preact';
import { autoUpdate, computePosition, flip, inline, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { Popover } from '../../components/Popover';
import { NotFound } from '../../components/NotFound';
import { ValuePopover } from '../../components/ValuePopover';
import { POPOVER_CSS } from '../../components/popover-styles';
import type { GlossaryEntry } from '../../core/glossary/types';
import type { ValueExplanation } from '../../core/values/types';

export interface Anchor {
  /** Line boxes of the term, in order; a term that wraps has several. */
  rects: () => DOMRect[];
  /** An element near the term, so scrolling containers around it are followed. */
  context: Element;
  /** Pointer position, to pick the line box the reader is pointing at. */
  point?: { x: number; y: number };
}

export type PopoverContent =
  | { kind: 'entry'; entry: GlossaryEntry }
  | { kind: 'value'; explanation: ValueExplanation }
  | { kind: 'not-found'; text: string };

export interface PopoverCallbacks {
  lookup: (id: string) => GlossaryEntry | undefined;
  load: (id: string) => Promise<GlossaryEntry | undefined>;
  openGlossary: (id?: string, query?: string) => void;
  disableSite: () => void;
  /** Called whenever the popover closes, however it closed. */
  closed: () => void;
}

export const HOST_TAG = 'termlens-popover';

/**
 * The popover lives in a shadow root on an element of our own, added to the page only while it is open, so the page's
 * DOM is untouched the rest of the time.
 */
export class PopoverHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private stopFollowing: (() => void) | null = null;
  private anchor: Anchor | null = null;
  private returnFocus: Element | null = null;
  theme: 'light' | 'dark' = 'light';
  /** Kinds of popover already rendered once off the page (see warmUp). */
  private readonly warmed = new Set<PopoverContent['kind']>();
  /** The host element, kept (out of the page) between openings. */
  private spare: { host: HTMLElement; mount: HTMLElement; live: HTMLElement } | null = null;

  constructor(private readonly doc: Document, private readonly site: string, private readonly callbacks: PopoverCallbacks) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Whether a node is the popover or inside it, shadow tree included (plain `contains` stops at the shadow root). */
  contains(target: EventTarget | null): boolean {
    if (!this.host || !(target instanceof Node)) return false;
    for (let n: Node | null = target; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
      if (n === this.host) return true;
    }
    return false;
  }

  get element(): HTMLElement | null {
    return this.host;
  }

  /** Shows `content` by `anchor`; resolves once the popover has its place on screen. */
  open(content: PopoverContent, anchor: Anchor, takeFocus: boolean): Promise<void> {
    if (takeFocus && !this.host) this.returnFocus = this.doc.activeElement;
    this.ensureHost();
    this.anchor = anchor;
    const view = this.view(content, takeFocus, () => this.close(true), () => void this.position());
    render(view, this.mount!);
    // A polite announcement, so a screen reader user hears that an explanation opened even when focus stays put.
    if (this.live) {
      this.live.textContent = announcement(content);
    }
    this.stopFollowing?.();
    const reference = this.reference(anchor);
    let placed: Promise<void> | undefined;
    // autoUpdate places the popover at once, then again whenever the page scrolls or resizes.
    this.stopFollowing = autoUpdate(reference, this.host!, () => {
      const p = this.position();
      placed ??= p;
    });
    return placed ?? Promise.resolve();
  }

  /**
   * Renders a popover once into an element that is never attached to the page, so the first real one does not pay
   * for compiling Preact and our views on this page (the content script starts cold on every page).
   */
  warmUp(content: PopoverContent): void {
    this.spare ??= this.build();
    if (this.warmed.has(content.kind)) return;
    this.warmed.add(content.kind);
    const scratch = this.doc.createElement('div');
    const none = () => undefined;
    render(this.view(content, false, none, none), scratch);
    render(null, scratch);
  }

  private view(content: PopoverContent, takeFocus: boolean, close: () => void, resized: () => void) {
    switch (content.kind) {
      case 'entry':
        return (
          <Popover
            entry={content.entry}
            lookup={this.callbacks.lookup}
            load={this.callbacks.load}
            takeFocus={takeFocus}
            onClose={close}
            onOpenGlossary={(id) => this.callbacks.openGlossary(id)}
            onDisableSite={this.callbacks.disableSite}
            onResize={resized}
            site={this.site}
          />
        );
      case 'value':
        return (
          <ValuePopover
            explanation={content.explanation}
            takeFocus={takeFocus}
            onClose={close}
            onResize={resized}
            site={this.site}
            onDisableSite={this.callbacks.disableSite}
          />
        );
      default:
        return <NotFound text={content.text} onClose={close} onSearch={(q) => this.callbacks.openGlossary(undefined, q)} />;
    }
  }

  close(restoreFocus = false): void {
    if (!this.host) return;
    this.stopFollowing?.();
    this.stopFollowing = null;
    render(null, this.mount!);
    if (this.live) this.live.textContent = '';
    this.host.remove();
    this.host = this.mount = this.live = null;
    this.anchor = null;
    const focusBack = this.returnFocus;
    this.returnFocus = null;
    if (restoreFocus && focusBack instanceof HTMLElement) focusBack.focus({ preventScroll: true });
    this.callbacks.closed();
  }

  private ensureHost(): void {
    if (!this.host) {
      // The same element comes back each time: building it (shadow root, styles) is off the path from hover to paint.
      const parts = (this.spare ??= this.build());
      parts.host.style.removeProperty('transform');
      this.doc.documentElement.appendChild(parts.host);
      ({ host: this.host, mount: this.mount, live: this.live } = parts);
    }
    this.host.dataset.theme = this.theme;
  }

  /** Our host element with its shadow root, not yet in the page. */
  private build(): { host: HTMLElement; mount: HTMLElement; live: HTMLElement } {
    const host = this.doc.createElement(HOST_TAG);
    // Inline, !important: the page's own CSS for unknown elements must not move or hide us.
    host.style.cssText =
      'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important; display: block !important;';
    const root = host.attachShadow({ mode: 'open' });
    // A constructed sheet is parsed now, not when the popover first shows, and needs no <style> element.
    const sheet = new (this.doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(POPOVER_CSS);
    root.adoptedStyleSheets = [sheet];
    const mount = this.doc.createElement('div');
    const live = this.doc.createElement('div');
    live.className = 'sr-only';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(mount, live);
    return { host, mount, live };
  }

  private reference(anchor: Anchor): VirtualElement {
    return {
      contextElement: anchor.context,
      getBoundingClientRect: () => pickRect(anchor),
      getClientRects: () => anchor.rects(),
    };
  }

  private async position(): Promise<void> {
    const { host, anchor } = this;
    if (!host || !anchor) return;
    const { x, y } = await computePosition(this.reference(anchor), host, {
      placement: 'bottom-start',
      strategy: 'fixed',
      middleware: [inline(anchor.point ?? {}), offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    });
    if (this.host !== host) return;
    host.style.setProperty('transform', `translate(${Math.round(x)}px, ${Math.round(y)}px)`, 'important');
  }
}

/** What a screen reader hears when a card opens: its title and the first thing it says. */
export function announcement(content: PopoverContent): string {
  switch (content.kind) {
    case 'entry':
      return `Explanation opened: ${content.entry.term}. ${content.entry.summary}`;
    case 'value': {
      const x = content.explanation;
      return `Explanation opened: ${x.title}. ${x.ranges[0]?.verdict ?? x.about}`;
    }
    case 'not-found':
      return 'No glossary entry found.';
  }
}

/** The line box under the pointer (a wrapped term has one per line), else the first. */
function pickRect(anchor: Anchor): DOMRect {
  const rects = anchor.rects();
  const p = anchor.point;
  const hit = p && rects.find((r) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom);
  return hit ?? rects[0] ?? new DOMRect();
}
