/**
 * Which language a block of page text is in, English or Spanish, from its function words: the short words every
 * sentence needs and the other language does not have ("the", "and", "of" against "el", "los", "que", "del").
 * Words both languages write ("a", "no", "me", "son", "once") are on neither list. Cheap enough to run on every
 * block the background reads: one pass of a word regex and a Set lookup per word.
 */
import type { Lang } from '../glossary/types';
import { CLASS_LETTER, charClass } from '../text/chars';

const SPANISH = new Set(
  'el la los las del al que y de en por para con una unos unas es son está están ser fue ha han hay se su sus lo le les como más muy pero porque cuando donde también sin sobre entre hasta desde durante este esta estos estas ese esa eso otro otra otros otras puede pueden tiene tienen usted ellos ella nos sí ya qué cómo cuál'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the and of to is in that for with on as are this be by it was or from at an your can you have not which when more their they has will if may about its been were what who how than these those there would should could into also but do does'.split(
    ' ',
  ),
);

/** At most this many words are read from a block by default: a language shows in its first sentences. */
const MAX_WORDS = 80;
/** Evidence below this many function words is too little to call a block's language ("Diabetes tipo 2"). */
const MIN_EVIDENCE = 3;

/** How much evidence against a declared language makes the page's own words win: 20 function words, 3 to 1. */
const OVERRULE_MIN = 20;
const OVERRULE_RATIO = 3;

/** The longest function word on either list: a longer word is counted, never looked up. */
const LONGEST = Math.max(...[...SPANISH, ...ENGLISH].map((w) => w.length));

export interface LanguageEvidence {
  en: number;
  es: number;
}

/**
 * Words are runs of letters (the normaliser's per-character table, so a block is read without a regex match per
 * word): this runs on every block the background reads.
 */
export function languageEvidence(text: string, maxWords = MAX_WORDS): LanguageEvidence {
  const evidence = { en: 0, es: 0 };
  let seen = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const letter = i < text.length && (charClass(text.charCodeAt(i)) & CLASS_LETTER) !== 0;
    if (letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    if (i - start <= LONGEST) {
      const w = text.slice(start, i).toLowerCase();
      if (SPANISH.has(w)) evidence.es++;
      else if (ENGLISH.has(w)) evidence.en++;
    }
    start = -1;
    if (++seen >= maxWords) break;
  }
  return evidence;
}

/** The language the evidence clearly shows (one side at least twice the other), or undefined. */
export function clearLanguage(e: LanguageEvidence): Lang | undefined {
  if (e.en + e.es < MIN_EVIDENCE) return undefined;
  if (e.es >= 2 * e.en) return 'es';
  if (e.en >= 2 * e.es) return 'en';
  return undefined;
}

/** `lang="es-MX"` is Spanish; any other declared language reads as English, the glossary's first language. */
export function declaredLanguage(lang: string | undefined): Lang | undefined {
  if (!lang) return undefined;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'es') return 'es';
  return primary ? 'en' : undefined;
}

/**
 * One page's languages: the page's declared language first; a block whose own words clearly show the other language
 * takes that one ("an English paragraph on a Spanish page gets English"); a block too short to tell (a heading, a
 * list item) takes the page's language, which is the declared one, or, with none declared, what its blocks have shown
 * so far.
 */
export class PageLanguage {
  private readonly tally: LanguageEvidence = { en: 0, es: 0 };

  constructor(private readonly declared: Lang | undefined) {}

  /**
   * The page's language as far as it is known. A declared language gives way only to plenty of clear evidence
   * against it: CMS templates often keep lang="en" on pages written in Spanish.
   */
  get page(): Lang {
    const shown: Lang = this.tally.es > this.tally.en ? 'es' : 'en';
    if (!this.declared || shown === this.declared) return this.declared ?? shown;
    const against = this.tally[shown];
    return against >= OVERRULE_MIN && against >= OVERRULE_RATIO * this.tally[this.declared] ? shown : this.declared;
  }

  /**
   * The language of one block of text. `declared`: what the markup around the block says (`<p lang="en">`), which
   * stands where the block is too short to tell and counts as the block's own: it does not vote for the page.
   */
  of(text: string, declared?: Lang): Lang {
    const evidence = languageEvidence(text);
    if (!declared) {
      this.tally.en += evidence.en;
      this.tally.es += evidence.es;
    }
    return clearLanguage(evidence) ?? declared ?? this.page;
  }
}
