/**
 * How a source is named in a card: "Title (Publisher)". Titles in the data carry their own attribution in a trailing
 * parenthesis, written differently from entry to entry ("ADA, Diabetes Care", "American Diabetes Association, Diabetes
 * Care", "MedlinePlus drug information"), so the card would name one publisher several ways. The publisher is taken
 * from the link's site instead, from one table, and the same function serves term and value cards.
 */

import type { Source } from './types';

/**
 * The one name each site goes by, keyed by host without "www.". A host not listed takes the name of its nearest listed
 * parent domain (a new NIDDK subdomain is still NIDDK). Short forms are kept where the readers of health pages know
 * them (CDC, FDA, NHS, NIH) or where the e2e tests expect them (NIDDK); "ADA" is spelled out because it also means
 * the Americans with Disabilities Act.
 */
export const PUBLISHERS: Readonly<Record<string, string>> = {
  'diabetes.org': 'American Diabetes Association',
  // Diabetes Care, Diabetes Spectrum, Clinical Diabetes: all published by the ADA.
  'diabetesjournals.org': 'American Diabetes Association',
  'niddk.nih.gov': 'NIDDK',
  'medlineplus.gov': 'MedlinePlus',
  'dailymed.nlm.nih.gov': 'DailyMed',
  'pmc.ncbi.nlm.nih.gov': 'PubMed Central',
  'pubmed.ncbi.nlm.nih.gov': 'PubMed',
  'ncbi.nlm.nih.gov': 'NCBI Bookshelf',
  'ods.od.nih.gov': 'NIH Office of Dietary Supplements',
  'nei.nih.gov': 'National Eye Institute',
  'nhlbi.nih.gov': 'NHLBI',
  'nia.nih.gov': 'National Institute on Aging',
  'nichd.nih.gov': 'NICHD',
  'nimh.nih.gov': 'NIMH',
  'nih.gov': 'NIH',
  'cdc.gov': 'CDC',
  'fda.gov': 'FDA',
  'who.int': 'WHO',
  // The Pan American Health Organization, cited by the Spanish glossary under its Spanish initials.
  'paho.org': 'OPS',
  'nhs.uk': 'NHS',
  'nhsbsa.nhs.uk': 'NHS Business Services Authority',
  'ema.europa.eu': 'European Medicines Agency',
  'information.ifcchba1c.org': 'IFCC HbA1c network',
};

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The publisher's one name for a source's site, or undefined for a site the table does not know. */
export function publisherOf(url: string): string | undefined {
  let host = hostOf(url);
  while (host) {
    const name = PUBLISHERS[host];
    if (name !== undefined) return name;
    const dot = host.indexOf('.');
    host = dot === -1 ? undefined : host.slice(dot + 1);
  }
  return undefined;
}

/** Index of the "(" that opens the parenthesis closing `text`, or -1 when `text` does not end with a balanced one. */
function trailingParen(text: string): number {
  if (!text.endsWith(')')) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return i;
  }
  return -1;
}

/** "2. Diagnosis…", "6.4. Goals…": a chapter number means nothing to a reader outside the book. */
const SECTION_NUMBER = /^\d+(?:\.\d+)*\.\s+/;
const LOOSE_END = /[\s,;:–—-]+$/;

/**
 * The title as the card shows it: no chapter number and no attribution. A title whose own words end in a parenthesis
 * ("Low Blood Glucose (Hypoglycemia)") has it turned into an apposition, so the publisher's parenthesis never doubles.
 */
export function sourceTitle(source: Source): string {
  let title = source.title.replace(/\s+/g, ' ').trim().replace(SECTION_NUMBER, '');
  const attribution = trailingParen(title);
  if (attribution > 0) title = title.slice(0, attribution).replace(LOOSE_END, '');
  const inner = trailingParen(title);
  if (inner > 0) title = `${title.slice(0, inner).replace(LOOSE_END, '')}, ${title.slice(inner + 1, -1).trim()}`;
  return title;
}

/**
 * "Title (Publisher)". For a site the table does not know, the title's own attribution stands in (or the host name),
 * so a new source still reads sensibly until the table learns it; the unit tests refuse such a source in the data.
 */
export function sourceLabel(source: Source): string {
  const title = sourceTitle(source);
  const publisher = publisherOf(source.url) ?? fallbackPublisher(source);
  return publisher ? `${title} (${publisher})` : title;
}

function fallbackPublisher(source: Source): string | undefined {
  const raw = source.title.trim();
  const open = trailingParen(raw);
  const own =
    open > 0
      ? raw
          .slice(open + 1, -1)
          .replace(/[()]/g, '')
          .trim()
      : '';
  return own || hostOf(source.url);
}
