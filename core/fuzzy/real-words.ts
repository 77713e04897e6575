/**
 * The English words of fuzzy length as a Bloom filter (Bloom, 1970), so the page side can tell that a word is a real
 * one, and no misspelling, before it makes a string of it or probes the deletion index: three words in four on a
 * page are dictionary words, and each used to cost a string, two set lookups and up to 37 hashed probes.
 *
 * Every real word is answered as one (a Bloom filter has no false negatives), so what the finder reports is what it
 * reported without the filter, except that a non-word is now and then taken for a real one, and a misspelling is
 * then missed: about one in two hundred (a unit test measures it), far under the finder's own misses.
 *
 * The key is one 32-bit hash of the folded letters, made letter by letter as the page is read (`nextLetterHash`), so
 * a word is looked up without being sliced out of the text; the filter's probes are derived from it (Kirsch and
 * Mitzenmacher's double hashing).
 */

/** FNV-1a's offset basis and prime. */
export const LETTER_HASH_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash of a word's folded letters so far, one more letter `code` on. */
export function nextLetterHash(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

export function letterHash(word: string): number {
  let h = LETTER_HASH_SEED;
  for (let i = 0; i < word.length; i++) h = nextLetterHash(h, word.charCodeAt(i));
  return h;
}

/** MurmurHash3's finaliser: spreads FNV's weak low bits over the word's hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Bits per word and probes per lookup. The probes of one word all fall in one 512-bit block (a blocked Bloom
 * filter, Putze, Sanders and Singler 2007), so a lookup costs one cache line rather than eight: the finder runs
 * between the matcher's passes, whose tables push the filter out of the cache. About 0.5% false positives.
 */
const BITS_PER_WORD = 12;
const PROBES = 8;
const BLOCK_BITS = 512;
const BLOCK_BYTES = BLOCK_BITS / 8;

/** As the data ships it (JSON). */
export interface RealWordsData {
  /** The filter's bits, base64, BLOCK_BYTES a block. */
  bits: string;
  probes: number;
}

/** Probe `i`'s bit in the block: the mixed hash's low bits start it, its middle bits step it (double hashing). */
function probeBit(mixed: number, i: number): number {
  return (mixed + Math.imul(i, (mixed >>> 9) | 1)) & (BLOCK_BITS - 1);
}

export class RealWords {
  private readonly blocks: number;

  private constructor(
    private readonly bits: Uint8Array,
    private readonly probes: number,
  ) {
    this.blocks = bits.length / BLOCK_BYTES;
  }

  /** At build time, from folded words. */
  static of(words: Iterable<string>): RealWords {
    const list = [...new Set(words)];
    const blocks = Math.max(1, Math.ceil((list.length * BITS_PER_WORD) / BLOCK_BITS));
    const filter = new RealWords(new Uint8Array(blocks * BLOCK_BYTES), PROBES);
    for (const word of list) filter.add(letterHash(word));
    return filter;
  }

  static fromData(data: RealWordsData): RealWords {
    const binary = atob(data.bits);
    const bits = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bits[i] = binary.charCodeAt(i);
    if (bits.length === 0 || bits.length % BLOCK_BYTES !== 0 || !(data.probes >= 1)) {
      throw new Error('fuzzy data: malformed real-word filter');
    }
    return new RealWords(bits, data.probes);
  }

  toData(): RealWordsData {
    let binary = '';
    for (let i = 0; i < this.bits.length; i++) binary += String.fromCharCode(this.bits[i] as number);
    return { bits: btoa(binary), probes: this.probes };
  }

  /** Whether the word whose `letterHash` is `hash` may be a real word (a non-word rarely is; a real word always). */
  has(hash: number): boolean {
    const mixed = mix(hash);
    const base = this.blockOf(mixed);
    for (let i = 0; i < this.probes; i++) {
      const bit = probeBit(mixed, i);
      if (((this.bits[base + (bit >>> 3)] as number) & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }

  private add(hash: number): void {
    const mixed = mix(hash);
    const base = this.blockOf(mixed);
    for (let i = 0; i < this.probes; i++) {
      const bit = probeBit(mixed, i);
      this.bits[base + (bit >>> 3)] = (this.bits[base + (bit >>> 3)] as number) | (1 << (bit & 7));
    }
  }

  /** The first byte of the block for a mixed hash: its high bits scaled to the block count, without a modulo. */
  private blockOf(mixed: number): number {
    return Math.floor(((mixed >>> 0) * this.blocks) / 4294967296) * BLOCK_BYTES;
  }
}
