/**
 * SymSpell's deletion variants (Wolf Garbe, 2012): two words are within k edits only if deleting at most k characters
 * from each gives a common string. So the build lists every alias word's deletions once, and the page side makes the
 * few deletions of a token and looks them up, instead of comparing the token with every alias.
 *
 * The page side never builds those strings: it hashes them straight from the token's prefix hashes (a polynomial
 * hash, so removing a character is arithmetic), which spares an allocation and a string hash per variant. A
 * collision only adds a candidate, and every candidate is confirmed by a real edit distance.
 *
 * Both sides make the deletions of a word's first PREFIX_LENGTH characters only (SymSpell's prefix): a 12-letter
 * token then has 37 variants instead of 79. Nothing within the distance is lost: each edit (insert, delete,
 * substitute, swap) costs each side's prefix at most one deletion to undo, counting the character an insertion
 * pushes out of the prefix or a deletion pulls into it, so two words k edits apart have prefixes that meet after at
 * most k deletions each. Words that share a prefix but differ later only become candidates, and lose at the distance.
 */

/**
 * How many leading characters of a word its deletion variants are made from. Measured on the corpus pages: 7 cost
 * 9 times the edit distances of 12 for 60% of its probes, and 8 was the fastest of 6 to 12.
 */
export const PREFIX_LENGTH = 8;

/** `word` and every string made by deleting 1 to `depth` of its characters, each once, sorted (for determinism). */
export function deletionVariants(word: string, depth: number): string[] {
  const seen = new Set<string>([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const s of frontier) {
      for (let i = 0; i < s.length; i++) {
        const variant = s.slice(0, i) + s.slice(i + 1);
        if (seen.has(variant)) continue;
        seen.add(variant);
        next.push(variant);
      }
    }
    frontier = next;
  }
  return [...seen].sort();
}

const BASE = 0x01000193;

/** The hash of `s` (sum of code × BASE^(distance from the end), mod 2^32, as a signed 32-bit integer). */
export function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0;
  return h;
}

const MAX_HASHED = 256;
const POW = new Int32Array(MAX_HASHED + 1);
POW[0] = 1;
for (let k = 1; k <= MAX_HASHED; k++) POW[k] = Math.imul(POW[k - 1] as number, BASE);
/** prefix[i] = hash of word.slice(0, i); reused across calls. */
const prefix = new Int32Array(MAX_HASHED + 1);

/** Hash of word.slice(i, j), from the prefix hashes. */
function rangeHash(i: number, j: number): number {
  return ((prefix[j] as number) - Math.imul(prefix[i] as number, POW[j - i] as number)) | 0;
}

/**
 * Calls `visit` with the hash of `word.slice(0, length)` and of each of its deletions up to `depth` (a variant made
 * twice is visited twice: it only repeats a lookup). Depths over 2 fall back to building the strings.
 */
export function forEachDeletionHash(word: string, length: number, depth: number, visit: (hash: number) => void): void {
  const n = Math.min(word.length, length, MAX_HASHED);
  if (depth > 2) {
    for (const variant of deletionVariants(word.slice(0, n), depth)) visit(hashString(variant));
    return;
  }
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i] as number, BASE) + word.charCodeAt(i)) | 0;
  visit(prefix[n] as number);
  if (depth === 0) return;
  for (let i = 0; i < n; i++) {
    // Without i: the part before it, shifted past the part after it.
    const head = prefix[i] as number;
    visit((Math.imul(head, POW[n - 1 - i] as number) + rangeHash(i + 1, n)) | 0);
    if (depth === 1) continue;
    for (let j = i + 1; j < n; j++) {
      // Without i and j: three parts, of lengths i, j - i - 1 and n - j - 1.
      const middle = Math.imul(rangeHash(i + 1, j), POW[n - 1 - j] as number);
      visit((Math.imul(head, POW[n - 2 - i] as number) + middle + rangeHash(j + 1, n)) | 0);
    }
  }
}
