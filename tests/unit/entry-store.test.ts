import { describe, expect, it } from 'vitest';
import { EntryStore } from '../../components/card/entry-store';
import { entry } from '../fixtures/matcher/inline-glossary';

const a = { ...entry('a', 'Alpha'), related: ['b'] };
const b = { ...entry('b', 'Beta'), related: ['a', 'c'] };
const c = { ...entry('c', 'Gamma'), related: [] };
const all = new Map([a, b, c].map((e) => [e.id, e]));

/** A background that answers with an entry and its related entries, counting the calls. */
function background() {
  const calls: string[] = [];
  const fetch = (id: string) => {
    calls.push(id);
    const e = all.get(id);
    return Promise.resolve(e ? [e, ...e.related.map((r) => all.get(r)!)] : []);
  };
  return { calls, fetch };
}

describe('EntryStore', () => {
  it('loads an entry with its related entries once, then answers from memory', async () => {
    const bg = background();
    const store = new EntryStore(bg.fetch);
    expect(store.get('a')).toBeUndefined();
    const [first, second] = await Promise.all([store.load('a'), store.load('a')]);
    expect(first?.term).toBe('Alpha');
    expect(second).toBe(first);
    expect(store.get('b')?.term).toBe('Beta');
    await store.load('a');
    expect(bg.calls).toEqual(['a']);
  });

  it('fetches again for an entry whose own related entries are not here yet', async () => {
    const bg = background();
    const store = new EntryStore(bg.fetch);
    await store.load('a'); // brings b, but not b's related c
    expect((await store.load('b'))?.term).toBe('Beta');
    expect(store.get('c')?.term).toBe('Gamma');
    expect(bg.calls).toEqual(['a', 'b']);
  });

  it('answers undefined for an unknown id, and retries after a failed fetch', async () => {
    let fail = true;
    const store = new EntryStore((id) =>
      fail ? Promise.reject(new Error('worker restarting')) : background().fetch(id),
    );
    expect(await store.load('c')).toBeUndefined();
    fail = false;
    expect((await store.load('c'))?.term).toBe('Gamma');
    expect(await store.load('nope')).toBeUndefined();
  });
});
