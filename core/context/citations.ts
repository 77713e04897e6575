/**
 * A work the page cites, in an entry of a reference list: "National Institute of Diabetes and Digestive and Kidney
 * Disease. Type 2 Diabetes. Disponible en: https://…", "Cleveland Clinic. «Hypoglycemia». Consultado el 12 de octubre
 * de 2024.", or by author and year in the text: "(GPC Diabetes, 2020; OMS Diabetes, 2023)". What it names are the
 * authors, titles and publishers of the works cited, not terms the page uses, and a reader does not want a card on the
 * title of a cited leaflet. So does who said a quote, signed after a dash: "“Controlarse no es gastar más.” — Diabetes
 * Responsable".
 */
/**
 * What only a citation carries: where the work is found ("Disponible en: https://"), when it was read ("Consultado el
 * 12 de octubre de 2024", "Accessed March 3, 2024"), an archive's note.
 */
const MARKER =
  /(?:^|[.\]»”][\s\u00a0]+)(?:(?:Disponible[\s\u00a0]+en|Available[\s\u00a0]+(?:from|at)|Recuperado[\s\u00a0]+de|Retrieved[\s\u00a0]+from)[\s\u00a0]*:?[\s\u00a0]*(?:https?:|www\.)|(?:Consultado|Accedido)[\s\u00a0]+el[\s\u00a0]+\d{1,2}[\s\u00a0]+de[\s\u00a0]+\p{L}+|(?:Accessed|Retrieved)[\s\u00a0]+(?:on[\s\u00a0]+)?(?:\d{1,2}[\s\u00a0]+)?\p{Lu}\p{Ll}+[\s\u00a0]+\d|Archivado[\s\u00a0]+desde[\s\u00a0]+el[\s\u00a0]+original)/u;
/** Most blocks cite nothing: one test spares them the walk. */
const MAY_HOLD = /Disponible|Available|Recuperado|Retrieved|Consultado|Accedido|Accessed|Archivado/u;
/** A reference list's entry is a line of its own: the text between line breaks or blocks. */
const LINE_END = /[\n\u0000]/gu;
/** Longer than this, a line is prose that happens to say where something is found, not one entry. */
const MAX_ENTRY_CHARS = 400;

/**
 * Citations in the text, by author and year: "(GPC Diabetes, 2020; OMS Diabetes, 2023)". Each part names a work or
 * its author, capitalised, and ends with the year.
 */
const PARENTHESES = /\(([^()]{6,240})\)/gu;
const AUTHOR_YEARS = /^(?:[\s\u00a0]*\p{Lu}[^;,()]*,[\s\u00a0]*(?:19|20)\d{2}[a-z]?[\s\u00a0]*(?:;|$))+$/u;

/**
 * A reference list's entry with no marker, as "Author, Title, year.": "Ministerio de Salud de El Salvador, Manual
 * práctico de autocontrol para personas con diabetes, 2023." Its own line, capitalised, at least three parts between
 * commas, the last of them the year alone, and one sentence: a line of prose seldom ends that way, a date ("12 de
 * marzo, 2023") has one comma.
 */
const AUTHOR_TITLE_YEAR =
  /^[\s\u00a0]*\p{Lu}[^,]*,[^,]+(?:,[^,]+)*,[\s\u00a0]*(?:19|20)\d{2}[a-z]?[\s\u00a0]*\.?[\s\u00a0]*$/u;
const SENTENCE_BREAK = /[.!?][\s\u00a0]+\p{Lu}/u;
const MAY_END_WITH_YEAR = /,[\s\u00a0]*(?:19|20)\d{2}[a-z]?[\s\u00a0]*\.?[\s\u00a0]*(?:[\n\u0000]|$)/u;

/**
 * Who said a quote, signed after a dash at the start of a line or right after the quote: "— Diabetes Responsable",
 * "» — Dra. Ana Ruiz". Only a name in capitals up to the line's end: a dialogue's dash before prose ("—Diabetes tipo 2,
 * dijo") is not a signature.
 */
const SIGNATURE =
  /(?<=^|[\n\u0000]|[”»"][\s\u00a0.]*)[\s\u00a0]*[—―][\s\u00a0]*\p{Lu}[\p{L}.'’-]*(?:[\s\u00a0]+(?:(?:de|del|la|las|los|y|e|of|the|and|for)[\s\u00a0]+)?\p{Lu}[\p{L}.'’-]*){0,6}[\s\u00a0.]*(?=[\n\u0000]|$)/gu;

/**
 * The spans of `text` that cite works: entries of a reference list, up to the marker that shows each is one, or whole
 * when they read "Author, Title, year"; author-year citations in parentheses; a quote's signature.
 */
export function citationSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (text.includes('(')) {
    for (const p of text.matchAll(PARENTHESES))
      if (AUTHOR_YEARS.test(p[1] as string)) spans.push([p.index, p.index + p[0].length]);
  }
  if (text.includes('—') || text.includes('―'))
    for (const s of text.matchAll(SIGNATURE)) spans.push([s.index, s.index + s[0].length]);
  const markers = MAY_HOLD.test(text);
  const byYear = MAY_END_WITH_YEAR.test(text);
  if (!markers && !byYear) return spans;
  let start = 0;
  for (const end of [...[...text.matchAll(LINE_END)].map((m) => m.index), text.length]) {
    if (end - start <= MAX_ENTRY_CHARS) {
      const line = text.slice(start, end);
      const marker = markers ? MARKER.exec(line) : null;
      if (marker) spans.push([start, start + marker.index]);
      else if (byYear && AUTHOR_TITLE_YEAR.test(line) && !SENTENCE_BREAK.test(line)) spans.push([start, end]);
    }
    start = end + 1;
  }
  return spans;
}
