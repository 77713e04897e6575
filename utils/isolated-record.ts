import type { PageNames } from './random-id';

/** One reading of the page (`scan`, `gate` when the gate found nothing to read) or one card shown (`popover`). */
export interface RecordedMeasure {
  name: 'scan' | 'gate' | 'popover';
  /** `performance.now()` of this frame. */
  start: number;
  end: number;
  detail: object;
}

/** What TermLens notes about its work in one frame. */
export interface IsolatedRecord {
  measures: RecordedMeasure[];
  /** The random names of this page's highlights and marks, once the content script runs. */
  names?: PageNames;
  /** The running content script, which a newer copy injected into the same frame stops. */
  running?: { stop(): void };
}

/** Enough for any test or bench run; a page that changes for hours keeps only the newest. */
const MAX_MEASURES = 500;

/**
 * TermLens's notes on its own work in a frame, kept as a global of the extension's isolated world, which the page
 * cannot reach. Never in the page's performance timeline or console: a page that could read them would learn that
 * its visitor uses a diabetes-education tool, and which terms they opened. Tests and `npm run bench` read them over
 * the DevTools protocol (harness/inspect.ts). The gate and the content script share the world, so they share this.
 */
export function isolatedRecord(): IsolatedRecord {
  const world = globalThis as { termlens?: IsolatedRecord };
  return (world.termlens ??= { measures: [] });
}

export function recordMeasure(name: RecordedMeasure['name'], start: number, detail: object): void {
  const { measures } = isolatedRecord();
  measures.push({ name, start, end: performance.now(), detail });
  if (measures.length > MAX_MEASURES) measures.splice(0, measures.length - MAX_MEASURES);
}
