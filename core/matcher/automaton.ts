/**
 * Aho-Corasick over UTF-16 code units, compiled to a dense DFA so scanning costs one table lookup per character no
 * matter how many aliases the glossary has.
 *
 * Memory stays small by compressing the alphabet: only code units that occur in some key get a symbol (a few dozen
 * for an English glossary); every other character is symbol 0, which always leads back to the root.
 */

export interface Automaton {
  /** Symbol of each ASCII code unit (0 = occurs in no key). */
  readonly asciiSymbols: Uint16Array;
  /** Symbols of non-ASCII code units occurring in keys. */
  readonly otherSymbols: ReadonlyMap<number, number>;
  /** Number of symbols, including symbol 0. */
  readonly width: number;
  /** delta[state * width + symbol] = next state. */
  readonly delta: Uint16Array | Uint32Array;
  /** Key index ending exactly at each state, or -1. */
  readonly keyAt: Int32Array;
  /** First state with a key on the suffix chain starting at each state (itself included), or -1. */
  readonly firstOutput: Int32Array;
  /** Next state with a key on the suffix chain strictly after each state, or -1. */
  readonly nextOutput: Int32Array;
  readonly states: number;
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
  // The alphabet must be complete before the table is sized, since `width` is its row length.
  for (const key of keys) for (let i = 0; i < key.length; i++) symbolOf(key.charCodeAt(i));

  // The trie is built straight into a dense table, one row of `width` next-states per state (0 = no child: the
  // root is never anyone's child). Sum of key lengths + 1 bounds the state count. Dense rows avoid a Map per state
  // and let the breadth-first pass below turn the trie into the DFA in place.
  let upper = 1;
  for (const key of keys) upper += key.length;
  const table = new Uint32Array(upper * width);
  const keyAtAll = new Int32Array(upper).fill(-1);
  let states = 1;
  keys.forEach((key, index) => {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const cell = state * width + symbolOf(key.charCodeAt(i));
      let next = table[cell] as number;
      if (next === 0) {
        next = states++;
        table[cell] = next;
      }
      state = next;
    }
    keyAtAll[state] = index;
  });

  const fail = new Int32Array(states);
  const keyAt = keyAtAll.slice(0, states);
  const firstOutput = new Int32Array(states).fill(-1);
  const nextOutput = new Int32Array(states).fill(-1);
  if (keyAt[0] !== -1) firstOutput[0] = 0;

  // Breadth-first: a state's failure target is shallower, so that state's row is already final when we read it.
  // Each row is visited once: present children are queued, missing ones copy the failure state's transition.
  const queue = new Int32Array(states);
  let tail = 0;
  for (let sym = 0; sym < width; sym++) {
    const child = table[sym] as number;
    if (child !== 0) queue[tail++] = child; // depth-1 states fail to the root (fail[] is already 0)
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head] as number;
    const f = fail[state] as number;
    nextOutput[state] = firstOutput[f] as number;
    firstOutput[state] = keyAt[state] !== -1 ? state : (nextOutput[state] as number);
    const row = state * width;
    const failRow = f * width;
    for (let sym = 0; sym < width; sym++) {
      const child = table[row + sym] as number;
      const viaFail = table[failRow + sym] as number;
      if (child !== 0) {
        fail[child] = viaFail;
        queue[tail++] = child;
      } else {
        table[row + sym] = viaFail;
      }
    }
  }
  const used = table.subarray(0, states * width);
  const delta = states <= 0xffff ? Uint16Array.from(used) : used.slice();

  return {
    asciiSymbols,
    otherSymbols,
    width,
    delta,
    keyAt,
    firstOutput,
    nextOutput,
    states,
  };
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
  const { asciiSymbols, otherSymbols, width, delta, keyAt, firstOutput, nextOutput } = automaton;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const sym = code < 128 ? (asciiSymbols[code] as number) : (otherSymbols.get(code) ?? 0);
    state = delta[state * width + sym] as number;
    for (let s = firstOutput[state] as number; s !== -1; s = nextOutput[s] as number) {
      report(keyAt[s] as number, i + 1);
    }
  }
}
