/**
 * The content script's units on their own, in happy-dom: the hit index, the page follower, pointer intent and the
 * painter's wrap mode (happy-dom has no Highlight API, which is exactly the fallback's case).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HitIndex, type Hit } from '../../page/hits';
import { PageFollower } from '../../page/follower';
import { PointerIntent, type IntentDeps } from '../../page/intent';
import { ViewportPainter } from '../../page/painter';
import { randomPageNames } from '../../utils/random-id';

const names = randomPageNames();

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

let nextId = 1;
function hitIn(node: Text, start: number, end: number, entryId = 'metformin', painted = true): Hit {
  // happy-dom has no StaticRange; a live Range is the same AbstractRange to these units.
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return {
    id: nextId++,
    kind: 'term',
    entryId,
    range: range as unknown as StaticRange,
    text: node.data.slice(start, end),
    nodes: [node],
    painted,
    box: node.parentElement!,
  };
}

describe('HitIndex', () => {
  it('finds hits by id, range and node, counts painted entries, and forgets them', () => {
    document.body.innerHTML = '<p>metformin and metformin</p><p>HbA1c</p>';
    const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const index = new HitIndex();
    const h1 = hitIn(a!, 0, 9);
    const h2 = hitIn(a!, 14, 23, 'metformin', false);
    const h3 = hitIn(b!, 0, 5, 'hba1c');
    [h3, h1, h2].forEach((h) => index.add(h));
    expect(index.get(h1.id)).toBe(h1);
    expect(index.ofRange(h3.range)).toBe(h3);
    expect(index.inNode(a!)).toEqual([h1, h2]);
    expect(index.paintedEntries).toBe(2);
    expect(index.sorted()).toEqual([h1, h3]);
    expect(index.termCounts()).toEqual(
      expect.arrayContaining([
        { id: 'metformin', count: 2 },
        { id: 'hba1c', count: 1 },
      ]),
    );
    expect(index.delete(h1)).toBe(true);
    expect(index.delete(h1)).toBe(false);
    expect(index.isPainted('metformin')).toBe(false);
    expect(index.inNode(a!)).toEqual([h2]);
  });
});

describe('PageFollower', () => {
  it('reads again the block that changed, drops marks in text that changed or went, and ignores our own elements', async () => {
    document.body.innerHTML = '<article><p id="a">metformin</p><p id="b">insulin</p></article>';
    const ours = document.createElement('x-ours');
    const reread: Node[] = [];
    const stale: Node[] = [];
    const follower = new PageFollower({
      isOurs: (n) => n === ours,
      staleUnder: (n) => stale.push(n),
      reread: (r) => reread.push(r),
    });
    follower.watch(document);
    (document.getElementById('a')!.firstChild as Text).data = 'HbA1c';
    document.documentElement.append(ours);
    const added = document.createElement('p');
    added.textContent = 'new block';
    document.querySelector('article')!.append(added);
    document.getElementById('b')!.remove();
    await new Promise((r) => setTimeout(r, 0));
    // Changes in one record batch are read again from the outermost block that holds them all.
    expect(reread).toEqual([document.querySelector('article')]);
    expect(stale.map((n) => n.textContent)).toEqual(expect.arrayContaining(['HbA1c', 'insulin']));
    follower.disconnect();
  });

  it('does not see its own edits made in withoutObserving', async () => {
    document.body.innerHTML = '<p>metformin</p>';
    const reread: Node[] = [];
    const follower = new PageFollower({
      isOurs: () => false,
      staleUnder: () => undefined,
      reread: (r) => reread.push(r),
    });
    follower.watch(document);
    follower.withoutObserving(() => document.querySelector('p')!.append(document.createElement('b')));
    await new Promise((r) => setTimeout(r, 0));
    expect(reread).toEqual([]);
    follower.disconnect();
  });
});

describe('PointerIntent', () => {
  function intent(overrides: Partial<IntentDeps> = {}) {
    document.body.innerHTML = '<p>metformin</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const hit = hitIn(text, 0, 9);
    const calls: string[] = [];
    let open = false;
    const deps: IntentDeps = {
      doc: document,
      hoverDelayMs: () => 350,
      hitTest: (x) => (x < 50 ? hit : null),
      cardOpen: () => open,
      onCard: () => false,
      cardFocused: () => false,
      active: () => (open ? hit : null),
      settling: () => calls.push('settling'),
      unsettled: () => calls.push('unsettled'),
      open: () => {
        open = true;
        calls.push('open');
      },
      close: () => {
        open = false;
        calls.push('close');
      },
      ...overrides,
    };
    return { intent: new PointerIntent(deps), calls };
  }
  const move = (x: number, type = 'mouse') =>
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: 5, pointerType: type }));
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

  it('prepares the card when the pointer settles on a term and opens it after the wait', async () => {
    const { intent: i, calls } = intent();
    move(10);
    await frame();
    expect(calls).toEqual(['settling']);
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toEqual(['settling', 'open']);
    move(200);
    await frame();
    await new Promise((r) => setTimeout(r, 350));
    expect(calls.at(-1)).toBe('close');
    i.stop();
  });

  it('drops the prepared card when the pointer leaves before the wait is over', async () => {
    const { intent: i, calls } = intent();
    move(10);
    await frame();
    move(200);
    await frame();
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toEqual(['settling', 'unsettled']);
    i.stop();
  });

  it('closes on Escape, and stops listening when stopped', async () => {
    const { intent: i, calls } = intent({ cardOpen: () => true });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(calls).toEqual(['close']);
    i.stop();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(calls).toEqual(['close']);
  });
});

describe('ViewportPainter in wrap mode', () => {
  it('paints only painted hits, back to front, and gives the text nodes back', () => {
    document.body.innerHTML = '<p>metformin and HbA1c here</p>';
    const p = document.querySelector('p')!;
    const before = p.innerHTML;
    const text = p.firstChild as Text;
    const painter = new ViewportPainter(document, names, true, (fn) => fn());
    expect(painter.mode).toBe('wrap');
    const a = hitIn(text, 0, 9);
    const b = hitIn(text, 14, 19, 'hba1c');
    const hidden = hitIn(text, 20, 24, 'x', false);
    painter.paint([a, b, hidden]);
    expect([...p.querySelectorAll(names.mark)].map((m) => m.textContent)).toEqual(['metformin', 'HbA1c']);
    painter.setActive(b);
    expect(p.querySelector('[data-active]')?.textContent).toBe('HbA1c');
    painter.unpaint(a);
    expect([...p.querySelectorAll(names.mark)].map((m) => m.textContent)).toEqual(['HbA1c']);
    painter.destroy();
    expect(p.innerHTML).toBe(before);
    expect(p.childNodes.length).toBe(1);
  });
});
