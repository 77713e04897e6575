/**
 * A breadcrumb trail: "Inicio > Endocrinología y Nutrición > Retinopatía diabética en el paciente adulto mayor". It is
 * the site's navigation, sections and the page's own title, not prose the reader is reading: a card on a section's name
 * explains nothing, and the page's title is read again as its heading.
 */
/** The trail's separators: ">", "›", "»", "/" between spaces. */
const SEPARATOR = '[\\s\\u00a0]+[>›»/][\\s\\u00a0]+';
/** The site's home, which a trail opens with. */
const HOME = '(?:Inicio|Home|Portada|Principal)';
/** A trail opens with the site's home, then at least one separator: "Inicio > …", "Home › …", "Portada / …". */
const TRAIL = new RegExp(`(?:^|[\\n\\u0000])[\\s\\u00a0]*${HOME}${SEPARATOR}[^\\n\\u0000]*`, 'gu');
/** Most blocks are no trail: one test spares them the walk. */
const MAY_HOLD = new RegExp(`${HOME}${SEPARATOR}`, 'u');
/** Longer than this, a line that opens so is prose, not a trail. */
const MAX_TRAIL_CHARS = 300;

/** The spans of `text` that are breadcrumb trails, each a line of its own. */
export function breadcrumbSpans(text: string): [number, number][] {
  if (!MAY_HOLD.test(text)) return [];
  const spans: [number, number][] = [];
  for (const trail of text.matchAll(TRAIL))
    if (trail[0].length <= MAX_TRAIL_CHARS) spans.push([trail.index, trail.index + trail[0].length]);
  return spans;
}
