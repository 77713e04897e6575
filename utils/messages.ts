import type { Category, GlossaryEntry } from '../core/glossary/types';
import { isRecord } from '../core/guards';
import type { ValueExplanation, ValueMatch } from '../core/values/types';
import type { BatchText, SessionAnswer, SessionOptions } from '../core/session';

/** What the popup and background ask the content script of a tab. */
export type ContentRequest =
  | { type: 'page-terms' }
  | { type: 'show-term'; id: string }
  | { type: 'navigate'; direction: 1 | -1 }
  | { type: 'explain-selection' }
  /** The site the page belongs to, as settings name it (the background toggles it: the content script only reads settings). */
  | { type: 'site' };

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

/** What content scripts and pages ask the background. */
export type BackgroundRequest =
  | { type: 'status'; count: number; active: boolean }
  | { type: 'open-glossary'; id?: string; query?: string }
  | { type: 'lookup'; text: string }
  | ReadRequest
  | GateRequest
  | { type: 'entries'; id: string }
  | { type: 'explain-value'; match: ValueMatch };

/**
 * Waits before a page's script asks the background again when no answer came (the MV3 worker waking up or
 * restarting): the gate and the reader both follow it.
 */
export const RETRY_MS: readonly number[] = [30, 150, 600, 2000];

/** A page's (or a frame's) text, all of it at once, asking whether it needs reading at all (see core/gate.ts). */
export interface GateRequest {
  type: 'gate';
  text: string;
}

/**
 * `read`: the content script has been injected and reads the page; `quiet`: nothing here could be marked (ask again
 * about text the page adds); `off`: the reader turned TermLens off for this site (ask again when settings change).
 */
export interface GateReply {
  verdict: 'read' | 'quiet' | 'off';
}

/**
 * Text of a page's blocks for the background's matcher (core/session). `start` opens the session (its first
 * request); later requests name it only, and get `{ known: false }` if the background has lost it (restarted).
 */
export interface ReadRequest {
  type: 'read';
  session: string;
  start?: SessionOptions;
  batches: BatchText[];
  /** Batches whose nodes the page no longer keeps: their held-back matches can go. */
  forget: number[];
}

/** The shape `PageSession.read` relies on; anything else is refused before it reaches the matcher. */
export function isReadRequest(m: unknown): m is ReadRequest {
  if (!isRecord(m) || m.type !== 'read' || typeof m.session !== 'string' || !Array.isArray(m.batches) || !Array.isArray(m.forget)) return false;
  if (m.start !== undefined && !(isRecord(m.start) && typeof m.start.values === 'boolean' && Array.isArray(m.start.hiddenCategories))) return false;
  return m.batches.every((b) => isRecord(b) && typeof b.id === 'number' && Array.isArray(b.segments) && b.segments.every((x) => typeof x === 'string'));
}

export type ReadReply = ({ known: true } & SessionAnswer) | { known: false };

export function isReadReply(m: unknown): m is ReadReply {
  if (!isRecord(m)) return false;
  if (m.known === false) return true;
  return m.known === true && Array.isArray(m.marks) && Array.isArray(m.drops) && Array.isArray(m.holding);
}

export interface LookupReply {
  id: string | null;
}

/** An entry and the entries it links to, so its popover can name and follow them. */
export interface EntriesReply {
  entries: GlossaryEntry[];
}

export function isEntriesReply(m: unknown): m is EntriesReply {
  return isRecord(m) && Array.isArray(m.entries) && m.entries.every((e) => isRecord(e) && typeof e.id === 'string' && typeof e.term === 'string');
}

/** A value's explanation; null when the background cannot explain what it was sent. */
export interface ValueReply {
  explanation: ValueExplanation | null;
}

export function isValueReply(m: unknown): m is ValueReply {
  if (!isRecord(m) || !('explanation' in m)) return false;
  const x = m.explanation;
  return x === null || (isRecord(x) && typeof x.title === 'string' && Array.isArray(x.conversions) && Array.isArray(x.ranges) && Array.isArray(x.caveats) && Array.isArray(x.sources));
}

function hasType(m: unknown): m is { type: string } {
  return isRecord(m) && typeof m.type === 'string';
}

// Messages only come from our own extension's pages and scripts; checking the tag is enough to route them.
export function isContentRequest(m: unknown): m is ContentRequest {
  return hasType(m);
}

export function isBackgroundRequest(m: unknown): m is BackgroundRequest {
  return hasType(m);
}
