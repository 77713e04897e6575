/**
 * Is this page about diabetes or metabolic health? Some words are terms only there ("pump", "bolus", "GI", "Type 2"
 * alone): they are marked once the page has shown it is on topic through terms that mean the same on any page.
 *
 * The rule: at least TOPIC_MIN_ENTRIES different entries found through unambiguous wordings, from the categories
 * that name diabetes and its care (conditions, complications, tests, medicines, devices, the body; food and
 * lifestyle words such as "calorie" or "whole grains" fill recipes and fitness pages too, so they do not count), and
 * at least one such mention per TOPIC_CHARS_PER_MENTION characters read so far, so that a long article that names
 * diabetes in passing does not qualify. A short text (a forum post, a comment: at most TOPIC_SHORT_CHARS read) needs
 * TOPIC_MIN_ENTRIES_SHORT entries: "Started Mounjaro, my A1C is down and the pen is easy" is about diabetes; or one entry
 * named TOPIC_REPEATS_SHORT times, if it is a condition, a test, a medicine or a device: a short encyclopedia entry on
 * glucose meters names only "glucómetro", four times, and is about diabetes care. A page
 * whose title names a condition of ours is on topic from the start (`declare`, see the session). Once on topic, a page
 * stays on topic.
 */
import type { Category } from '../glossary/types';

export const TOPIC_MIN_ENTRIES = 3;
const TOPIC_MIN_ENTRIES_SHORT = 2;
export const TOPIC_SHORT_CHARS = 2500;
/**
 * Categories whose terms are explained only on pages about diabetes or metabolic health, whatever their wording: a
 * recipe's nutrition panel (Calories, Total Carbohydrate, Dietary Fiber, Saturated Fat) is not the reader's question.
 */
export const TOPIC_ONLY_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['lifestyle']);
const TOPIC_CHARS_PER_MENTION = 1500;
const TOPIC_REPEATS_SHORT = 4;
/** Categories whose one entry, named again and again, makes a short text about diabetes (not the body's organs). */
const REPEATED_EVIDENCE: ReadonlySet<Category> = new Set<Category>(['condition', 'test', 'medicine', 'device']);
const EVIDENCE: ReadonlySet<Category> = new Set<Category>([
  'condition',
  'complication',
  'test',
  'medicine',
  'device',
  'body',
]);

/**
 * What the topic rules need of an entry. `topicOnly: false` waives its category's rule: a food or care word whose every
 * wording is about blood sugar on any page ("glycemic index", "diabetes meal plan").
 */
export interface TopicFacts {
  category: Category;
  topicOnly?: boolean;
}

/** Marked only on a page about diabetes, whatever the wording, because of what the entry is. */
export function topicOnlyByEntry(facts: TopicFacts | undefined): boolean {
  return facts !== undefined && facts.topicOnly !== false && TOPIC_ONLY_CATEGORIES.has(facts.category);
}

/** Whether an unambiguous wording of the entry shows that the page is about diabetes or metabolic health. */
function isEvidence(facts: TopicFacts | undefined): boolean {
  return facts !== undefined && (EVIDENCE.has(facts.category) || facts.topicOnly === false);
}

export class TopicSignal {
  private readonly entries = new Set<string>();
  private mentions = 0;
  /** The most times one entry of REPEATED_EVIDENCE has been named. */
  private mostRepeats = 0;
  private readonly repeats = new Map<string, number>();
  private chars = 0;
  private decided = false;

  /** Text read, matched or not. */
  addChars(count: number): void {
    this.chars += count;
  }

  /** An unambiguous term found in that text. */
  addMention(entryId: string, facts: TopicFacts | undefined): void {
    if (!isEvidence(facts)) return;
    this.entries.add(entryId);
    this.mentions++;
    if (facts && REPEATED_EVIDENCE.has(facts.category)) {
      const times = (this.repeats.get(entryId) ?? 0) + 1;
      this.repeats.set(entryId, times);
      this.mostRepeats = Math.max(this.mostRepeats, times);
    }
  }

  /** The page says what it is about (its title names a condition of ours): it is on topic. */
  declare(): void {
    this.decided = true;
  }

  get onTopic(): boolean {
    const short = this.chars <= TOPIC_SHORT_CHARS;
    const needed = short ? TOPIC_MIN_ENTRIES_SHORT : TOPIC_MIN_ENTRIES;
    if (!this.decided && this.entries.size >= needed && this.mentions * TOPIC_CHARS_PER_MENTION >= this.chars)
      this.decided = true;
    if (!this.decided && short && this.mostRepeats >= TOPIC_REPEATS_SHORT) this.decided = true;
    return this.decided;
  }
}
