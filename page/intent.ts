import type { Hit } from './hits';

export interface IntentDeps {
  doc: Document;
  hoverDelayMs: () => number;
  /** The marked term under a point. */
  hitTest(x: number, y: number): Hit | null;
  /** Whether the card is open, and whether a point or an event target is on it. */
  cardOpen(): boolean;
  onCard(target: EventTarget | null): boolean;
  /** Whether keyboard focus is in the card (then moving the pointer away does not close it). */
  cardFocused(): boolean;
  /** The hit whose card is open. */
  active(): Hit | null;
  /** The pointer came to rest on a hit: prepare its card, it is likely to be asked for. */
  settling(hit: Hit): void;
  /** The pointer left the terms before intent: what `settling` prepared is not needed. */
  unsettled(): void;
  /** Open the card for a hit: the pointer stayed (`intentAt`: when the wait ended), or a tap. */
  open(hit: Hit, point: { x: number; y: number }, intentAt?: number): void;
  close(restoreFocus: boolean): void;
}

const CLOSE_GRACE_MS = 300;

/**
 * What the reader's pointer, finger and keys mean: hover intent on a mark (it stays there a moment), a tap, leaving
 * for somewhere else, Escape. One hit-test per animation frame, however fast the pointer moves.
 */
export class PointerIntent {
  #hoverHit: Hit | null = null;
  #openTimer = 0;
  #closeTimer = 0;
  #lastPointer = { x: 0, y: 0, type: 'mouse' };
  #pendingMove = false;
  readonly #cleanups: (() => void)[] = [];
  #stopped = false;

  readonly #deps: IntentDeps;

  constructor(deps: IntentDeps) {
    this.#deps = deps;
    const { doc } = deps;
    const on = <K extends keyof DocumentEventMap>(
      type: K,
      fn: (e: DocumentEventMap[K]) => void,
      opts: AddEventListenerOptions,
    ) => {
      doc.addEventListener(type, fn, opts);
      this.#cleanups.push(() => doc.removeEventListener(type, fn, opts));
    };
    on('pointermove', (e) => this.#onPointerMove(e), { passive: true, capture: true });
    on('pointerdown', (e) => this.#onPointerDown(e), { passive: true, capture: true });
    on('click', (e) => this.#onClick(e), { capture: true });
    on(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && deps.cardOpen()) deps.close(true);
      },
      { capture: true },
    );
  }

  /** The card closed (however): nothing pending opens it again; a new hover on the same term does. */
  reset(): void {
    this.#hoverHit = null;
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
  }

  /** The card was opened some other way (keyboard, popup): a pending hover must not replace it. */
  cancelPending(): void {
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
  }

  stop(): void {
    this.#stopped = true;
    for (const c of this.#cleanups) c();
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
  }

  #onPointerMove(e: PointerEvent): void {
    // The browser sends a move at the same place when the page scrolls or changes under a resting pointer: the
    // reader did not point at what came under it (and a card just closed there must not open again).
    const last = this.#lastPointer;
    if (e.clientX === last.x && e.clientY === last.y && e.pointerType === last.type) return;
    this.#lastPointer = { x: e.clientX, y: e.clientY, type: e.pointerType };
    if (e.pointerType === 'touch' || this.#pendingMove) return;
    this.#pendingMove = true;
    requestAnimationFrame(() => {
      this.#pendingMove = false;
      if (this.#stopped) return;
      const deps = this.#deps;
      const { x, y } = this.#lastPointer;
      if (deps.onCard(deps.doc.elementFromPoint(x, y))) {
        clearTimeout(this.#closeTimer);
        clearTimeout(this.#openTimer);
        this.#hoverHit = null;
        return;
      }
      const hit = deps.hitTest(x, y);
      if (hit === this.#hoverHit) return;
      this.#hoverHit = hit;
      clearTimeout(this.#openTimer);
      if (hit && hit === deps.active()) {
        clearTimeout(this.#closeTimer);
      } else if (hit) {
        deps.settling(hit);
        this.#openTimer = window.setTimeout(() => deps.open(hit, { x, y }, performance.now()), deps.hoverDelayMs());
      } else if (!deps.cardOpen()) {
        deps.unsettled();
      } else if (!deps.cardFocused()) {
        clearTimeout(this.#closeTimer);
        this.#closeTimer = window.setTimeout(() => deps.close(false), CLOSE_GRACE_MS);
      }
    });
  }

  #onPointerDown(e: PointerEvent): void {
    this.#lastPointer = { x: e.clientX, y: e.clientY, type: e.pointerType };
    const deps = this.#deps;
    if (!deps.cardOpen() || deps.onCard(e.composedPath()[0] ?? e.target)) return;
    const active = deps.active();
    if (active && deps.hitTest(e.clientX, e.clientY) === active) return;
    deps.close(false);
  }

  #onClick(e: MouseEvent): void {
    // A tap has no hover: tapping a term opens it at once.
    if (this.#lastPointer.type !== 'touch' || this.#deps.onCard(e.target)) return;
    const hit = this.#deps.hitTest(e.clientX, e.clientY);
    if (hit) this.#deps.open(hit, { x: e.clientX, y: e.clientY });
  }
}
