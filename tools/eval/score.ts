/**
 * Scores what TermLens marked on one annotated page against what a reader expected (see `../shared/corpus/real/README.md`
 * for how pages are annotated). Pure: the page's visible text and the marked spans in, the verdict out.
 */

export interface Annotation {
  /** Terms a reader wants explained, written as on the page (case-insensitive). */
  expected: string[];
  /** Words and phrases that must not be marked as our terms; a mark lying inside one of their occurrences is a hit. */
  traps: string[];
}

/** A marked span in the page's flat visible text. */
export interface Span {
  start: number;
  end: number;
  kind: 'term' | 'value';
}

export interface Occurrence {
  start: number;
  /** End of the written string itself. */
  end: number;
  /** End after an optional plural or possessive suffix ("blood sugars", "A1C's"). */
  suffixEnd: number;
}

export interface ExpectedResult {
  term: string;
  found: boolean;
  /** False when the string is nowhere in the visible text (in an attribute only, say). */
  visible: boolean;
  /** Marks overlapping an occurrence without covering it exactly: what the reader got instead. */
  instead: string[];
}

export interface TrapHit {
  trap: string;
  marked: string;
  context: string;
}

export interface PageScore {
  expected: ExpectedResult[];
  found: number;
  trapHits: TrapHit[];
  marks: number;
}

const WORD = /[\p{L}\p{N}]/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whole-word, case-insensitive occurrences of `phrase`: any run of white space matches a space, any apostrophe
 * matches either kind, and a trailing plural or possessive is allowed.
 */
export function occurrences(text: string, phrase: string): Occurrence[] {
  const body = escape(phrase.trim()).replace(/\s+/g, '[\\s\\u00a0]+').replace(/['’]/g, "['’]");
  const re = new RegExp(`(${body})((?:e?s|['’]s|s['’])?)`, 'giu');
  const out: Occurrence[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + (m[1] as string).length;
    const suffixEnd = end + (m[2] as string).length;
    re.lastIndex = start + 1;
    const before = start > 0 ? text.charAt(start - 1) : '';
    const after = text.charAt(suffixEnd);
    const afterCore = text.charAt(end);
    const boundedAfter = !WORD.test(after) || !WORD.test(afterCore);
    if (WORD.test(before) || !boundedAfter) continue;
    out.push({ start, end: WORD.test(afterCore) ? suffixEnd : end, suffixEnd });
  }
  return out;
}

/** The block (line) of flat text around [start, end), cut to a readable window. */
export function contextOf(text: string, start: number, end: number, width = 70): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const from = Math.max(lineStart, start - width);
  const to = Math.min(lineEnd, end + width);
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return `${from > lineStart ? '…' : ''}${squash(text.slice(from, start))}[${squash(text.slice(start, end))}]${squash(text.slice(end, to))}${to < lineEnd ? '…' : ''}`;
}

export function scorePage(text: string, spans: readonly Span[], annotation: Annotation): PageScore {
  const expected = annotation.expected.map((term): ExpectedResult => {
    const occs = occurrences(text, term);
    // A mark covering the whole term counts, also when it says more ("low carb" inside a marked "low carb diet", as the
    // annotators list it); a mark of only part of the term does not.
    const found = occs.some((o) => spans.some((s) => s.start <= o.start && s.end >= o.end));
    const instead = new Set<string>();
    if (!found) {
      for (const o of occs)
        for (const s of spans) if (s.start < o.suffixEnd && s.end > o.start) instead.add(text.slice(s.start, s.end));
    }
    return { term, found, visible: occs.length > 0, instead: [...instead] };
  });
  const trapHits: TrapHit[] = [];
  for (const trap of annotation.traps) {
    for (const o of occurrences(text, trap)) {
      for (const s of spans) {
        if (s.start >= o.start && s.end <= o.suffixEnd) {
          trapHits.push({ trap, marked: text.slice(s.start, s.end), context: contextOf(text, s.start, s.end) });
        }
      }
    }
  }
  return { expected, found: expected.filter((e) => e.found).length, trapHits, marks: spans.length };
}
