/**
 * The deletion index as the page side holds it: variant hash → alias words, in flat typed arrays with open
 * addressing. Some 50,000 variants answer a probe in a multiply and a compare or two, with no string in sight.
 */
import { hashString } from './deletes';

export class VariantTable {
  private readonly keys: Int32Array;
  /** Per slot: where its words start in `words` (-1: empty slot) and end. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly words: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** From the data's variant → word indices lists; variants whose hashes collide share one merged list. */
  constructor(deletes: Iterable<readonly [string, readonly number[]]>) {
    const pairs: [number, number][] = [];
    for (const [variant, list] of deletes) {
      const h = hashString(variant);
      for (const w of list) pairs.push([h, w]);
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let distinct = 0;
    for (let k = 0; k < pairs.length; k++) if (k === 0 || pairs[k]?.[0] !== pairs[k - 1]?.[0]) distinct++;
    // At most half full, so a probe rarely walks past its first slot.
    let bits = 4;
    while (1 << bits < distinct * 2) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.keys = new Int32Array(1 << bits);
    this.starts = new Int32Array(1 << bits).fill(-1);
    this.ends = new Int32Array(1 << bits);
    this.words = new Int32Array(pairs.length);
    let out = 0;
    for (let k = 0; k < pairs.length;) {
      const h = (pairs[k] as [number, number])[0];
      const start = out;
      for (; k < pairs.length && (pairs[k] as [number, number])[0] === h; k++) {
        const w = (pairs[k] as [number, number])[1];
        if (out === start || this.words[out - 1] !== w) this.words[out++] = w;
      }
      let slot = this.slotOf(h);
      while ((this.starts[slot] as number) >= 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.starts[slot] = start;
      this.ends[slot] = out;
    }
  }

  private slotOf(h: number): number {
    return Math.imul(h, 0x9e3779b1) >>> this.shift;
  }

  /**
   * The slot holding hash `h`, or -1. Its alias words are `words[starts[slot]]` up to `words[ends[slot] - 1]`: read
   * in place by the caller, because this runs for every variant of every long word on a page.
   */
  lookup(h: number): number {
    let slot = this.slotOf(h);
    for (;;) {
      if ((this.starts[slot] as number) < 0) return -1;
      if (this.keys[slot] === h) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
