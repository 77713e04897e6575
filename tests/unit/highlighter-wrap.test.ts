import { describe, expect, it } from 'vitest';
import { createHighlighter } from '../../page/highlighter';
import { randomPageNames } from '../../utils/random-id';

const names = randomPageNames();

/** happy-dom has no StaticRange: a plain object has the same shape, and like StaticRange it does not move. */
function staticRange(init: {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}): AbstractRange {
  return { ...init, collapsed: false } as AbstractRange;
}

/** happy-dom has no CSS Custom Highlight API, so this is exactly the fallback a browser without it gets. */
describe('wrap fallback', () => {
  function setup(html: string) {
    document.body.innerHTML = html;
    return {
      before: document.body.innerHTML,
      texts: [...document.body.querySelectorAll('p')].map((p) => p.firstChild as Text),
    };
  }

  it('is chosen where CSS.highlights is missing', () => {
    expect(createHighlighter(document, names).mode).toBe('wrap');
  });

  it('wraps several terms in one text node and restores the exact text nodes', () => {
    const { before, texts } = setup('<p>Take metformin, then check your A1C and metformin again.</p>');
    const node = texts[0]!;
    const h = createHighlighter(document, names);
    const ranges = [
      staticRange({ startContainer: node, startOffset: 5, endContainer: node, endOffset: 14 }),
      staticRange({ startContainer: node, startOffset: 32, endContainer: node, endOffset: 35 }),
      staticRange({ startContainer: node, startOffset: 40, endContainer: node, endOffset: 49 }),
    ];
    // Back to front, as the controller does, so earlier offsets stay valid.
    for (const r of [...ranges].reverse()) h.add(r);
    expect([...document.querySelectorAll(names.mark)].map((m) => m.textContent)).toEqual([
      'metformin',
      'A1C',
      'metformin',
    ]);
    h.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(document.body.querySelector('p')!.firstChild).toBe(node); // the page's own node object, not a copy
    expect(document.body.querySelector('p')!.childNodes).toHaveLength(1);
  });

  it('wraps a term split by inline markup and restores it', () => {
    document.body.innerHTML = '<p>Your HbA<sub>1c</sub> result</p>';
    const before = document.body.innerHTML;
    const p = document.querySelector('p')!;
    const first = p.firstChild as Text;
    const sub = p.querySelector('sub')!.firstChild as Text;
    const h = createHighlighter(document, names);
    h.add(staticRange({ startContainer: first, startOffset: 5, endContainer: sub, endOffset: 2 }));
    expect(document.querySelectorAll(names.mark)).toHaveLength(2);
    h.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('finds the term an element belongs to, for hit-testing', () => {
    const { texts } = setup('<p>About insulin here.</p>');
    const h = createHighlighter(document, names);
    const r = staticRange({ startContainer: texts[0]!, startOffset: 6, endContainer: texts[0]!, endOffset: 13 });
    h.add(r);
    expect(h.rangeOfElement(document.querySelector(names.mark)!)).toBe(r);
    h.remove(r);
    expect(document.querySelector(names.mark)).toBeNull();
    expect(document.body.innerHTML).toBe('<p>About insulin here.</p>');
  });

  it('keeps the text a page wrote into a wrapped node (a framework updating its node) instead of the old text', () => {
    document.body.innerHTML = '<p>Check: metformin taken, today.</p>';
    const p = document.querySelector('p')!;
    const node = p.firstChild as Text;
    const h = createHighlighter(document, names);
    h.add(staticRange({ startContainer: node, startOffset: 7, endContainer: node, endOffset: 16 }));
    expect(p.querySelector(names.mark)!.textContent).toBe('metformin');
    node.data = 'Check: HbA1c due, today.'; // what React does with a text node it owns
    h.clear();
    expect(p.textContent).toBe('Check: HbA1c due, today.');
    expect([...p.childNodes]).toEqual([node]);
  });
});
