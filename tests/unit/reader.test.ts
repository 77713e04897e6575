/**
 * The content script's reader against a background that answers as the real one does (core/session behind a
 * structured clone and a promise), including one that forgets the page (a restarted worker) or fails to answer.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGlossaryFromDisk, loadNamesFromDisk } from '../../tools/load-glossary';
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../core/matcher';
import { PageSession, type SessionDeps } from '../../core/session';
import type { GlossaryEntry } from '../../core/glossary/types';
import type { ReadReply, ReadBody } from '../../utils/messages';
import {
  FIRST_REQUEST_CHARS,
  PageReader,
  type ReaderEvents,
  type ReadMark,
  type ReadRound,
  type Send,
} from '../../page/reader';
import { BlockScanner } from '../../page/scan';
import { TEST_GLOSSARY } from '../fixtures/matcher/inline-glossary';

// happy-dom has no requestIdleCallback; the browsers TermLens supports all do.
globalThis.requestIdleCallback ??= ((fn: () => void) => setTimeout(fn, 0)) as unknown as typeof requestIdleCallback;
globalThis.cancelIdleCallback ??= ((id: number) => clearTimeout(id)) as typeof cancelIdleCallback;

const matcher = compileMatcher(TEST_GLOSSARY);
const byId = new Map<string, GlossaryEntry>(TEST_GLOSSARY.map((e) => [e.id, e]));
const OPTIONS = { values: true, hiddenCategories: [] };

/** A background in memory: sessions by id, forgotten on `restart()`, every message cloned as the browser does. */
function fakeBackground() {
  let sessions = new Map<string, PageSession>();
  const requests: ReadBody[] = [];
  let failNext = 0;
  const send: Send = async (request) => {
    requests.push(structuredClone(request));
    await Promise.resolve();
    if (failNext > 0) {
      failNext--;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    let s = sessions.get(request.session);
    if (!s) {
      if (!request.start) return { known: false } satisfies ReadReply;
      s = new PageSession({ matcher, termOf: (id) => byId.get(id), knownNames: [] }, request.start);
      sessions.set(request.session, s);
    }
    return structuredClone({ known: true as const, ...s.read(request.batches, request.forget) });
  };
  return {
    send,
    requests,
    restart: () => (sessions = new Map()),
    fail: (n: number) => (failNext = n),
  };
}

/** The marks a page holds, kept as the controller keeps them (replaced, added, dropped), and their texts. */
function liveMarks(idle: ReaderEvents['idle']): { events: ReaderEvents; texts: () => string[] } {
  const live = new Map<number, ReadMark>();
  const events: ReaderEvents = {
    replacing: (nodes) => {
      for (const [id, m] of live) if (m.nodes.some((n) => n && nodes.includes(n))) live.delete(id);
    },
    marks: (marks) => marks.forEach((m) => live.set(m.id, m)),
    drops: (ids) => ids.forEach((id) => live.delete(id)),
    shadowRoot: () => undefined,
    restarted: () => undefined,
    idle,
  };
  return { events, texts: () => [...live.values()].map(textOf) };
}

/** Reads `root` and resolves with the texts of the marks it holds once the reader is idle. */
function readAll(root: HTMLElement, send: Send) {
  return new Promise<{ texts: string[]; round: ReadRound }>((resolve) => {
    const marks = liveMarks((round) => resolve({ texts: marks.texts(), round }));
    new PageReader(document, send, OPTIONS, marks.events).read(root, 'initial');
  });
}

function textOf(m: ReadMark): string {
  let out = '';
  for (let k = m.start.segment; k <= m.end.segment; k++) {
    const data = m.nodes[k]?.data ?? '';
    out += data.slice(k === m.start.segment ? m.start.offset : 0, k === m.end.segment ? m.end.offset : data.length);
  }
  return out;
}

/** The in-page reading the reader replaces: the same walk, every batch read by one session, in one go. */
function inPage(
  root: HTMLElement,
  deps: SessionDeps = { matcher, termOf: (id) => byId.get(id), knownNames: [] },
): string[] {
  const scanner = new BlockScanner(root);
  while (!scanner.step(() => false));
  const batches = scanner.scanned.batches;
  const session = new PageSession(deps, OPTIONS);
  const answer = session.read(batches.map((b, i) => ({ id: i, segments: b.segments })));
  const dropped = new Set(answer.drops);
  return answer.marks.filter((m) => !dropped.has(m.id)).map((m) => textOf({ ...m, nodes: batches[m.batch]!.nodes }));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PageReader', () => {
  it('marks what the in-page scanner marks, terms split by markup and values included', async () => {
    document.body.innerHTML =
      '<p>Metformin lowers HbA<sub>1c</sub>; my A1C is 7.2%.</p><p>Insulin resistance and low blood sugar.</p>';
    const { texts, round } = await readAll(document.body, fakeBackground().send);
    expect(texts.sort()).toEqual(inPage(document.body).sort());
    expect(texts).toEqual(expect.arrayContaining(['Metformin', 'HbA1c', 'Insulin resistance', 'low blood sugar']));
    expect(round.requests).toBe(1);
  });

  it('sends a big page in requests of bounded size, in document order, one at a time', async () => {
    document.body.innerHTML = '<p>Metformin and type 2 diabetes, then some plain words to fill the line.</p>'.repeat(
      4000,
    );
    const bg = fakeBackground();
    const { texts } = await readAll(document.body, bg.send);
    expect(texts.length).toBe(8000);
    expect(bg.requests.length).toBeGreaterThan(3);
    const sizes = bg.requests.map((r) => r.batches.reduce((n, b) => n + b.segments.join('').length, 0));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(70 * 1024);
    // The first request is a couple of screens' worth, answered quickly; the next ones are full.
    expect(sizes[0]).toBeLessThanOrEqual(FIRST_REQUEST_CHARS + 4 * 1024);
    expect(sizes[1]).toBeGreaterThan(FIRST_REQUEST_CHARS * 2);
    const ids = bg.requests.flatMap((r) => r.batches.map((b) => b.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(bg.requests.filter((r) => r.start).length).toBe(1);
  });

  it('starts over in a new session when the background forgot the page, and loses nothing', async () => {
    document.body.innerHTML = '<p>Metformin.</p>';
    const bg = fakeBackground();
    const first = await readAll(document.body, bg.send);
    bg.restart();
    const p = document.createElement('p');
    p.textContent = 'Later: insulin resistance.';
    const texts = await new Promise<string[]>((resolve) => {
      const marks = liveMarks((round) => {
        if (round.kind === 'initial') {
          bg.restart();
          document.body.append(p);
          reader.read(p, 'update');
        } else resolve(marks.texts());
      });
      const reader = new PageReader(document, bg.send, OPTIONS, marks.events);
      reader.read(document.body, 'initial');
    });
    expect(first.texts).toEqual(['Metformin']);
    expect(texts.sort()).toEqual(['Metformin', 'insulin resistance']);
    expect(bg.requests.filter((r) => r.start).length).toBeGreaterThanOrEqual(3);
  });

  it('tries again when the background does not answer (waking up or restarting)', async () => {
    document.body.innerHTML = '<p>Metformin and insulin resistance.</p>';
    const bg = fakeBackground();
    bg.fail(2);
    const { texts } = await readAll(document.body, bg.send);
    expect(texts).toEqual(['Metformin', 'insulin resistance']);
    expect(bg.requests.length).toBe(3);
  });

  it('gives the in-page scanner’s marks on random pages', async () => {
    const WORDS = [
      'metformin',
      'insulin resistance',
      'HbA1c',
      'A1C 7.2%',
      'type 2 diabetes',
      'low blood sugar',
      'Canada',
      'the',
      'and',
      '126 mg/dL',
      'GLP-1',
    ];
    const para = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    const html = fc
      .array(fc.tuple(fc.constantFrom('p', 'li', 'div', 'h2'), para, fc.boolean()), { minLength: 1, maxLength: 30 })
      .map((blocks) =>
        blocks.map(([tag, text, bold]) => `<${tag}>${bold ? `<b>${text}</b> x` : text}</${tag}>`).join(''),
      );
    await fc.assert(
      fc.asyncProperty(html, async (markup) => {
        document.body.innerHTML = markup;
        const { texts } = await readAll(document.body, fakeBackground().send);
        expect(texts.sort()).toEqual(inPage(document.body).sort());
      }),
      { numRuns: 60 },
    );
  });
});

describe('PageReader on the saved corpus pages', () => {
  const dir =
    process.env.TERMLENS_CORPUS ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'pages');
  const pages = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
  const real = loadGlossaryFromDisk();
  const realMatcher = compileMatcher(real);
  const realById = new Map(real.map((e) => [e.id, e]));
  const names = loadNamesFromDisk();
  const deps = { matcher: realMatcher, termOf: (id: string) => realById.get(id), knownNames: names };

  it.skipIf(pages.length === 0)(
    'marks on every corpus page what the in-page scanner marks, with the real glossary',
    async () => {
      for (const file of pages) {
        document.body.innerHTML = new DOMParser().parseFromString(
          readFileSync(join(dir, file), 'utf8'),
          'text/html',
        ).body.innerHTML;
        const sessions = new Map<string, PageSession>();
        const send: Send = async (request) => {
          let s = sessions.get(request.session);
          if (!s) sessions.set(request.session, (s = new PageSession(deps, request.start!)));
          return structuredClone({ known: true as const, ...s.read(request.batches, request.forget) });
        };
        const { texts } = await readAll(document.body, send);
        expect(texts.sort(), file).toEqual(inPage(document.body, deps).sort());
      }
    },
    120_000,
  );
});
