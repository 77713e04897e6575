/**
 * The card's own words in each language it speaks. The card follows the language of the text its term was found in
 * (a Spanish block gets a Spanish card, whatever the browser's language), so these are not the browser's locale
 * messages: the reader switches the card's language in the card itself.
 */
import type { Category, GlossaryEntry, Lang } from '../core/glossary/types';
import { CATEGORY_LABELS } from '../core/glossary/types';

export interface CardStrings {
  /** The language these words are in. */
  lang: Lang;
  categories: Record<Category, string>;
  readMore: string;
  whyItMatters: string;
  related: string;
  openInGlossary: string;
  close: string;
  back: (term: string) => string;
  probably: string;
  notThis: (term: string, wrote: string) => string;
  source: string;
  dontHighlight: (site: string) => string;
  disclaimer: string;
  /** What a screen reader hears first when a card opens. */
  opened: string;
  /** The button that switches the card to the other language, written in that language. */
  switchTo: string;
  /** After a source whose page is in another language than the card: "(en inglés)". */
  inLanguage: Record<Lang, string>;
  /** A value's card: whose ranges they are ("the American Diabetes Association" in English data). */
  rangesFrom: (owner: string) => string;
  /** A value's card: said to a screen reader after the band the value falls in. */
  thisValue: string;
}

export const CARD_STRINGS: Record<Lang, CardStrings> = {
  en: {
    lang: 'en',
    categories: CATEGORY_LABELS,
    readMore: 'Read more',
    whyItMatters: 'Why it matters: ',
    related: 'Related:',
    openInGlossary: 'Open in glossary',
    close: 'Close explanation',
    back: (term) => `Back to ${term}`,
    probably: 'probably',
    notThis: (term, wrote) => `Not ${term}? Leave “${wrote}” alone here`,
    source: 'Source',
    dontHighlight: (site) => `Don’t highlight on ${site}`,
    disclaimer: 'For education, not medical advice.',
    switchTo: 'Español',
    opened: 'Explanation opened',
    inLanguage: { en: 'in English', es: 'in Spanish' },
    rangesFrom: (owner) => `Ranges from the ${owner}.`,
    thisValue: ' (this value)',
  },
  es: {
    lang: 'es',
    categories: {
      condition: 'Afecciones',
      complication: 'Complicaciones',
      test: 'Pruebas y medidas',
      body: 'Cuerpo y fisiología',
      medicine: 'Medicamentos',
      device: 'Dispositivos y cuidados',
      lifestyle: 'Alimentación y estilo de vida',
    },
    readMore: 'Leer más',
    whyItMatters: 'Por qué importa: ',
    related: 'Relacionados:',
    openInGlossary: 'Abrir en el glosario',
    close: 'Cerrar la explicación',
    back: (term) => `Volver a ${term}`,
    probably: 'probablemente',
    notThis: (term, wrote) => `¿No es ${term}? Dejar “${wrote}” sin marcar aquí`,
    source: 'Fuente',
    dontHighlight: (site) => `No resaltar en ${site}`,
    disclaimer: 'Con fines educativos, no es consejo médico.',
    switchTo: 'English',
    opened: 'Explicación abierta',
    inLanguage: { en: 'en inglés', es: 'en español' },
    // The Spanish data writes the owner with its article ("el Consenso…"), which "de" joins as Spanish does.
    rangesFrom: (owner) => `Rangos ${owner.startsWith('el ') ? `del ${owner.slice(3)}` : `de ${owner}`}.`,
    thisValue: ' (este valor)',
  },
};

/**
 * An entry as a reader of `lang` sees it, in a card or in the popup: its Spanish term, wordings, text and sources
 * where it has them, else the English; id, category and related entries stay the entry's.
 */
export function entryIn(entry: GlossaryEntry, lang: Lang): GlossaryEntry {
  if (lang !== 'es' || !entry.es) return entry;
  const { id, category, related, topicOnly, es } = entry;
  return { id, category, related, ...(topicOnly ? { topicOnly } : {}), ...es, es };
}
