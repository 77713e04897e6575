/**
 * A medicine's list of inactive ingredients: "Excipientes (Lactosa, Celulosa Microcristalina, … Almidón Glicolato de
 * Sodio)", "Los demás componentes (excipientes) son: lactosa monohidrato, …", "Inactive ingredients: lactose,
 * sodium …". The sugars, starches and salts named there are what the tablet is made with, not our terms, and a reader
 * of a leaflet does not want a card for each.
 */
const HEAD = /(?:excipientes?|excipients?|inactive[\s\u00a0]+ingredients?)/giu;
/** Most blocks name no excipient: one test spares them the walk. */
const MAY_HOLD = /excipient|inactive[\s\u00a0]+ingredient/iu;
/** Between the head and its list: a closing bracket ("componentes (excipientes) son:"), "son" / "are", "con efecto conocido". */
const LEAD = /^[\s\u00a0)]*(?:(?:con[\s\u00a0]+efecto[\s\u00a0]+conocido|son|are)[\s\u00a0]*)?([(:])/iu;
/** A list given after a colon ends with its sentence: a full stop before a space or the block's end, or a semicolon. */
const SENTENCE_END = /[.;](?=[\s\u00a0\u0000]|$)|\u0000/u;

/** The spans of `text` that list a medicine's inactive ingredients. */
export function ingredientListSpans(text: string): [number, number][] {
  if (!MAY_HOLD.test(text)) return [];
  const spans: [number, number][] = [];
  for (const head of text.matchAll(HEAD)) {
    const after = head.index + head[0].length;
    const lead = LEAD.exec(text.slice(after, after + 40));
    if (!lead) continue;
    const start = after + lead[0].length;
    const rest = text.slice(start);
    const end = lead[1] === '(' ? rest.indexOf(')') : rest.search(SENTENCE_END);
    spans.push([start, end === -1 ? text.length : start + end]);
  }
  return spans;
}
