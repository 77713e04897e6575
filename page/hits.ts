import type { ValueMatch } from '../core/values/types';

interface HitBase {
  /** The background's id for the mark: a later answer may ask for it to go. */
  id: number;
  range: StaticRange;
  /** The marked text as the page writes it. */
  text: string;
  /** The text nodes the term spans (usually one; `HbA<sub>1c</sub>` spans two). */
  nodes: Text[];
  painted: boolean;
  /** The element whose box shows the term (its text's parent, or the nearest ancestor with a box). */
  box: Element;
}

/** One occurrence of a glossary term on the page. */
interface TermHit extends HitBase {
  kind: 'term';
  entryId: string;
  /** The page misspells the term ("metforman"): painted quieter, and its card says what the page wrote. */
  guess?: true;
  /** Found in a Spanish block: its card speaks Spanish. */
  lang?: 'es';
}

/** One value of a known measure ("A1C 7.2%"): explained by its own card, never counted as a glossary term. */
interface ValueHit extends HitBase {
  kind: 'value';
  value: ValueMatch;
  /** Found in a Spanish block ("HbA1c de 7,2 %"): its card speaks Spanish. */
  lang?: 'es';
}

export type Hit = TermHit | ValueHit;

/** How a hit is painted. */
export function markKindOf(hit: Hit): 'term' | 'value' | 'guess' {
  return hit.kind === 'term' && hit.guess ? 'guess' : hit.kind;
}

/**
 * Every mark on the page, found by its id, its range or its text nodes, with how many painted occurrences each entry
 * has ("first occurrence" density and the badge count).
 */
export class HitIndex {
  readonly #byId = new Map<number, Hit>();
  readonly #byRange = new Map<AbstractRange, Hit>();
  readonly #byNode = new Map<Text, Hit[]>();
  readonly #painted = new Map<string, number>();
  #sortedCache: Hit[] | null = null;

  get size(): number {
    return this.#byId.size;
  }

  /** Distinct entries painted at least once. */
  get paintedEntries(): number {
    return this.#painted.size;
  }

  isPainted(entryId: string): boolean {
    return this.#painted.has(entryId);
  }

  add(hit: Hit): void {
    this.#byId.set(hit.id, hit);
    this.#byRange.set(hit.range, hit);
    for (const n of hit.nodes) {
      const list = this.#byNode.get(n);
      if (list) list.push(hit);
      else this.#byNode.set(n, [hit]);
    }
    if (hit.painted && hit.kind === 'term') this.#painted.set(hit.entryId, (this.#painted.get(hit.entryId) ?? 0) + 1);
    this.#sortedCache = null;
  }

  /** Forgets a hit; false if it was not here. */
  delete(hit: Hit): boolean {
    if (this.#byId.get(hit.id) !== hit) return false;
    this.#byId.delete(hit.id);
    this.#byRange.delete(hit.range);
    for (const n of hit.nodes) {
      const list = this.#byNode.get(n)?.filter((h) => h !== hit);
      if (list?.length) this.#byNode.set(n, list);
      else this.#byNode.delete(n);
    }
    if (hit.painted && hit.kind === 'term') {
      const left = (this.#painted.get(hit.entryId) ?? 1) - 1;
      if (left > 0) this.#painted.set(hit.entryId, left);
      else this.#painted.delete(hit.entryId);
    }
    this.#sortedCache = null;
    return true;
  }

  get(id: number): Hit | undefined {
    return this.#byId.get(id);
  }

  ofRange(range: AbstractRange): Hit | undefined {
    return this.#byRange.get(range);
  }

  inNode(node: Node): readonly Hit[] {
    return (node.nodeType === 3 && this.#byNode.get(node as Text)) || [];
  }

  /** Whether any hit lies in a text node at all (a quick check before walking a subtree for them). */
  get hasNodes(): boolean {
    return this.#byNode.size > 0;
  }

  all(): IterableIterator<Hit> {
    return this.#byId.values();
  }

  /** Painted hits in document order. */
  sorted(): Hit[] {
    this.#sortedCache ??= [...this.#byId.values()].filter((h) => h.painted).sort(compareHits);
    return this.#sortedCache;
  }

  /** Distinct terms (not values) with how often each occurs, painted or not. */
  termCounts(): { id: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const h of this.#byId.values()) if (h.kind === 'term') counts.set(h.entryId, (counts.get(h.entryId) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({ id, count }));
  }

  clear(): void {
    this.#byId.clear();
    this.#byRange.clear();
    this.#byNode.clear();
    this.#painted.clear();
    this.#sortedCache = null;
  }
}

function compareHits(a: Hit, b: Hit): number {
  const an = a.range.startContainer;
  const bn = b.range.startContainer;
  if (an === bn) return a.range.startOffset - b.range.startOffset;
  const pos = an.compareDocumentPosition(bn);
  if (pos & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */) return -1;
  if (pos & 2 /* Node.DOCUMENT_POSITION_PRECEDING */) return 1;
  return 0;
}
