import type { Category, GlossaryEntry } from '../core/glossary/types';
import { isRecord } from '../core/guards';
import type { ValueExplanation, ValueMatch } from '../core/values/types';

/** What the popup and background ask the content script of a tab. */
export type ContentRequest =
  | { type: 'page-terms' }
  | { type: 'show-term'; id: string }
  | { type: 'navigate'; direction: 1 | -1 }
  | { type: 'explain-selection' }
  | { type: 'toggle-site' };

export interface PageTerm {
  id: string;
  term: string;
  category: Category;
  count: number;
}

export interface PageTermsReply {
  site: string;
  active: boolean;
  terms: PageTerm[];
}

/** What content scripts and pages ask the background. */
export type BackgroundRequest =
  | { type: 'status'; count: number; active: boolean }
  | { type: 'open-glossary'; id?: string; query?: string }
  | { type: 'lookup'; text: string }
  | { type: 'entries'; id: string }
  | { type: 'explain-value'; match: ValueMatch };

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
