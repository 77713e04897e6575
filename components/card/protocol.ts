/**
 * What the content script and the card (an extension page framed in the reader's page) say to each other, over a
 * MessagePort the content script hands the card once, with the token it put in the card's address. The page can
 * neither read the token (the frame sits in a closed shadow root) nor post into the port.
 */
import { isRecord } from '../../core/guards';
import type { ValueMatch } from '../../core/values/types';

/** What a card shows: an entry, a value of a known measure, or the entry that best matches what the reader selected. */
export type CardContent =
  /**
   * `wrote`: the page misspells the entry's term so ("metforman"), and the card says so. `lang`: the block the term
   * was found in is Spanish, and so is the card (the reader can switch it).
   */
  | { kind: 'entry'; id: string; wrote?: string; lang?: 'es' }
  /** `lang`: the value was found in Spanish text, and its explanation is written in Spanish. */
  | { kind: 'value'; match: ValueMatch; lang?: 'es' }
  | { kind: 'selection'; text: string };

export type ToCard =
  /** Render `content` (not yet seen: the reader may not ask for it). `serial` names this rendering in replies. */
  | { type: 'render'; serial: number; content: CardContent; theme: 'light' | 'dark'; site: string; maxWidth: number }
  /** The rendering is on screen now: announce it, and take focus if asked. */
  | { type: 'shown'; serial: number; takeFocus: boolean }
  /** The card was closed: show nothing (its frame goes a moment later). */
  | { type: 'closed' };

export type FromCard =
  /** The rendering's natural size in CSS pixels (again whenever it changes: "Read more", a related term). */
  | { type: 'size'; serial: number; width: number; height: number }
  /** The reader closed the card (its button, Escape). */
  | { type: 'close'; restoreFocus: boolean }
  /** Nothing to show for a selection or a value the background could not explain. */
  | { type: 'empty'; serial: number };

/** Space kept around the card inside its frame, for its shadow and focus ring. */
export const CARD_MARGIN = 10;

/**
 * Only our card holds the other end of the port (the page can neither reach the frame nor post into the port), so
 * the content script checks the message's kind and nothing more: a light check for the lightest bundle.
 */
export function isFromCard(m: unknown): m is FromCard {
  return isRecord(m) && (m.type === 'size' || m.type === 'close' || m.type === 'empty');
}

export function isToCard(m: unknown): m is ToCard {
  if (isRecord(m) && m.type === 'closed') return true;
  if (!isRecord(m) || typeof m.serial !== 'number') return false;
  if (m.type === 'shown') return typeof m.takeFocus === 'boolean';
  return (
    m.type === 'render' &&
    isRecord(m.content) &&
    typeof m.site === 'string' &&
    typeof m.maxWidth === 'number' &&
    (m.theme === 'light' || m.theme === 'dark')
  );
}
