import { isBlockElement, isSkippedElement } from './scan';

export interface FollowerEvents {
  /** Our own elements (the card's host) come and go on the page; their coming and going is no page change. */
  isOurs(node: Node): boolean;
  /** Text under `node` changed or went: marks in it must go now (their offsets may no longer be right). */
  staleUnder(node: Node): void;
  /** A block to read again. Roots come outermost first, none inside another of the same call. */
  reread(root: Node): void;
}

/**
 * Follows a document or shadow root as the page changes it (single-page apps, infinite scroll, live text): which
 * marks go at once, and which blocks are read again.
 */
export class PageFollower {
  readonly #observers: MutationObserver[] = [];

  readonly #events: FollowerEvents;

  constructor(events: FollowerEvents) {
    this.#events = events;
  }

  watch(root: Document | ShadowRoot): void {
    const observer = new MutationObserver((records) => this.changed(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.#observers.push(observer);
  }

  /** Runs `fn` (wrap mode editing the DOM itself) without its edits coming back as page changes. */
  withoutObserving(fn: () => void): void {
    const pending = this.#observers.flatMap((o) => o.takeRecords());
    fn();
    for (const o of this.#observers) o.takeRecords();
    if (pending.length) queueMicrotask(() => this.changed(pending));
  }

  disconnect(): void {
    for (const o of this.#observers) o.disconnect();
    this.#observers.length = 0;
  }

  changed(records: readonly MutationRecord[]): void {
    if (!records.length || !this.#observers.length) return;
    const { isOurs } = this.#events;
    const reread = new Set<Node>();
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'characterData') {
        reread.add(blockOf(r.target));
        continue;
      }
      for (const added of r.addedNodes) {
        if (isOurs(added)) continue;
        // New blocks are read on their own; loose text or inline markup changes the block it lands in.
        reread.add(added.nodeType === 1 && isBlockElement(added as Element) ? added : blockOf(r.target));
      }
      if ([...r.removedNodes].some((n) => !isOurs(n))) reread.add(blockOf(r.target));
    }
    for (const r of records) {
      if (r.type === 'characterData') this.#events.staleUnder(r.target);
      else for (const removed of r.removedNodes) if (!isOurs(removed)) this.#events.staleUnder(removed);
    }
    const roots = [...reread].filter((n) => n.isConnected && !insideSkipped(n));
    for (const root of roots) {
      if (roots.some((other) => other !== root && other.contains(root))) continue;
      this.#events.reread(root);
    }
  }
}

/** The block element holding `node`, or the shadow root it lies in. */
function blockOf(node: Node): Node {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 1 && isBlockElement(n as Element)) return n;
    if (n.nodeType === 11) return n; // a shadow root is as far as a block can reach
  }
  return node;
}

function insideSkipped(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
  }
  return false;
}

export function* textNodesUnder(node: Node): Generator<Text> {
  if (node.nodeType === 3) {
    yield node as Text;
    return;
  }
  const walker = (node.ownerDocument ?? document).createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text;
}
