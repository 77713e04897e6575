/**
 * Misspelt terms, end to end in the background's terms: on the real occurrences collected in
 * tests/fixtures/misspellings/ (recall and precision targets of the issue), and on saved pages, where a page not about
 * diabetes gets no misspelling mark at all and an on-topic page gets only the ones listed here, each looked at.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadGlossaryFromDisk, loadNamesFromDisk } from '../../tools/load-glossary';
import { loadFuzzyDataFromDisk } from '../../tools/fuzzy-data';
import { loadOccurrences, scoreMisspellings } from '../../tools/eval/misspellings';
import { compileMatcher } from '../../core/matcher';
import { MisspellingReader } from '../../core/fuzzy/listed';
import { PageSession } from '../../core/session';
import { batchesOf, loadSavedPage, SAVED_PAGES } from './saved-pages';
import type { GlossaryEntry } from '../../core/glossary/types';

const glossary = loadGlossaryFromDisk();
const matcher = compileMatcher(glossary);
const byId = new Map<string, GlossaryEntry>(glossary.map((e) => [e.id, e]));
const names = loadNamesFromDisk();
const data = loadFuzzyDataFromDisk();
const misspellings = new MisspellingReader(data);

afterEach(() => {
  document.body.innerHTML = '';
});

/** The misspelling marks a whole page gets, read block by block in one session as the background reads it. */
function guessesOn(file: string): { onTopic: boolean; guesses: string[] } {
  const batches = batchesOf(loadSavedPage(file));
  const session = new PageSession(
    { matcher, termOf: (id) => byId.get(id), knownNames: names, misspellings },
    { values: false, hiddenCategories: [] },
  );
  const answer = session.read(batches);
  return { onTopic: answer.onTopic, guesses: answer.marks.filter((m) => m.guess).map((m) => m.text) };
}

describe('misspelt terms', () => {
  it('reads the collected real misspellings with recall ≥ 0.85 and precision ≥ 0.98', () => {
    const score = scoreMisspellings(loadOccurrences(), data);
    expect(score.occurrences).toBeGreaterThanOrEqual(100);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
    expect(score.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('leaves a misspelling the reader said is none, and holds every one back until the page is on topic', () => {
    const read = (text: string, notMisspelt: string[] = []) =>
      new PageSession(
        { matcher, termOf: (id) => byId.get(id), knownNames: names, misspellings },
        { values: false, hiddenCategories: [], notMisspelt },
      )
        .read([{ id: 1, segments: [text] }])
        .marks.filter((m) => m.guess)
        .map((m) => `${m.text}=${m.entryId}`);
    const onTopic = 'Type 2 diabetes and my A1C: my doctor put me on metformin and insulin. Meformin upsets me.';
    expect(read(onTopic)).toEqual(['Meformin=metformin']);
    expect(read(onTopic, ['meformin'])).toEqual([]);
    expect(read('The new cafe serves meformin tea.')).toEqual([]);
  });

  it('searches text read before the page was on topic once it is, and lets go of what the caller forgot', () => {
    const session = () =>
      new PageSession(
        { matcher, termOf: (id) => byId.get(id), knownNames: names, misspellings },
        { values: false, hiddenCategories: [] },
      );
    const topic = 'Type 2 diabetes and my A1C: my doctor put me on metformin and insulin.';
    const s = session();
    const first = s.read([{ id: 1, segments: ['Meformin upsets me.'] }]);
    expect(first.marks).toEqual([]);
    expect(first.holding).toEqual([1]);
    const second = s.read([{ id: 2, segments: [topic] }]);
    expect(second.marks.filter((m) => m.guess)).toMatchObject([{ batch: 1, text: 'Meformin', entryId: 'metformin' }]);
    expect(second.holding).toEqual([]);

    const forgetting = session();
    forgetting.read([{ id: 1, segments: ['Meformin upsets me.'] }]);
    expect(forgetting.read([{ id: 2, segments: [topic] }], [1]).marks.some((m) => m.guess)).toBe(false);

    // Only the first screens of a long page wait: past them, off-topic text is not searched at all.
    const long = session();
    const filler = 'The weather was mild and the garden grew well all summer long. '.repeat(200);
    const late = long.read([
      { id: 1, segments: [filler] },
      { id: 2, segments: ['Meformin upsets me.'] },
    ]);
    expect(late.holding).toEqual([]);
  });

  const pages = SAVED_PAGES;

  it.skipIf(pages.length === 0)(
    'gives no misspelling mark to a page that is not about diabetes, and only looked-at ones to pages that are',
    () => {
      const found: Record<string, string[]> = {};
      for (const file of pages) {
        const { onTopic, guesses } = guessesOn(file);
        if (!onTopic || file.includes('offtopic')) expect(guesses, file).toEqual([]);
        if (guesses.length) found[file.slice(file.lastIndexOf('/') + 1)] = guesses;
      }
      expect(found).toEqual(EXPECTED_ON_TOPIC);
    },
    180_000,
  );
});

/** Every misspelling mark on the saved on-topic pages, each read in its sentence and judged right. */
const EXPECTED_ON_TOPIC: Record<string, string[]> = {
  // "I no longer take metformin but take a SGLUT2 inhibitor (good for endothelial health) instead."
  'reddit-t2-glp1-starting-ozempic.html': ['SGLUT2 inhibitor'],
  // The article's own typo, in a sentence on empagliflozin and cardiovascular death.
  'wikipedia-empagliflozin.html': ['Empaglifozin'],
};
