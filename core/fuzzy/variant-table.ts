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

  /**
   * From the data's variant → word indices lists; variants whose hashes collide share one list (a word twice in it
   * only repeats a candidate, which the caller skips). Built in flat arrays, counted first and filled second: this
   * runs when the worker first reads a page, and a pair array per posting cost more than the rest of the finder.
   */
  constructor(lists: readonly (readonly [string, readonly number[]])[]) {
    // At most half full, so a probe rarely walks past its first slot.
    let bits = 4;
    while (1 << bits < lists.length * 2) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.keys = new Int32Array(1 << bits);
    this.starts = new Int32Array(1 << bits).fill(-1);
    this.ends = new Int32Array(1 << bits);
    const slotOfList = new Int32Array(lists.length);
    const counts = new Int32Array(1 << bits);
    lists.forEach(([variant, list], k) => {
      const h = hashString(variant);
      let slot = this.slotOf(h);
      while ((this.starts[slot] as number) >= 0 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.starts[slot] = 0;
      counts[slot] = (counts[slot] as number) + list.length;
      slotOfList[k] = slot;
    });
    let total = 0;
    for (let slot = 0; slot < counts.length; slot++) {
      if ((this.starts[slot] as number) < 0) continue;
      this.starts[slot] = total;
      this.ends[slot] = total;
      total += counts[slot] as number;
    }
    this.words = new Int32Array(total);
    lists.forEach(([, list], k) => {
      const slot = slotOfList[k] as number;
      for (const w of list) {
        this.words[this.ends[slot] as number] = w;
        this.ends[slot] = (this.ends[slot] as number) + 1;
      }
    });
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
