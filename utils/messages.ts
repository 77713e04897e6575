/**
 * Every runtime message between TermLens's parts, in one place: for each message type, what its request carries and
 * what its reply is, the guards that check both at the edges, and the helpers that send them.
 *
 * Why not @webext-core/messaging (the library WXT recommends; measured at 1.5 kB gzipped with its error serialiser):
 * - it types messages but checks nothing at run time, and these guards are the point of the file;
 * - every frame's listener answers every message of a registered type, while `explain-selection` must be answered by
 *   the one frame that holds the selection (the others stay silent so that the browser takes its answer);
 * - the gate, which runs in every page and frame, would more than double in size.
 *
 * Messages come only from our own extension's scripts and pages (the background checks the sender), yet a content
 * script may be an older version after an update, and a page can be hostile to what runs in it: so every request
 * and reply is checked for its full shape, and whatever fails its guard is treated as no answer.
 */
import type { Category, GlossaryEntry } from '../core/glossary/types';
import { isRecord } from '../core/guards';
import type { ValueExplanation, ValueMatch } from '../core/values/types';
import type { BatchText, SessionAnswer, SessionOptions } from '../core/session';

interface Message<Body, Reply> {
  body: Body;
  reply: Reply;
}

type NoBody = Record<never, never>;

// ---------------------------------------------------------------------------------------------------------------
// What the content scripts, the card and the popup ask the background.

/** What content scripts, the card and the extension's pages ask the background, and what it answers. */
export interface BackgroundMessages {
  /** The top frame's count of marked terms, for the toolbar badge (`active`: highlighting is on there). */
  status: Message<{ count: number; active: boolean }, void>;
  /** Open the glossary in a tab, at an entry or a search. */
  'open-glossary': Message<{ id?: string; query?: string }, void>;
  /** A page's (or a frame's) text, asking whether it needs reading at all (see core/gate.ts). */
  gate: Message<{ text: string }, GateReply>;
  /** Text of a page's blocks for the background's matcher (core/session). */
  read: Message<ReadBody, ReadReply>;
  /** The entry whose name best matches a text the reader selected (exact name first, else the fuzzy search). */
  'best-match': Message<{ text: string }, BestMatchReply>;
  /** An entry with the entries it links to. */
  entries: Message<{ id: string }, EntriesReply>;
  /** A value's explanation, in Spanish when it was found in Spanish text (`lang`). */
  'explain-value': Message<{ match: ValueMatch; lang?: 'es' }, ValueReply>;
}

export type BackgroundType = keyof BackgroundMessages;
export type BackgroundRequest = { [K in BackgroundType]: { type: K } & BackgroundMessages[K]['body'] }[BackgroundType];
export type BackgroundRequestOf<K extends BackgroundType> = Extract<BackgroundRequest, { type: K }>;
export type BackgroundReply<K extends BackgroundType> = BackgroundMessages[K]['reply'];

/**
 * Waits before a page's script asks the background again when no answer came (the MV3 worker waking up or
 * restarting): the gate and the reader both follow it.
 */
export const RETRY_MS: readonly number[] = [30, 150, 600, 2000];

/**
 * `read`: the content script has been injected and reads the page; `quiet`: nothing here could be marked (ask again
 * about text the page adds); `off`: the reader turned TermLens off for this site (ask again when settings change).
 */
export interface GateReply {
  verdict: 'read' | 'quiet' | 'off';
}

/**
 * `start` opens the session (its first request); later requests name it only, and get `{ known: false }` if the
 * background has lost it (restarted).
 */
export interface ReadBody {
  session: string;
  start?: SessionOptions;
  batches: BatchText[];
  /** Batches whose nodes the page no longer keeps: their held-back matches can go. */
  forget: number[];
}

export type ReadReply = ({ known: true } & SessionAnswer) | { known: false };

/** `id` is null when no entry matches well enough. */
interface BestMatchReply {
  id: string | null;
}

/** An entry and the entries it links to, so its card can name and follow them. */
export interface EntriesReply {
  entries: GlossaryEntry[];
}

/** A value's explanation; null when the background cannot explain what it was sent. */
export interface ValueReply {
  explanation: ValueExplanation | null;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNothing = (_: unknown): _ is void => true;

function isReadBody(m: Record<string, unknown>): boolean {
  if (!isString(m.session) || !Array.isArray(m.batches) || !Array.isArray(m.forget)) return false;
  if (!m.forget.every((id) => typeof id === 'number')) return false;
  if (m.start !== undefined) {
    if (!isRecord(m.start) || !isBoolean(m.start.values) || !Array.isArray(m.start.hiddenCategories)) return false;
    const left = m.start.notMisspelt;
    if (left !== undefined && !(Array.isArray(left) && left.every(isString))) return false;
    if (!isOptionalString(m.start.lang) || !isOptionalString(m.start.title)) return false;
  }
  return m.batches.every(
    (b) =>
      isRecord(b) &&
      typeof b.id === 'number' &&
      Array.isArray(b.segments) &&
      b.segments.every(isString) &&
      isOptionalString(b.lang),
  );
}

/** Each request's body, checked before the background acts on it. */
const BACKGROUND_BODIES: { [K in BackgroundType]: (m: Record<string, unknown>) => boolean } = {
  status: (m) => typeof m.count === 'number' && isBoolean(m.active),
  'open-glossary': (m) => isOptionalString(m.id) && isOptionalString(m.query),
  gate: (m) => isString(m.text),
  read: isReadBody,
  'best-match': (m) => isString(m.text),
  entries: (m) => isString(m.id),
  // Only the shape here: whether it names a known measure in one of its units is checked where the measures are
  // (core/values/remote.ts), so that their data stays out of every script that imports this file.
  'explain-value': (m) => isRecord(m.match) && (m.lang === undefined || m.lang === 'es'),
};

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  return (
    isRecord(m) &&
    isString(m.type) &&
    Object.hasOwn(BACKGROUND_BODIES, m.type) &&
    BACKGROUND_BODIES[m.type as BackgroundType](m)
  );
}

export function isGateReply(r: unknown): r is GateReply {
  return isRecord(r) && (r.verdict === 'read' || r.verdict === 'quiet' || r.verdict === 'off');
}

function isReadReply(r: unknown): r is ReadReply {
  if (!isRecord(r)) return false;
  if (r.known === false) return true;
  return r.known === true && Array.isArray(r.marks) && Array.isArray(r.drops) && Array.isArray(r.holding);
}

function isBestMatchReply(r: unknown): r is BestMatchReply {
  return isRecord(r) && (r.id === null || isString(r.id));
}

function isEntriesReply(r: unknown): r is EntriesReply {
  return (
    isRecord(r) && Array.isArray(r.entries) && r.entries.every((e) => isRecord(e) && isString(e.id) && isString(e.term))
  );
}

export function isValueReply(r: unknown): r is ValueReply {
  if (!isRecord(r) || !('explanation' in r)) return false;
  const x = r.explanation;
  return (
    x === null ||
    (isRecord(x) &&
      isString(x.title) &&
      Array.isArray(x.conversions) &&
      Array.isArray(x.ranges) &&
      Array.isArray(x.caveats) &&
      Array.isArray(x.sources))
  );
}

const BACKGROUND_REPLIES: { [K in BackgroundType]: (r: unknown) => r is BackgroundReply<K> } = {
  status: isNothing,
  'open-glossary': isNothing,
  gate: isGateReply,
  read: isReadReply,
  'best-match': isBestMatchReply,
  entries: isEntriesReply,
  'explain-value': isValueReply,
};

/** What a send gives back, or undefined when it fails, thrown or rejected: to the sender both are no answer. */
async function settle(send: () => Promise<unknown>): Promise<unknown> {
  try {
    return await send();
  } catch {
    return undefined;
  }
}

/** `runtime` of the polyfill or of the browser's own API (the page's scripts use the latter: page-browser.ts). */
export interface RuntimeSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * Asks the background; undefined when it does not answer (asleep and not woken in time, restarting, updated) or
 * answers something that is not this message's reply.
 */
export async function askBackground<K extends BackgroundType>(
  runtime: RuntimeSender,
  type: K,
  body: BackgroundMessages[K]['body'],
): Promise<BackgroundReply<K> | undefined> {
  const reply = await settle(() => runtime.sendMessage({ type, ...body }));
  return BACKGROUND_REPLIES[type](reply) ? reply : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// What the popup and the background ask a tab's content script (or its gate, before one runs).

export interface PageTerm {
  id: string;
  term: string;
  category: Category;
  count: number;
}

/** What the content script knows of a term on its page: the popup names it from its own copy of the glossary. */
export interface PageTermCount {
  id: string;
  count: number;
}

export interface PageTermsReply<T extends PageTermCount = PageTerm> {
  site: string;
  active: boolean;
  terms: T[];
}

export interface ContentMessages {
  /** The terms marked on the page, with their counts. */
  'page-terms': Message<NoBody, PageTermsReply<PageTermCount>>;
  /** Scroll to the entry's first mark and explain it; false when the page could not. */
  'show-term': Message<{ id: string }, boolean>;
  /** Go to the next or previous mark and explain it. */
  navigate: Message<{ direction: 1 | -1 }, boolean>;
  /** Explain what the reader selected. Only a frame that has the selection (or the focus) answers. */
  'explain-selection': Message<NoBody, boolean>;
  /** The site the page belongs to, as settings name it (the background toggles it: pages only read settings). */
  site: Message<NoBody, string>;
}

export type ContentType = keyof ContentMessages;
export type ContentRequest = { [K in ContentType]: { type: K } & ContentMessages[K]['body'] }[ContentType];
export type ContentReply<K extends ContentType> = ContentMessages[K]['reply'];

const CONTENT_BODIES: { [K in ContentType]: (m: Record<string, unknown>) => boolean } = {
  'page-terms': () => true,
  'show-term': (m) => isString(m.id),
  navigate: (m) => m.direction === 1 || m.direction === -1,
  'explain-selection': () => true,
  site: () => true,
};

export function isContentRequest(m: unknown): m is ContentRequest {
  return (
    isRecord(m) && isString(m.type) && Object.hasOwn(CONTENT_BODIES, m.type) && CONTENT_BODIES[m.type as ContentType](m)
  );
}

function isPageTermCount(t: unknown): t is PageTermCount {
  return isRecord(t) && isString(t.id) && typeof t.count === 'number';
}

function isPageTermsReply(r: unknown): r is PageTermsReply<PageTermCount> {
  return (
    isRecord(r) && isString(r.site) && isBoolean(r.active) && Array.isArray(r.terms) && r.terms.every(isPageTermCount)
  );
}

const CONTENT_REPLIES: { [K in ContentType]: (r: unknown) => r is ContentReply<K> } = {
  'page-terms': isPageTermsReply,
  'show-term': isBoolean,
  navigate: isBoolean,
  'explain-selection': isBoolean,
  site: isString,
};

/** `tabs` of the polyfill: the popup and the background. */
export interface TabsSender {
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

/**
 * Asks a tab's page (only the frame `frameId` when given; otherwise the first frame that answers); undefined when
 * nobody there answers (browser pages, the web store, PDFs) or the answer is not this message's reply.
 */
export async function askTab<K extends ContentType>(
  tabs: TabsSender,
  target: { tabId: number; frameId?: number },
  type: K,
  body: ContentMessages[K]['body'],
): Promise<ContentReply<K> | undefined> {
  const options = target.frameId === undefined ? undefined : { frameId: target.frameId };
  const reply = await settle(() => tabs.sendMessage(target.tabId, { type, ...body }, options));
  return CONTENT_REPLIES[type](reply) ? reply : undefined;
}
