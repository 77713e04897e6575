/**
 * What the sentence around a value says about the person it is for. The ranges explained are for non-pregnant
 * adults, and a goal is only shown where the sentence is about someone's diabetes care: these judgements are about
 * the reader's context, not about reading numbers, so they live on their own.
 */

import type { Lang } from '../../glossary/types';
import { SP } from './lexicon';
import type { NameHit } from './names';

/** The words of one language that say whom a sentence is about. */
interface ScopeWords {
  pregnancy: RegExp;
  children: RegExp;
  /** Someone who already has diabetes and is being cared for (see `aboutCare`). */
  care: RegExp;
  /** Finding diabetes: its cut-offs, not a goal, are what such a sentence speaks of. */
  diagnostic: RegExp;
  /** Someone's own child: the goals TermLens can cite are for adults. */
  ownChild: RegExp;
}

// ---------------------------------------------------------------------------------------------------------------
// Sentences about people the ranges are not for
// ---------------------------------------------------------------------------------------------------------------

/**
 * The ranges explained are for non-pregnant adults: a sentence about pregnancy (or, for BMI, children) is left
 * alone.
 */
const PREGNANCY = /\b(?:pregnan\w*|gestation\w*|GDM|antenatal|prenatal|antepartum)\b/i;
const CHILDREN = new RegExp(
  '\\b(?:child(?:ren)?|kids?|teens?|teenagers?|adolescents?|p(?:a)?ediatric|boys?|girls?|infants?|percentiles?|' +
    'youths?)\\b',
  'i',
);
const SENTENCE_END = /[\u0000!?]|\.(?!\d)/g;
const SENTENCE_WINDOW = 160;

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - SENTENCE_WINDOW);
  const left = text.slice(from, start);
  let cut = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(left); m !== null; m = SENTENCE_END.exec(left)) cut = m.index + 1;
  const right = text.slice(end, end + SENTENCE_WINDOW);
  SENTENCE_END.lastIndex = 0;
  const stop = SENTENCE_END.exec(right);
  return left.slice(cut) + text.slice(start, end) + (stop ? right.slice(0, stop.index) : right);
}

// ---------------------------------------------------------------------------------------------------------------
// Sentences about someone's diabetes care
// ---------------------------------------------------------------------------------------------------------------

const MEDICINES =
  'metformin|insulin|ozempic|wegovy|rybelsus|semaglutide|mounjaro|tirzepatide|trulicity|dulaglutide|victoza|' +
  'liraglutide|jardiance|empagliflozin|farxiga|dapagliflozin|januvia|sitagliptin|glipizide|gliclazide|glimepiride|' +
  'pioglitazone|medications?|medicines?|meds|pills?|tablets|pumps?';
/**
 * Words of a sentence about someone who already has diabetes and is being cared for: a goal or target, a treatment or
 * a plan, being on a medicine, "my diabetes", a result "after six months". Matched on the value's whole sentence.
 */
const CARE = new RegExp(
  `\\b(?:goals?|targets?|aim(?:s|ing)?|treat(?:ed|ing|ments?)?|therapy|manag(?:e|es|ed|ing|ement)|` +
    `control(?:led|s)?|plans?|care${SP}+team|my${SP}+(?:diabetes|type${SP}*[12]|t[12]d?|dm)|` +
    `(?:on|taking|started|starting|began|using|with)${SP}+(?:(?:the|my|a|new|more|less)${SP}+)*(?:${MEDICINES})|` +
    `after${SP}+(?:[\\p{L}\\d-]+${SP}+){0,3}?(?:weeks?|months?|years?))\\b`,
  'iu',
);
/** A sentence about finding diabetes: its cut-offs, not a goal, are what it speaks of, whatever else it says. */
const DIAGNOSTIC = new RegExp(
  '\\b(?:diagnos(?:e|es|is|ing|tic)|screen(?:s|ed|ing)?|prediabet\\w*|criteri(?:a|on)|cut[\\s-]?(?:offs?|points?)|' +
    'thresholds?)\\b',
  'i',
);

/** The goals TermLens can cite are for adults: a sentence about someone's child is left without one. */
const OWN_CHILD = /\b(?:sons?|daughters?|babies|baby|toddlers?)\b/i;

// ---------------------------------------------------------------------------------------------------------------
// The same in Spanish ("\b" is ASCII-only, so Spanish words are bounded by letters instead)
// ---------------------------------------------------------------------------------------------------------------

const MEDICINES_ES =
  'metformina|insulinas?|ozempic|wegovy|rybelsus|semaglutida|mounjaro|tirzepatida|trulicity|dulaglutida|victoza|' +
  'saxenda|liraglutida|jardiance|empagliflozina|forxiga|farxiga|dapagliflozina|januvia|sitagliptina|glipizida|' +
  'gliclazida|glimepirida|pioglitazona|medicamentos?|medicinas?|pastillas?|tabletas|bombas?';
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}\\d])(?:${alternatives})(?![\\p{L}])`, 'iu');

const SPANISH: ScopeWords = {
  pregnancy: word('embaraz\\p{L}*|gestaci[oó]n|gestacional(?:es)?|DMG|prenatal(?:es)?|preparto|antenatal'),
  children: word(
    'ni[nñ][oa]s?|infantil(?:es)?|pedi[aá]tric[oa]s?|adolescentes?|beb[eé]s?|lactantes?|percentil(?:es)?|j[oó]venes',
  ),
  care: word(
    `metas?|objetivos?|tratamientos?|tratad[oa]s?|terapias?|control(?:ad[oa]s?|ar|o)?|manej(?:o|ar|ad[oa])|` +
      `planes|plan|equipo${SP}+(?:de${SP}+)?(?:salud|atenci[oó]n|m[eé]dico)|mi${SP}+diabetes|` +
      `(?:con|tomando|tomo|empec[eé]|inici[eé]|uso|usando)${SP}+(?:(?:la|el|mi|una?|nuev[oa]|m[aá]s|menos)${SP}+)*` +
      `(?:${MEDICINES_ES})|(?:despu[eé]s${SP}+de|tras)${SP}+(?:[\\p{L}\\d-]+${SP}+){0,3}?(?:semanas?|mes(?:es)?|a[nñ]os?)`,
  ),
  diagnostic: word(
    `diagn[oó]stic\\p{L}*|detecci[oó]n|tamiza(?:je|ci[oó]n)|cribado|prediabetes|criterios?|` +
      `puntos?${SP}+de${SP}+corte|umbral(?:es)?`,
  ),
  ownChild: word('hij[oa]s?|beb[eé]s?|nen[ea]s?'),
};

const ENGLISH: ScopeWords = {
  pregnancy: PREGNANCY,
  children: CHILDREN,
  care: CARE,
  diagnostic: DIAGNOSTIC,
  ownChild: OWN_CHILD,
};
const SCOPES: Record<Lang, ScopeWords> = { en: ENGLISH, es: SPANISH };

function aboutCare(sentence: string, words: ScopeWords): boolean {
  return (
    words.care.test(sentence) &&
    !words.diagnostic.test(sentence) &&
    !words.children.test(sentence) &&
    !words.ownChild.test(sentence)
  );
}

/** What the sentence a name and its values stand in says: a person the ranges are not for, or someone's care. */
export interface SentenceReading {
  outOfScope: boolean;
  care: boolean;
}

/** The sentence a name and its values stand in, and what follows from it. */
export function readSentence(
  text: string,
  hit: NameHit,
  values: readonly { start: number; end: number }[],
  lang: Lang,
): SentenceReading {
  const words = SCOPES[lang];
  const start = Math.min(hit.start, ...values.map((v) => v.start));
  const end = Math.max(hit.end, ...values.map((v) => v.end));
  const sentence = sentenceAround(text, start, end);
  const outOfScope = words.pregnancy.test(sentence) || (hit.spec.measure === 'bmi' && words.children.test(sentence));
  // The measure's own name says nothing about the person: "time in target range" is not a target.
  const care = !outOfScope && aboutCare(sentence.replace(text.slice(hit.start, hit.end), ' '), words);
  return { outOfScope, care };
}
