import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../core/matcher';
import { PageSession, type SessionMark } from '../../core/session';
import type { GlossaryEntry } from '../../core/glossary/types';
import { entry } from '../fixtures/matcher/inline-glossary';

const glossary: GlossaryEntry[] = [
  entry('metformin', 'Metformin'),
  entry('hba1c', 'HbA1c', ['A1C']),
  { ...entry('cgm', 'Continuous glucose monitor', ['CGM']), category: 'device' },
  { ...entry('nocturnal-hypoglycemia', 'Nocturnal hypoglycemia'), category: 'complication' },
  { ...entry('type-2-diabetes', 'Type 2 diabetes'), category: 'condition' },
  { ...entry('insulin-resistance', 'Insulin resistance'), category: 'condition' },
  { ...entry('exercise', 'Exercise', [{ text: 'walking', topicOnly: true }]), category: 'lifestyle' },
];
const matcher = compileMatcher(glossary);
const byId = new Map(glossary.map((e) => [e.id, e]));

function session(options: Partial<ConstructorParameters<typeof PageSession>[1]> = {}) {
  return new PageSession(
    { matcher, termOf: (id) => byId.get(id), knownNames: [] },
    { values: false, hiddenCategories: [], ...options },
  );
}

const texts = (marks: SessionMark[]) => marks.map((m) => m.text || m.value?.text);

describe('PageSession', () => {
  it('marks terms and values per batch, each mark placed in its own batch', () => {
    const s = session({ values: true });
    const a = s.read([
      { id: 1, segments: ['Metformin lowers ', 'HbA', '1c'] },
      { id: 2, segments: ['My A1C is 7.2%.'] },
    ]);
    expect(texts(a.marks)).toEqual(['Metformin', 'HbA1c', 'A1C', '7.2%']);
    expect(a.marks.map((m) => m.batch)).toEqual([1, 1, 2, 2]);
    expect(a.marks[1]).toMatchObject({ start: { segment: 1, offset: 0 }, end: { segment: 2, offset: 2 } });
    expect(new Set(a.marks.map((m) => m.id)).size).toBe(4);
  });

  it('holds a topic-only wording back until the page is on topic, then releases it in its own batch', () => {
    const s = session();
    const first = s.read([{ id: 1, segments: ['We went walking.'] }]);
    expect(first.marks).toEqual([]);
    expect(first.holding).toEqual([1]);
    const second = s.read([
      { id: 2, segments: ['Type 2 diabetes, insulin resistance and metformin are the topic here.'] },
    ]);
    expect(second.onTopic).toBe(true);
    expect(second.marks.find((m) => m.text === 'walking')).toMatchObject({ batch: 1, entryId: 'exercise' });
    expect(second.holding).toEqual([]);
  });

  it('lets go of held matches of batches the caller forgot', () => {
    const s = session();
    expect(s.read([{ id: 1, segments: ['We went walking.'] }]).holding).toEqual([1]);
    const next = s.read([{ id: 2, segments: ['Type 2 diabetes, insulin resistance and metformin.'] }], [1]);
    expect(next.marks.some((m) => m.batch === 1)).toBe(false);
  });

  it('drops marks of an abbreviation the page later defines as something else', () => {
    const s = session();
    const first = s.read([{ id: 1, segments: ['The CGM data came in.'] }]);
    const cgm = first.marks.find((m) => m.text === 'CGM')!;
    expect(cgm).toBeDefined();
    const later = s.read([{ id: 2, segments: ['The Council of Governing Members (CGM) met. The CGM voted.'] }]);
    expect(later.drops).toEqual([cgm.id]);
    expect(texts(later.marks)).not.toContain('CGM');
  });

  it('never marks hidden categories', () => {
    const s = session({ hiddenCategories: ['device'] });
    expect(texts(s.read([{ id: 1, segments: ['A continuous glucose monitor and metformin.'] }]).marks)).toEqual([
      'metformin',
    ]);
  });
});
