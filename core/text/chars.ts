/**
 * Per-character facts the normaliser and the matcher ask for millions of times a page: what a UTF-16 code unit turns
 * into (kept, separator, dropped, expanded), its lowercase form, and whether it is a letter or a digit.
 *
 * Why lookup tables: page text runs to megabytes, and running a regex or `normalize()` on every character would
 * dominate the cost. Each table has one slot per BMP code unit, filled lazily the first time a code unit is seen
 * (ASCII eagerly), so the Unicode-aware work happens once per distinct character, not once per character read.
 * Code units are looked at one by one: surrogate halves pass through (unpaired ones become U+FFFD) and are neither
 * letters nor digits (astral text is emoji in practice), which keeps every output character tied to exactly one
 * input code unit.
 */

/** What one input code unit becomes in normalised text. */
const KIND_KEEP = 0; // kept as is (then lowercased in `lower`)
export const KIND_SPACE = 1; // whitespace: part of a separator run
export const KIND_DASH = 2; // hyphen or dash: part of a separator run
export const KIND_DROP = 3; // invisible (soft hyphen, zero-width, bidi marks): removed
export const KIND_EXPAND = 4; // replaced by one or more other characters (see `expansionOf`)
export const KIND_SURROGATE = 5; // half of a UTF-16 surrogate pair: kept if paired, U+FFFD if not
const KIND_UNKNOWN = 255;

/** Character classes as bit flags; any non-zero class is a "word character" for whole-word checks. */
export const CLASS_LETTER = 1;
export const CLASS_DIGIT = 2;
const CLASS_MARK = 4; // combining marks continue the word they sit on
/**
 * Connector punctuation ("_") joins words into one identifier: "Bomba_de_insulina" in a wiki's credit line, a file
 * name or a variable is no mention of a term, so no match ends or starts beside it.
 */
export const CLASS_JOINER = 8;
const CLASS_UNKNOWN = 128;

const TABLE_SIZE = 0x10000;
const kindTable = new Uint8Array(TABLE_SIZE).fill(KIND_UNKNOWN);
const classTable = new Uint8Array(TABLE_SIZE).fill(CLASS_UNKNOWN);
// 0 marks "not computed yet"; U+0000 itself is filled eagerly with the ASCII range.
const lowerTable = new Uint16Array(TABLE_SIZE);
const expansions = new Map<number, string>();

/** Dashes the brief names plus the rest of Unicode's Dash_Punctuation (caught by \p{Pd} below). */
const DASHES = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];
/**
 * The same dashes as the body of a RegExp character class, for rules written as patterns (core/values): one list, so
 * a value range written with any dash the matcher accepts ("5.7\uff0d6.4%") is read too.
 */
export const DASH_CLASS = DASHES.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('');
/** Whether `c` is one of those dashes. */
export const isDashChar = (c: string | undefined): boolean =>
  c !== undefined && c.length === 1 && DASHES.includes(c.charCodeAt(0));

/**
 * Invisible characters that authors and CMSs sprinkle inside words (soft hyphens for line breaking, zero-width
 * spaces from copy-paste, BOMs, direction marks). They must not split a word, so they vanish. U+00AD is NOT a dash.
 */
const DROPPED = [
  0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2061,
  0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/**
 * Explicit replacements. Greek letters are spelled out because glossaries write "beta cells" while pages write
 * "β-cells"; curly and modifier apostrophes become "'" so possessives and aliases like "Alzheimer's" compare equal, and
 * so does the acute accent typed alone for one, as Spanish keyboards make easy ("test de O´Sullivan").
 */
const EXPLICIT: ReadonlyArray<readonly [number, string]> = [
  [0x03b2, 'beta'], // β
  [0x03d0, 'beta'], // ϐ (curled beta, same letter)
  [0x03b1, 'alpha'], // α
  [0x2018, "'"],
  [0x2019, "'"],
  [0x02bc, "'"],
  [0x00b4, "'"],
];

/**
 * Ranges where NFKC folding matters for matching: super/subscript digits (HbA₁c, kg/m²), micro sign, fullwidth
 * ASCII, Latin ligatures from PDF-converted pages (ﬁbre), Roman numerals (type Ⅱ). NFKC is NOT applied everywhere:
 * it would turn "™" into "TM" and glue it onto brand names (Ozempic™ → ozempictm), breaking whole-word matches.
 */
function wantsNfkc(code: number): boolean {
  return (
    code === 0xb2 ||
    code === 0xb3 ||
    code === 0xb5 ||
    code === 0xb9 ||
    (code >= 0x2070 && code <= 0x209f) ||
    (code >= 0x2160 && code <= 0x2188) ||
    (code >= 0xfb00 && code <= 0xfb06) ||
    (code >= 0xff01 && code <= 0xff5e)
  );
}

const RE_SPACE = /^\s$/u;
const RE_DASH = /^\p{Pd}$/u;
const RE_LETTER = /^\p{L}$/u;
const RE_DIGIT = /^\p{Nd}$/u;
const RE_MARK = /^\p{M}$/u;
const RE_CONNECTOR = /^\p{Pc}$/u;

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function computeKind(code: number): number {
  if (isSurrogate(code)) return KIND_SURROGATE;
  const ch = String.fromCharCode(code);
  // Dropped first: JavaScript's \s counts U+FEFF as whitespace, but a BOM inside a word must not split it.
  if (DROPPED.includes(code)) return KIND_DROP;
  if (DASHES.includes(code) || RE_DASH.test(ch)) return KIND_DASH;
  if (RE_SPACE.test(ch)) return KIND_SPACE;
  for (const [c, replacement] of EXPLICIT) {
    if (c === code) {
      expansions.set(code, replacement);
      return KIND_EXPAND;
    }
  }
  if (wantsNfkc(code)) {
    const folded = ch.normalize('NFKC');
    if (folded !== ch && folded.length > 0) {
      // A fold that yields a single separator (superscript minus → U+2212) is that separator, not a kept char.
      if (folded.length === 1) {
        const k = charKind(folded.charCodeAt(0));
        if (k !== KIND_KEEP && k !== KIND_EXPAND) return k;
        if (k === KIND_EXPAND) {
          expansions.set(code, expansionOf(folded.charCodeAt(0)));
          return KIND_EXPAND;
        }
      }
      expansions.set(code, folded);
      return KIND_EXPAND;
    }
  }
  return KIND_KEEP;
}

function computeClass(code: number): number {
  if (isSurrogate(code)) return 0;
  const ch = String.fromCharCode(code);
  if (RE_LETTER.test(ch)) return CLASS_LETTER;
  if (RE_DIGIT.test(ch)) return CLASS_DIGIT;
  if (RE_MARK.test(ch)) return CLASS_MARK;
  if (RE_CONNECTOR.test(ch)) return CLASS_JOINER;
  return 0;
}

/** Vowels whose accents matching ignores: Spanish pages write "glucémia" and "glucemia", "insulína" in headings. */
const PLAIN_VOWELS = 'aeiouy';

function computeLower(code: number): number {
  if (isSurrogate(code)) return code;
  const lowered = String.fromCharCode(code).toLowerCase();
  // İ lowercases to two code units; keeping the original keeps `lower` and `cased` the same length.
  if (lowered.length !== 1) return code;
  // An accented vowel lowercases to its plain vowel (á, é, ü → a, e, u), so matching and search ignore accents while
  // `cased` keeps the page's own character. Ñ is a letter of its own in Spanish (año is not ano) and stays. Only
  // composed accents fold: a combining accent ("e\u0301", rare in web text, which is NFC) still continues its word,
  // so "metformin\u0301" is not "metformin" and no mark ends inside a character.
  const parts = lowered.normalize('NFD');
  if (parts.length === 2 && PLAIN_VOWELS.includes(parts[0] as string) && isCombiningDiacritic(parts.charCodeAt(1)))
    return parts.charCodeAt(0);
  return lowered.charCodeAt(0);
}

function isCombiningDiacritic(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

/** How input code unit `code` is treated by the normaliser (one of the KIND_* constants). */
export function charKind(code: number): number {
  const k = kindTable[code] as number;
  if (k !== KIND_UNKNOWN) return k;
  const computed = computeKind(code);
  kindTable[code] = computed;
  return computed;
}

/** The replacement text of a KIND_EXPAND code unit. */
export function expansionOf(code: number): string {
  return expansions.get(code) ?? String.fromCharCode(code);
}

/** CLASS_* flags of a (normalised) code unit; 0 means punctuation, symbol, space or surrogate. */
export function charClass(code: number): number {
  const c = classTable[code] as number;
  if (c !== CLASS_UNKNOWN) return c;
  const computed = computeClass(code);
  classTable[code] = computed;
  return computed;
}

/** True for letters, digits, combining marks and connectors: characters that continue a word. */
export function isWordChar(code: number): boolean {
  return charClass(code) !== 0;
}

/** Per-character lowercase that never changes length. */
export function lowerOf(code: number): number {
  const l = lowerTable[code] as number;
  if (l !== 0 || code === 0) return l;
  const computed = computeLower(code);
  lowerTable[code] = computed;
  return computed;
}

// ASCII is most of every page: fill it up front so the hot path never takes the lazy branch for it.
for (let c = 0; c < 0x80; c++) {
  charKind(c);
  charClass(c);
  lowerOf(c);
}
