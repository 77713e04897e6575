import type { ValueExplanation, ValueMatch } from '../../core/values/types';

/** Two values with the same key get the same explanation (where on the page they are does not change it). */
export function valueKey(m: ValueMatch): string {
  return JSON.stringify([m.measure, m.unit, m.unitInferred, m.form, m.text]);
}

/**
 * Explanations of values, fetched from the background the first time a popover needs one and kept for the page's
 * life, as `EntryStore` does for entries.
 */
export class ValueStore {
  private readonly cache = new Map<string, ValueExplanation>();
  private readonly loading = new Map<string, Promise<ValueExplanation | undefined>>();

  constructor(private readonly fetchExplanation: (match: ValueMatch) => Promise<ValueExplanation | null>) {}

  /** The explanation; undefined if the background cannot explain the value or cannot answer. */
  load(match: ValueMatch): Promise<ValueExplanation | undefined> {
    const key = valueKey(match);
    const known = this.cache.get(key);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.fetchExplanation(match).then(
        (x) => {
          this.loading.delete(key);
          if (x) this.cache.set(key, x);
          return x ?? undefined;
        },
        () => {
          this.loading.delete(key); // a later hover may try again (the worker may have been restarting)
          return undefined;
        },
      );
      this.loading.set(key, pending);
    }
    return pending;
  }
}
