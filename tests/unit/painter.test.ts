/**
 * The painter with the Highlight API, in happy-dom: a stand-in registry that counts its changes (each one costs the
 * browser a repaint of the whole document), boxes placed by a stand-in layout, and an IntersectionObserver the test
 * drives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hit } from '../../page/hits';
import { MAX_REGISTERED, ViewportPainter, windowStart } from '../../page/painter';
import { randomPageNames } from '../../utils/random-id';

const names = randomPageNames();

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}
class FakeRegistry extends Map<string, FakeHighlight> {
  changes = 0;
  override set(name: string, h: FakeHighlight): this {
    this.changes++;
    return super.set(name, h);
  }
  override delete(name: string): boolean {
    this.changes++;
    return super.delete(name);
  }
}
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(el: Element): void {
    this.targets.add(el);
  }
  unobserve(el: Element): void {
    this.targets.delete(el);
  }
  disconnect(): void {
    this.targets.clear();
  }
  fire(el: Element, isIntersecting: boolean): void {
    this.callback([{ target: el, isIntersecting } as unknown as IntersectionObserverEntry]);
  }
}

let registry: FakeRegistry;
/** How far the page is scrolled; box k sits at k * LINE px from the top of the page. */
let scrollY = 0;
const LINE = 20;
const hidden = new WeakSet<Element>();
const saved: Record<string, unknown> = {};

beforeEach(() => {
  registry = new FakeRegistry();
  scrollY = 0;
  FakeObserver.all = [];
  const g = globalThis as Record<string, unknown>;
  for (const k of ['Highlight', 'CSS']) saved[k] = g[k];
  g.Highlight = FakeHighlight;
  g.CSS = { highlights: registry };
  (window as unknown as Record<string, unknown>).IntersectionObserver = FakeObserver;
  Element.prototype.checkVisibility = function (this: Element) {
    return !hidden.has(this);
  };
});
afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  for (const k of Object.keys(saved)) g[k] = saved[k];
  document.body.innerHTML = '';
});

let nextId = 1;
/** `count` paragraphs, one hit each, laid out one line apart. */
function hits(count: number): Hit[] {
  document.body.innerHTML = '<p>metformin</p>'.repeat(count);
  return [...document.querySelectorAll('p')].map((p, k) => {
    p.getBoundingClientRect = () => ({ top: k * LINE - scrollY, bottom: (k + 1) * LINE - scrollY }) as DOMRect;
    const node = p.firstChild as Text;
    // The painter only hands ranges to the registry (happy-dom's live ranges slow every DOM change down).
    const range = { startContainer: node, startOffset: 0, endContainer: node, endOffset: 9 } as unknown as StaticRange;
    return {
      id: nextId++,
      kind: 'term',
      entryId: 'metformin',
      range,
      text: 'metformin',
      nodes: [node],
      painted: true,
      box: p,
    };
  });
}
const registered = (): Set<AbstractRange> => registry.get(names.term) ?? new Set();
const settle = () => new Promise((ok) => queueMicrotask(() => ok(undefined)));

describe('windowStart', () => {
  it('starts a quarter of the window before the first item that reaches the view, within bounds', () => {
    const firstIn = (first: number) => (k: number) => k >= first;
    expect(windowStart(10_000, 1000, firstIn(5000))).toBe(4750);
    expect(windowStart(10_000, 1000, firstIn(100))).toBe(0);
    expect(windowStart(10_000, 1000, firstIn(9990))).toBe(9000);
    expect(windowStart(10_000, 1000, () => false)).toBe(9000);
    expect(windowStart(500, 1000, firstIn(300))).toBe(0);
  });

  it('asks about a logarithmic number of items', () => {
    let asked = 0;
    windowStart(100_000, 1000, (k) => (asked++, k >= 31_337));
    expect(asked).toBeLessThanOrEqual(17);
  });
});

describe('ViewportPainter with the Highlight API', () => {
  it('registers every hit of an ordinary page, and a change to none of them leaves the registry alone', async () => {
    const painter = new ViewportPainter(document, names, false, (fn) => fn());
    expect(painter.mode).toBe('highlight-api');
    const list = hits(300);
    painter.paint(list);
    await settle();
    expect(registered().size).toBe(300);
    const changes = registry.changes;
    painter.paint([]);
    window.dispatchEvent(new Event('scrollend'));
    await settle();
    expect(registry.changes).toBe(changes);
    painter.unpaint(list[0]!);
    await settle();
    expect(registered().size).toBe(299);
    painter.destroy();
    expect(registry.size).toBe(0);
  });

  it('keeps at most MAX_REGISTERED hits of a long page, around the viewport, and moves them when scrolling ends far away', async () => {
    const painter = new ViewportPainter(document, names, false, (fn) => fn());
    const list = hits(MAX_REGISTERED * 4);
    painter.paint(list.slice(0, MAX_REGISTERED));
    painter.paint(list.slice(MAX_REGISTERED));
    await settle();
    expect(registered().size).toBe(MAX_REGISTERED);
    expect(registered().has(list[0]!.range)).toBe(true);

    // Far down the page: the window follows once scrolling ends.
    scrollY = 3000 * LINE;
    window.dispatchEvent(new Event('scrollend'));
    await settle();
    expect(registered().size).toBe(MAX_REGISTERED);
    expect(registered().has(list[3000]!.range)).toBe(true);
    expect(registered().has(list[3000 - 1000]!.range)).toBe(false);
    expect(registered().has(list[0]!.range)).toBe(false);

    // A small scroll repaints nothing.
    const changes = registry.changes;
    scrollY += 20 * LINE;
    window.dispatchEvent(new Event('scrollend'));
    await settle();
    expect(registry.changes).toBe(changes);

    // The term being explained stays painted wherever the window goes.
    painter.setActive(list[3000]!);
    scrollY = 0;
    window.dispatchEvent(new Event('scrollend'));
    await settle();
    expect(registered().has(list[3000]!.range)).toBe(true);
    expect(registered().has(list[0]!.range)).toBe(true);

    // Fewer hits again (the page replaced its content): all of them, and no more listening.
    for (const h of list.slice(100)) painter.unpaint(h);
    painter.paint([]);
    await settle();
    expect([...registered()].filter((r) => list.slice(0, 100).some((h) => h.range === r))).toHaveLength(100);
    painter.destroy();
  });

  it('paints hidden text only once it shows', async () => {
    const painter = new ViewportPainter(document, names, false, (fn) => fn());
    const [shown, closed] = hits(2);
    hidden.add(closed!.box);
    painter.paint([shown!, closed!]);
    await settle();
    expect([...registered()]).toEqual([shown!.range]);
    const observer = FakeObserver.all[0]!;
    expect([...observer.targets]).toEqual([closed!.box]);
    observer.fire(closed!.box, false);
    await settle();
    expect(registered().size).toBe(1);
    hidden.delete(closed!.box);
    observer.fire(closed!.box, true);
    await settle();
    expect(registered().size).toBe(2);
    expect(observer.targets.size).toBe(0);
    painter.destroy();
  });
});

describe('ViewportPainter: a term inside a link', () => {
  it('goes to the linked-terms highlight (tinted, not underlined twice); a term outside a link stays a term', async () => {
    const painter = new ViewportPainter(document, names, false, (fn) => fn());
    document.body.innerHTML = '<p><a href="/t2d">type 2 diabetes</a> and metformin</p>';
    const link = document.querySelector('a')!.firstChild as Text;
    const plain = document.querySelector('p')!.lastChild as Text;
    const p = document.querySelector('p')!;
    p.getBoundingClientRect = () => ({ top: 0, bottom: LINE }) as DOMRect;
    const hit = (node: Text, start: number, end: number, entryId: string): Hit => ({
      id: nextId++,
      kind: 'term',
      entryId,
      range: { startContainer: node, startOffset: start, endContainer: node, endOffset: end } as unknown as StaticRange,
      text: node.data.slice(start, end),
      nodes: [node],
      painted: true,
      box: p,
    });
    painter.paint([hit(link, 0, 15, 'type-2-diabetes'), hit(plain, 5, 14, 'metformin')]);
    await settle();
    const texts = (name: string) =>
      [...((registry.get(name) as Set<AbstractRange> | undefined) ?? [])].map((r) =>
        (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
      );
    expect(texts(names.linked)).toEqual(['type 2 diabetes']);
    expect(texts(names.term)).toEqual(['metformin']);
    painter.destroy();
  });
});
