/** Longest stretch of work per task: with a cold start overshooting by a few ms, a slice stays inside one frame (16 ms). */
const SLICE_MS = 5;

type Slice = (deadline: () => boolean) => boolean;

/**
 * Runs `work` in short slices until it reports done, yielding to the page between slices (idle time where the
 * browser offers it). Returns a cancel function.
 */
export function runInSlices(
  work: Slice,
  onDone: (busyMs: number, slices: number, longestMs: number) => void,
  idle = false,
): () => void {
  let cancelled = false;
  let busy = 0;
  let slices = 0;
  let longest = 0;
  const schedule = (fn: () => void) => {
    if (idle && typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 500 });
    else setTimeout(fn, 0);
  };
  const tick = () => {
    if (cancelled) return;
    const start = performance.now();
    const finished = work(() => performance.now() - start > SLICE_MS);
    const spent = performance.now() - start;
    busy += spent;
    longest = Math.max(longest, spent);
    slices++;
    if (finished) onDone(busy, slices, longest);
    else schedule(tick);
  };
  // Never start synchronously: the caller keeps the cancel function before any slice can report done.
  schedule(tick);
  return () => {
    cancelled = true;
  };
}
