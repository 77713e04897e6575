import type { PageNames } from '../utils/random-id';

/**
 * Marks on the page. `::highlight()` accepts only colour and text-decoration, which is all a quiet mark needs; the
 * wrap fallback (`mode`) styles its own elements instead. Each mark must read as one mark:
 * - the underline does not skip descenders (`text-decoration-skip-ink: none`): with the default, the dots broke at
 *   every g, p and y, so "fasting plasma glucose" looked like several terms and "glucose" began a letter late;
 * - a term inside a link gets a tint, not a second underline stacked on the link's own;
 * - a misspelling of a term is marked fainter than a term: it is a guess.
 */
/**
 * Which elements carry the highlight rules. Chromium passes highlight styles down the flat tree (CSS highlight
 * inheritance), so a rule on the root styles every mark, in open shadow trees too. Adopting the sheet is the
 * biggest single cost TermLens puts on a page with terms (a style recalc of every element), and a rule on the root
 * makes it a third cheaper than rules every element matches: TermLens's five rules took a median of 266 ms
 * against 405 ms on the 5 MB page (Chromium 156, 8 alternating loads each). Firefox ESR 153 does not inherit highlight styles, so there every element must match.
 */
const ROOT = import.meta.env.BROWSER === 'firefox' ? '' : ':root';

/** One kind of mark as the reader chose to see marks: a line under the text (`line`: style, colour, width), or a fill. */
function markCss(style: 'underline' | 'background', line: string, offsetPx: number, fill: string): string {
  return style === 'underline'
    ? `text-decoration: underline ${line}; text-underline-offset: ${offsetPx}px; text-decoration-skip-ink: none;`
    : `background-color: ${fill};`;
}

export function pageHighlightCss(
  names: PageNames,
  style: 'underline' | 'background',
  dark: boolean,
  mode: 'highlight-api' | 'wrap' = 'highlight-api',
): string {
  const line = dark ? '#5eead4' : '#0f766e';
  const fill = dark ? 'rgba(94, 234, 212, 0.22)' : 'rgba(15, 118, 110, 0.12)';
  const active = dark ? 'rgba(94, 234, 212, 0.35)' : 'rgba(15, 118, 110, 0.22)';
  const base = markCss(style, `dotted ${line} 2px`, 3, fill);
  const linked = `background-color: ${fill};`;
  // Values of known measures ("A1C 7.2%") are marked apart from terms: a thin dashed line (or fill) in another hue.
  const valueLine = dark ? '#c4b5fd' : '#6d5bd0';
  const valueFill = dark ? 'rgba(196, 181, 253, 0.18)' : 'rgba(109, 91, 208, 0.10)';
  const value = markCss(style, `dashed ${valueLine} 1px`, 4, valueFill);
  // A misspelling ("metforman") is TermLens's guess: the term's hue, a thinner, fainter line (or fill).
  const guessLine = dark ? 'rgba(94, 234, 212, 0.6)' : 'rgba(15, 118, 110, 0.55)';
  const guessFill = dark ? 'rgba(94, 234, 212, 0.12)' : 'rgba(15, 118, 110, 0.07)';
  const guess = markCss(style, `dotted ${guessLine} 1px`, 3, guessFill);
  if (mode === 'wrap') {
    return `
${names.mark} { all: unset; display: inline; ${base} cursor: help; }
a[href] ${names.mark}:not([data-kind]) { text-decoration: none; ${linked} }
${names.mark}[data-kind="value"] { text-decoration: none; background-color: transparent; ${value} }
${names.mark}[data-kind="guess"] { text-decoration: none; background-color: transparent; ${guess} }
${names.mark}[data-active] { background-color: ${active}; }
`;
  }
  return `
${ROOT}::highlight(${names.term}) { ${base} }
${ROOT}::highlight(${names.linked}) { ${linked} }
${ROOT}::highlight(${names.value}) { ${value} }
${ROOT}::highlight(${names.guess}) { ${guess} }
${ROOT}::highlight(${names.active}) { background-color: ${active}; text-decoration: underline solid ${line} 2px; text-underline-offset: 3px; text-decoration-skip-ink: none; }
`;
}
