/**
 * A work the page cites, in an entry of a reference list: "National Institute of Diabetes and Digestive and Kidney
 * Disease. Type 2 Diabetes. Disponible en: https://…", "Cleveland Clinic. «Hypoglycemia». Consultado el 12 de octubre
 * de 2024.", or by author and year in the text: "(GPC Diabetes, 2020; OMS Diabetes, 2023)". What it names are the
 * authors, titles and publishers of the works cited, not terms the page uses, and a reader does not want a card on the
 * title of a cited leaflet.
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
 * The spans of `text` that cite works: entries of a reference list, up to the marker that shows each is one, and
 * author-year citations in parentheses.
 */
export function citationSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (text.includes('(')) {
    for (const p of text.matchAll(PARENTHESES))
      if (AUTHOR_YEARS.test(p[1] as string)) spans.push([p.index, p.index + p[0].length]);
  }
  if (!MAY_HOLD.test(text)) return spans;
  let start = 0;
  for (const end of [...[...text.matchAll(LINE_END)].map((m) => m.index), text.length]) {
    if (end - start <= MAX_ENTRY_CHARS) {
      const marker = MARKER.exec(text.slice(start, end));
      if (marker) spans.push([start, start + marker.index]);
    }
    start = end + 1;
  }
  return spans;
}
