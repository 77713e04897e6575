import type { GlossaryEntry } from '../../core/glossary/types';

/**
 * Full entries, fetched from the background the first time a popover needs them and kept for the page's life.
 * An entry arrives with the entries it links to, so its "Related" buttons can be named and followed at once.
 */
export class EntryStore {
  private readonly cache = new Map<string, GlossaryEntry>();
  private readonly loading = new Map<string, Promise<GlossaryEntry | undefined>>();

  constructor(private readonly fetchEntries: (id: string) => Promise<GlossaryEntry[]>) {}

  /** The entry if it is here already (its related entries may not be). */
  get(id: string): GlossaryEntry | undefined {
    return this.cache.get(id);
  }

  /** The entry with its related entries loaded; undefined if the background does not know it or cannot answer. */
  load(id: string): Promise<GlossaryEntry | undefined> {
    const entry = this.cache.get(id);
    if (entry && entry.related.every((r) => this.cache.has(r))) return Promise.resolve(entry);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.fetchEntries(id).then(
        (entries) => {
          for (const e of entries) this.cache.set(e.id, e);
          this.loading.delete(id);
          return this.cache.get(id);
        },
        () => {
          this.loading.delete(id); // a later hover may try again (the worker may have been restarting)
          return undefined;
        },
      );
      this.loading.set(id, pending);
    }
    return pending;
  }
}
