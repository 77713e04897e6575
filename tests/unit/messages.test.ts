import { describe, expect, it } from 'vitest';
import {
  askBackground,
  askTab,
  isBackgroundRequest,
  isContentRequest,
  type BackgroundRequest,
  type ContentRequest,
} from '../../utils/messages';

const read = { type: 'read', session: 's1', batches: [{ id: 1, segments: ['HbA', '1c'] }], forget: [] };

describe('requests to the background', () => {
  const good: BackgroundRequest[] = [
    { type: 'status', count: 3, active: true },
    { type: 'open-glossary' },
    { type: 'open-glossary', id: 'a1c', query: 'sugar' },
    { type: 'gate', text: 'insulin' },
    { type: 'read', session: 's1', batches: [{ id: 1, segments: ['HbA', '1c'] }], forget: [2] },
    { type: 'read', session: 's1', start: { values: true, hiddenCategories: [] }, batches: [], forget: [] },
    {
      type: 'read',
      session: 's1',
      start: { values: true, hiddenCategories: [], lang: 'es', title: 'Edulcorantes para diabéticos' },
      batches: [],
      forget: [],
    },
    { type: 'best-match', text: 'insulin resistence' },
    { type: 'entries', id: 'a1c' },
    { type: 'explain-value', match: { measure: 'a1c' } as never },
  ];

  it.each(good)('takes a well-formed $type', (m) => {
    expect(isBackgroundRequest(m)).toBe(true);
  });

  it.each([
    ['no type', { text: 'x' }],
    ['an unknown type', { type: 'lookup', text: 'x' }],
    ['a type inherited from Object', { type: 'toString' }],
    ['a status without its count', { type: 'status', active: true }],
    ['a glossary id that is not a string', { type: 'open-glossary', id: 3 }],
    ['a gate without text', { type: 'gate' }],
    ['a read with a segment that is not a string', { ...read, batches: [{ id: 1, segments: [1] }] }],
    ['a read forgetting what is not a batch id', { ...read, forget: ['1'] }],
    ['a read whose start lacks its options', { ...read, start: { values: true } }],
    ['a read whose title is not a string', { ...read, start: { values: true, hiddenCategories: [], title: 3 } }],
    ['a best match without text', { type: 'best-match' }],
    ['entries of a number', { type: 'entries', id: 1 }],
    ['a value without its match', { type: 'explain-value' }],
    ['an array', [read]],
    ['null', null],
  ])('refuses %s', (_, m) => {
    expect(isBackgroundRequest(m)).toBe(false);
  });
});

describe('requests to a page', () => {
  const good: ContentRequest[] = [
    { type: 'page-terms' },
    { type: 'show-term', id: 'metformin' },
    { type: 'navigate', direction: -1 },
    { type: 'explain-selection' },
    { type: 'site' },
  ];

  it.each(good)('takes a well-formed $type', (m) => {
    expect(isContentRequest(m)).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'status', count: 1, active: true }],
    ['show-term without an id', { type: 'show-term' }],
    ['a direction other than ±1', { type: 'navigate', direction: 2 }],
    ['a string', 'site'],
  ])('refuses %s', (_, m) => {
    expect(isContentRequest(m)).toBe(false);
  });
});

describe('asking the background', () => {
  const runtime = (reply: () => Promise<unknown>) => {
    const sent: unknown[] = [];
    return { sent, sendMessage: (m: unknown) => (sent.push(m), reply()) };
  };

  it('sends the type with the body and gives back a reply of the right shape', async () => {
    const r = runtime(async () => ({ id: 'metformin' }));
    await expect(askBackground(r, 'best-match', { text: 'metforman' })).resolves.toEqual({ id: 'metformin' });
    expect(r.sent).toEqual([{ type: 'best-match', text: 'metforman' }]);
  });

  it('takes a reply of another shape, a rejected send and a thrown one as no answer', async () => {
    await expect(
      askBackground(
        runtime(async () => ({ id: 3 })),
        'best-match',
        { text: 'x' },
      ),
    ).resolves.toBeUndefined();
    await expect(
      askBackground(
        runtime(async () => ({ verdict: 'maybe' })),
        'gate',
        { text: 'x' },
      ),
    ).resolves.toBeUndefined();
    await expect(
      askBackground(
        runtime(async () => ({ known: true })),
        'read',
        read,
      ),
    ).resolves.toBeUndefined();
    await expect(
      askBackground(
        runtime(async () => ({ entries: [{ id: 'a' }] })),
        'entries',
        { id: 'a' },
      ),
    ).resolves.toBeUndefined();
    await expect(
      askBackground(
        runtime(async () => ({})),
        'explain-value',
        { match: {} as never },
      ),
    ).resolves.toBeUndefined();
    await expect(
      askBackground(
        runtime(() => Promise.reject(new Error('gone'))),
        'gate',
        { text: 'x' },
      ),
    ).resolves.toBeUndefined();
    const thrown = {
      sendMessage: (): Promise<unknown> => {
        throw new Error('Extension context invalidated');
      },
    };
    await expect(askBackground(thrown, 'gate', { text: 'x' })).resolves.toBeUndefined();
  });

  it('reads a lost session and a missing explanation as answers', async () => {
    await expect(
      askBackground(
        runtime(async () => ({ known: false })),
        'read',
        read,
      ),
    ).resolves.toEqual({ known: false });
    const none = { explanation: null };
    await expect(
      askBackground(
        runtime(async () => none),
        'explain-value',
        { match: {} as never },
      ),
    ).resolves.toEqual(none);
  });
});

describe('asking a page', () => {
  const tabs = (reply: unknown) => {
    const sent: unknown[][] = [];
    return { sent, sendMessage: async (...args: unknown[]) => (sent.push(args), reply) };
  };

  it('asks one frame when told which, and takes only replies of the right shape', async () => {
    const t = tabs({ site: 'example.com', active: true, terms: [{ id: 'a1c', count: 2 }] });
    const reply = await askTab(t, { tabId: 7, frameId: 0 }, 'page-terms', {});
    expect(reply?.terms).toEqual([{ id: 'a1c', count: 2 }]);
    expect(t.sent).toEqual([[7, { type: 'page-terms' }, { frameId: 0 }]]);
    await expect(
      askTab(tabs({ site: 'x', active: true, terms: [{ id: 'a1c' }] }), { tabId: 7 }, 'page-terms', {}),
    ).resolves.toBeUndefined();
    await expect(askTab(tabs(undefined), { tabId: 7 }, 'explain-selection', {})).resolves.toBeUndefined();
    await expect(askTab(tabs('example.com'), { tabId: 7 }, 'site', {})).resolves.toBe('example.com');
  });

  it('asks every frame when none is named', async () => {
    const t = tabs(true);
    await askTab(t, { tabId: 7 }, 'navigate', { direction: 1 });
    expect(t.sent).toEqual([[7, { type: 'navigate', direction: 1 }, undefined]]);
  });
});
