/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where a swap of neighbours is one edit and no substring is
 * edited twice), the measure typos follow: "glipizde" is one deletion from "glipizide", "neuropaht" one swap from
 * "neuropath". One count serves both the page-side finder of misspelt terms and the popup search (emphasis, "explain
 * selection"), so a typo the popup forgives is counted the same on the page. Rows live in reused typed arrays and the
 * count gives up as soon as a row exceeds the bound, because the finder runs it for every candidate on every page.
 */

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

function ensure(size: number): void {
  if (rowA.length >= size) return;
  rowA = new Int32Array(size * 2);
  rowB = new Int32Array(size * 2);
  rowC = new Int32Array(size * 2);
}

/** The distance between `a` and `b`, or `max + 1` as soon as it is known to exceed `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  ensure(m + 1);
  // Three rolling rows: two rows back (for swaps), the previous row, and the one being filled.
  let twoBack = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = (prev[j - 1] as number) + (ai === bj ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      if (del < d) d = del;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = (twoBack[j - 2] as number) + 1;
        if (swap < d) d = swap;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = twoBack;
    twoBack = prev;
    prev = cur;
    cur = spare;
  }
  const result = prev[m] as number;
  return result > max ? max + 1 : result;
}
