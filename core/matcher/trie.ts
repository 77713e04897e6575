/**
 * The keys as a trie over UTF-16 code units. Every key must start where a word starts (see `stream.ts`), so the
 * matcher walks the trie from its root at word starts only: no failure links, no occurrences inside words to reject.
 *
 * The alphabet is compressed: only code units that occur in some key get a symbol (a few dozen for an English
 * glossary); every other character is symbol 0, which no key contains.
 */

export interface Trie {
  /** Symbol of each ASCII code unit (0 = occurs in no key). */
  readonly asciiSymbols: Uint16Array;
  /** Symbols of non-ASCII code units occurring in keys. */
  readonly otherSymbols: ReadonlyMap<number, number>;
  /** Number of symbols, including symbol 0. */
  readonly width: number;
  /** The root's edges as a dense row (it has an edge for most symbols): rootChild[symbol] = state, or 0. */
  readonly rootChild: Int32Array;
  /**
   * Every other state's edges, grouped by state (compressed sparse rows): the edges of state s are
   * edgeSym/edgeTo[edgeStart[s] .. edgeStart[s + 1]). Deeper states have one or two children, so a short linear
   * search beats a dense table whose size (states x alphabet) would be paid on every page load.
   */
  readonly edgeStart: Int32Array;
  readonly edgeSym: Uint16Array;
  readonly edgeTo: Int32Array;
  /** Key index ending exactly at each state, or -1. */
  readonly keyAt: Int32Array;
  readonly states: number;
}

/** The symbol of code unit `code`, 0 when no key contains it. */
export function symbolOf(trie: Trie, code: number): number {
  return code < 128 ? (trie.asciiSymbols[code] as number) : (trie.otherSymbols.get(code) ?? 0);
}

/** The child of `state` on `sym`, or 0 (the root is never anyone's child). */
export function childOf(trie: Trie, state: number, sym: number): number {
  if (state === 0) return trie.rootChild[sym] as number;
  const end = trie.edgeStart[state + 1] as number;
  for (let e = trie.edgeStart[state] as number; e < end; e++)
    if (trie.edgeSym[e] === sym) return trie.edgeTo[e] as number;
  return 0;
}

/** Builds the trie of `keys` (distinct, non-empty); key i is reported as index i. Sorted keys build fastest. */
export function buildTrie(keys: readonly string[]): Trie {
  // Alphabet: symbol 0 is reserved for "any other character".
  const asciiSymbols = new Uint16Array(128);
  const otherSymbols = new Map<number, number>();
  let width = 1;
  const symbolFor = (code: number): number => {
    if (code < 128) {
      let s = asciiSymbols[code] as number;
      if (s === 0) {
        s = width++;
        asciiSymbols[code] = s;
      }
      return s;
    }
    let s = otherSymbols.get(code);
    if (s === undefined) {
      s = width++;
      otherSymbols.set(code, s);
    }
    return s;
  };

  // In sorted order each key shares a prefix with the one before and only adds states after it, and a new child
  // can never repeat an existing one: the trie grows along a stack of the current path, with no lookups at all.
  const order = keys.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = (keys[i - 1] as string) < (keys[i] as string);
  // Build-time data arrives sorted; sorting a thousand strings on a cold page would cost more than the build.
  if (!sorted) order.sort((x, y) => ((keys[x] as string) < (keys[y] as string) ? -1 : 1));
  let upper = 1;
  for (const key of keys) upper += key.length;
  const keyAtAll = new Int32Array(upper).fill(-1);
  const parent = new Int32Array(upper);
  const via = new Int32Array(upper);
  const path = [0];
  let states = 1;
  let previous = '';
  for (const index of order) {
    const key = keys[index] as string;
    let common = 0;
    while (common < key.length && common < previous.length && key.charCodeAt(common) === previous.charCodeAt(common))
      common++;
    for (let i = common; i < key.length; i++) {
      const next = states++;
      parent[next] = path[i] as number;
      via[next] = symbolFor(key.charCodeAt(i));
      path[i + 1] = next;
    }
    keyAtAll[path[key.length] as number] = index;
    previous = key;
  }

  // Edges grouped by parent (a counting sort over states, linear).
  const rootChild = new Int32Array(width);
  const edgeStart = new Int32Array(states + 1);
  for (let st = 1; st < states; st++) {
    const p = parent[st] as number;
    if (p === 0) rootChild[via[st] as number] = st;
    else edgeStart[p + 1] = (edgeStart[p + 1] as number) + 1;
  }
  for (let st = 1; st <= states; st++) edgeStart[st] = (edgeStart[st] as number) + (edgeStart[st - 1] as number);
  const edgeCount = edgeStart[states] as number;
  const edgeSym = new Uint16Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  const cursor = edgeStart.slice(0, states);
  for (let st = 1; st < states; st++) {
    const p = parent[st] as number;
    if (p === 0) continue;
    const e = (cursor[p] as number)++;
    edgeSym[e] = via[st] as number;
    edgeTo[e] = st;
  }
  return {
    asciiSymbols,
    otherSymbols,
    width,
    rootChild,
    edgeStart,
    edgeSym,
    edgeTo,
    keyAt: keyAtAll.slice(0, states),
    states,
  };
}
