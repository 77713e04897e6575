/**
 * Aho-Corasick over UTF-16 code units: one pass over the text finds every key, however many keys there are.
 *
 * The automaton is a trie with failure links, not a full DFA. Filling in every (state, symbol) transition up front
 * costs states x alphabet work (about 600,000 steps for this glossary) on every page load, which showed up as a long
 * task of its own; following failure links while scanning costs at most one extra step per character on average.
 *
 * The alphabet is compressed: only code units that occur in some key get a symbol (a few dozen for an English
 * glossary); every other character is symbol 0, which no key contains.
 */

export interface Automaton {
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
  /** Failure link of each state: the longest proper suffix of its path that is also a trie path. */
  readonly fail: Int32Array;
  /** Key index ending exactly at each state, or -1. */
  readonly keyAt: Int32Array;
  /** First state with a key on the suffix chain starting at each state (itself included), or -1. */
  readonly firstOutput: Int32Array;
  /** Next state with a key on the suffix chain strictly after each state, or -1. */
  readonly nextOutput: Int32Array;
  readonly states: number;
}

/** The trie child of `state` on `sym`, or 0. */
function childOf(a: Pick<Automaton, 'rootChild' | 'edgeStart' | 'edgeSym' | 'edgeTo'>, state: number, sym: number): number {
  if (state === 0) return a.rootChild[sym] as number;
  const end = a.edgeStart[state + 1] as number;
  for (let e = a.edgeStart[state] as number; e < end; e++) if (a.edgeSym[e] === sym) return a.edgeTo[e] as number;
  return 0;
}

/** Follows failure links from `state` until some state has an edge on `sym`, and takes it; 0 (the root) if none does. */
function transition(a: Pick<Automaton, 'rootChild' | 'edgeStart' | 'edgeSym' | 'edgeTo'>, fail: Int32Array, from: number, sym: number): number {
  for (let state = from; ; state = fail[state] as number) {
    const next = childOf(a, state, sym);
    if (next !== 0 || state === 0) return next;
  }
}

/** Builds the automaton for `keys` (distinct, non-empty); key i is reported as index i. */
export function buildAutomaton(keys: readonly string[]): Automaton {
  // Alphabet: symbol 0 is reserved for "any other character".
  const asciiSymbols = new Uint16Array(128);
  const otherSymbols = new Map<number, number>();
  let width = 1;
  const symbolOf = (code: number): number => {
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

  // The trie, with edges in a Map while it grows. Each state records its parent, the symbol that led to it and its
  // depth, which is all the later passes need.
  let upper = 1;
  for (const key of keys) upper += key.length;
  const edges = new Map<number, number>(); // parent * 65536 + symbol -> child
  const keyAtAll = new Int32Array(upper).fill(-1);
  const parent = new Int32Array(upper);
  const via = new Int32Array(upper);
  const depth = new Int32Array(upper);
  let states = 1;
  keys.forEach((key, index) => {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const sym = symbolOf(key.charCodeAt(i));
      const id = state * 65536 + sym;
      let next = edges.get(id);
      if (next === undefined) {
        next = states++;
        edges.set(id, next);
        parent[next] = state;
        via[next] = sym;
        depth[next] = (depth[state] as number) + 1;
      }
      state = next;
    }
    keyAtAll[state] = index;
  });

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
  const trie = { rootChild, edgeStart, edgeSym, edgeTo };

  const fail = new Int32Array(states);
  const keyAt = keyAtAll.slice(0, states);
  const firstOutput = new Int32Array(states).fill(-1);
  const nextOutput = new Int32Array(states).fill(-1);
  if (keyAt[0] !== -1) firstOutput[0] = 0;

  // States in breadth-first order (a counting sort by depth), so a state's failure target, which is shallower, is
  // final before it is read.
  let maxDepth = 0;
  for (let st = 1; st < states; st++) maxDepth = Math.max(maxDepth, depth[st] as number);
  const firstAt = new Int32Array(maxDepth + 2);
  for (let st = 1; st < states; st++) {
    const d = depth[st] as number;
    firstAt[d + 1] = (firstAt[d + 1] as number) + 1;
  }
  for (let d = 1; d < firstAt.length; d++) firstAt[d] = (firstAt[d] as number) + (firstAt[d - 1] as number);
  const order = new Int32Array(Math.max(0, states - 1));
  const fill = firstAt.slice();
  for (let st = 1; st < states; st++) order[(fill[depth[st] as number] as number)++] = st;

  for (const state of order) {
    const p = parent[state] as number;
    const sym = via[state] as number;
    const f = p === 0 ? 0 : transition(trie, fail, fail[p] as number, sym);
    fail[state] = f;
    nextOutput[state] = firstOutput[f] as number;
    firstOutput[state] = keyAt[state] !== -1 ? state : (nextOutput[state] as number);
  }

  return { asciiSymbols, otherSymbols, width, ...trie, fail, keyAt, firstOutput, nextOutput, states };
}

/**
 * Reports every occurrence of every key in `text` as (key index, end index exclusive), in order of end index and,
 * for one end index, longest key first. Overlapping occurrences are all reported; choosing among them is not this
 * module's job.
 */
export function scanAutomaton(
  automaton: Automaton,
  text: string,
  report: (keyIndex: number, end: number) => void,
): void {
  const { asciiSymbols, otherSymbols, fail, keyAt, firstOutput, nextOutput } = automaton;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const sym = code < 128 ? (asciiSymbols[code] as number) : (otherSymbols.get(code) ?? 0);
    if (sym === 0) {
      state = 0; // a character no key contains: every partial match ends here
      continue;
    }
    state = transition(automaton, fail, state, sym);
    for (let s = firstOutput[state] as number; s !== -1; s = nextOutput[s] as number) {
      report(keyAt[s] as number, i + 1);
    }
  }
}
