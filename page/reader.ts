import type { SessionMark, SessionOptions } from '../core/session';
import { RETRY_MS, type ReadBody, type ReadReply } from '../utils/messages';
import { randomLetters } from '../utils/random-id';
import { BlockScanner, type TextBatch } from './scan';
import { runInSlices } from './scheduler';

/** A mark from the background, with the text nodes of the batch it was found in (its points index them). */
export interface ReadMark extends SessionMark {
  nodes: readonly (Text | null)[];
}

export interface ReaderEvents {
  /** The batch is about to get its marks: marks found earlier in these nodes are replaced by what follows. */
  replacing(nodes: readonly (Text | null)[]): void;
  marks(marks: ReadMark[]): void;
  drops(ids: number[]): void;
  /** An open shadow root met on the way (the caller styles and watches it; the reader reads it). */
  shadowRoot(root: ShadowRoot): void;
  /** Every queued root has been read and answered. */
  idle(round: ReadRound): void;
  /** The background lost the session; the body is being read again, and the caller reads its shadow roots again. */
  restarted(): void;
}

/** What one round of reading cost the page (the scan measure's detail). */
export interface ReadRound {
  kind: 'initial' | 'update';
  startedAt: number;
  chars: number;
  /** Marks placed. */
  matches: number;
  /** Main-thread time: walking the page and placing the answers. */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  requests: number;
  onTopic: boolean;
}

export type Send = (request: ReadBody) => Promise<ReadReply | undefined>;

/** Characters per request: structured cloning costs about 16 ns a character, so one send stays near a millisecond. */
const REQUEST_CHARS = 64 * 1024;
/**
 * The first request is smaller: about two screens of prose, where the reader is looking. The background reads it in
 * a few ms instead of tens (its matching costs it 0.3 to 0.9 µs a character, measured in the worker), so the first
 * marks show sooner; the rest follows in idle time.
 */
export const FIRST_REQUEST_CHARS = 8 * 1024;

interface Pending extends TextBatch {
  id: number;
  /** Read again after a change or a restart: the marks it gets replace those already in its nodes. */
  replaces: boolean;
}

/**
 * Reads a document's text for the background's matcher: walks queued roots in short slices (BlockScanner), sends
 * their batches in document order, one request at a time, and hands back the marks with the nodes they lie in.
 * What is near the viewport goes first; the rest follows in idle time. A background that lost the session (it
 * restarted) gets the whole document again, in a new session, and nothing the reader saw is lost meanwhile.
 */
export class PageReader {
  #session = randomLetters(20);
  #started = false;
  #nextBatch = 1;
  readonly #queue: { root: Node; replaces: boolean }[] = [];
  #scanner: { scanner: BlockScanner; replaces: boolean } | null = null;
  #cancelWalk: (() => void) | null = null;
  #pending: Pending[] = [];
  #pendingChars = 0;
  /** A request is on its way (one at a time). */
  #inFlight = false;
  /** Batches whose nodes the background may still mark later (it holds matches back in them). */
  #holding = new Map<number, TextBatch>();
  #forget: number[] = [];
  #firstSent = false;
  #destroyed = false;
  #retries = 0;
  #retryTimer = 0;
  #sendTimer: (() => void) | null = null;
  #round: ReadRound | null = null;

  readonly #doc: Document;
  readonly #send: Send;
  readonly #options: SessionOptions;
  readonly #events: ReaderEvents;

  constructor(doc: Document, send: Send, options: SessionOptions, events: ReaderEvents) {
    this.#doc = doc;
    this.#send = send;
    this.#options = options;
    this.#events = events;
  }

  /** Reads `root` (again): the whole body at first, then whatever the page changed. */
  read(root: Node, kind: 'initial' | 'update'): void {
    if (this.#destroyed) return;
    this.#queue.push({ root, replaces: kind === 'update' });
    this.#round ??= {
      kind,
      startedAt: performance.now(),
      chars: 0,
      matches: 0,
      busyMs: 0,
      slices: 0,
      longestSliceMs: 0,
      requests: 0,
      onTopic: false,
    };
    this.#forgetUnder(root);
    this.#walk(kind === 'update');
  }

  destroy(): void {
    this.#destroyed = true;
    this.#cancelWalk?.();
    this.#sendTimer?.();
    clearTimeout(this.#retryTimer);
  }

  /** Held batches under a root about to be read again are read afresh; the background can let them go. */
  #forgetUnder(root: Node): void {
    for (const [id, { nodes }] of this.#holding) {
      if (nodes.some((n) => n !== null && root.contains(n))) {
        this.#holding.delete(id);
        this.#forget.push(id);
      }
    }
  }

  #walk(idle: boolean): void {
    if (this.#cancelWalk) return;
    this.#cancelWalk = runInSlices(
      (deadline) => {
        while (!deadline()) {
          if (!this.#scanner) {
            const next = this.#queue.shift();
            if (!next) return true;
            if (!next.root.isConnected) continue;
            this.#scanner = { scanner: new BlockScanner(next.root), replaces: next.replaces };
          }
          const { scanner, replaces } = this.#scanner;
          const finished = scanner.step(deadline);
          const result = scanner.scanned;
          for (const batch of result.batches.splice(0)) {
            this.#pending.push({ ...batch, id: this.#nextBatch++, replaces });
            this.#pendingChars += batch.chars;
          }
          for (const root of result.shadowRoots.splice(0)) this.#events.shadowRoot(root);
          if (finished) {
            if (this.#round) this.#round.chars += result.chars;
            this.#scanner = null;
          }
          this.#maySend();
        }
        return false;
      },
      (busyMs, slices, longestMs) => {
        this.#cancelWalk = null;
        this.#account(busyMs, longestMs, slices);
        this.#maySend();
        this.#finishIfDone();
      },
      idle,
    );
  }

  get #walking(): boolean {
    return this.#cancelWalk !== null;
  }

  /**
   * Sends what is ready, if nothing is on its way: the first slice's text at once (a slice reads far more than a
   * screenful, so the top of the page is marked in the first frames), then full requests, then the rest once the
   * walk is over. Where the viewport is is not asked: that would make the browser lay the page out mid-walk.
   */
  #maySend(): void {
    if (this.#inFlight || this.#destroyed || this.#sendTimer || this.#retryTimer || !this.#pending.length) return;
    if (!this.#walking || !this.#firstSent || this.#pendingChars >= REQUEST_CHARS) this.#sendNow();
  }

  #sendNow(): void {
    const batches: Pending[] = [];
    const limit = this.#firstSent ? REQUEST_CHARS : FIRST_REQUEST_CHARS;
    let chars = 0;
    while (this.#pending.length && (batches.length === 0 || chars + this.#pending[0]!.chars <= limit)) {
      const next = this.#pending.shift()!;
      chars += next.chars;
      batches.push(next);
    }
    this.#pendingChars -= chars;
    this.#inFlight = true;
    this.#firstSent = true;
    this.#request(batches);
  }

  #request(batches: Pending[]): void {
    // The forgotten batches go with this request; a failed one puts them back for the next.
    const request: ReadBody = {
      session: this.#session,
      batches: batches.map((b) => ({
        id: b.id,
        segments: b.segments,
        ...(b.lang !== undefined ? { lang: b.lang } : {}),
      })),
      forget: this.#forget.splice(0),
    };
    if (!this.#started) request.start = this.#options;
    if (this.#round) this.#round.requests++;
    this.#send(request).then(
      (reply) => this.#answered(batches, request, reply),
      () => this.#answered(batches, request, undefined),
    );
  }

  #answered(batches: Pending[], request: ReadBody, reply: ReadReply | undefined): void {
    if (this.#destroyed) return;
    if (!reply) {
      this.#forget.unshift(...request.forget);
      return this.#retry(batches);
    }
    if (!reply.known) return this.#restart();
    this.#started = true;
    this.#retries = 0;
    const t0 = performance.now();
    if (reply.drops.length) this.#events.drops(reply.drops);
    // Marks by batch; those of batches not in this request were held back in earlier ones.
    const byBatch = new Map<number, SessionMark[]>();
    for (const m of reply.marks) {
      const list = byBatch.get(m.batch);
      if (list) list.push(m);
      else byBatch.set(m.batch, [m]);
    }
    let placed = 0;
    const place = (batch: TextBatch, found: readonly SessionMark[] | undefined) => {
      // A mark in text the page rewrote after it was sent is found again by the reading of the new text (the page
      // follower queued it).
      const marks = (found ?? [])
        .filter((m) => unchanged(batch, m.start.segment, m.end.segment))
        .map((m) => ({ ...m, nodes: batch.nodes }));
      placed += marks.length;
      if (marks.length) this.#events.marks(marks);
    };
    for (const b of batches) {
      // One batch at a time: a node read twice in one request (queued under two changed roots) is marked once.
      if (b.replaces) this.#events.replacing(b.nodes);
      place(b, byBatch.get(b.id));
      byBatch.delete(b.id);
    }
    for (const [id, found] of byBatch) {
      const held = this.#holding.get(id);
      if (held) place(held, found);
    }
    const holding = new Set(reply.holding);
    for (const id of this.#holding.keys()) if (!holding.has(id)) this.#holding.delete(id);
    for (const b of batches) if (holding.has(b.id)) this.#holding.set(b.id, b);
    this.#inFlight = false;
    if (this.#round) {
      this.#round.matches += placed;
      this.#round.onTopic = reply.onTopic;
      const spent = performance.now() - t0;
      this.#account(spent, spent, 1);
    }
    if (this.#pending.length) {
      // The viewport's text went first; the rest waits for the page to be idle.
      this.#sendTimer = whenIdle(() => {
        this.#sendTimer = null;
        this.#maySend();
      });
    } else this.#finishIfDone();
  }

  #finishIfDone(): void {
    if (this.#walking || this.#inFlight || this.#pending.length || !this.#round) return;
    const round = this.#round;
    this.#round = null;
    this.#events.idle(round);
  }

  #account(busyMs: number, longestMs: number, slices: number): void {
    if (!this.#round) return;
    this.#round.busyMs += busyMs;
    this.#round.slices += slices;
    this.#round.longestSliceMs = Math.max(this.#round.longestSliceMs, longestMs);
  }

  #retry(batches: Pending[]): void {
    const wait = RETRY_MS[this.#retries++];
    if (wait === undefined) {
      // The background does not answer: keep the text, try again when the page next changes.
      this.#pending.unshift(...batches);
      this.#pendingChars += batches.reduce((n, b) => n + b.chars, 0);
      this.#inFlight = false;
      this.#retries = 0;
      return;
    }
    this.#retryTimer = window.setTimeout(() => {
      this.#retryTimer = 0;
      this.#request(batches);
    }, wait);
  }

  /** The background lost this page's session: read the whole document again in a new one. */
  #restart(): void {
    this.#cancelWalk?.();
    this.#cancelWalk = null;
    this.#scanner = null;
    this.#queue.length = 0;
    this.#pending = [];
    this.#pendingChars = 0;
    this.#inFlight = false;
    this.#holding.clear();
    this.#forget = [];
    this.#session = randomLetters(20);
    this.#started = false;
    this.#firstSent = false;
    if (this.#doc.body) this.read(this.#doc.body, 'update');
    this.#events.restarted();
  }
}

/** Whether the text nodes from segment `from` to `to` still hold what was sent. */
function unchanged(batch: TextBatch, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const node = batch.nodes[k];
    if (node && (!node.isConnected || node.data !== batch.segments[k])) return false;
  }
  return true;
}

/** Runs `fn` when the page is idle (soon in any case); returns a cancel function. */
function whenIdle(fn: () => void): () => void {
  // Every browser TermLens supports has requestIdleCallback (Chrome 47, Firefox 55).
  const id = requestIdleCallback(fn, { timeout: 200 });
  return () => cancelIdleCallback(id);
}
