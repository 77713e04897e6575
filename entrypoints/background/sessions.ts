/**
 * The matcher, warm for every page: built once per background lifetime, then each page's text is read in its own
 * session (core/session), which keeps what that page taught the context.
 */
import precompiled from 'virtual:termlens-matcher';
import spanishJson from 'virtual:termlens-matcher-es';
import fuzzyJson from 'virtual:termlens-fuzzy';
import { MisspellingReader } from '../../core/fuzzy/listed';
import type { FuzzyData } from '../../core/fuzzy/types';
import knownNames from '../../glossary/names.json';
import { loadPrecompiledMatcher, type PrecompiledMatcher, type TermInfo } from '../../core/matcher/precompile';
import { languageEvidence } from '../../core/language/detect';
import type { Matcher } from '../../core/matcher/types';
import { PageSession } from '../../core/session';
import { mayBeMarked } from '../../core/gate';
import type { ReadReply, ReadBody } from '../../utils/messages';

/** Spanish function words in a page's first words (core/language) before the gate asks the Spanish wordings too. */
const MIN_SPANISH_WORDS = 3;
/** How far into the page's text the gate looks for them: past a menu's worth of words. */
const GATE_WORDS = 2000;

/** Sessions kept at once: beyond this the least recently used go (their pages start a new one if they speak again). */
const MAX_SESSIONS = 200;

let matcher: Matcher | null = null;
let spanishMatcher: Matcher | null = null;
let misspellings: MisspellingReader | null = null;
let termOf: Map<string, TermInfo> | null = null;
const sessions = new Map<string, PageSession>();

function warm(): { matcher: Matcher; termOf: Map<string, TermInfo> } {
  matcher ??= loadPrecompiledMatcher(precompiled);
  termOf ??= new Map(precompiled.terms.map((t: TermInfo) => [t.id, t] as const));
  return { matcher, termOf };
}

/** The Spanish wordings' matcher, made the first time a Spanish block is read. */
function spanish(): Matcher {
  spanishMatcher ??= loadPrecompiledMatcher(JSON.parse(spanishJson) as PrecompiledMatcher);
  return spanishMatcher;
}

/** Parsing its data and making it takes a fresh worker some 25 ms. */
function misspellingReader(): MisspellingReader {
  misspellings ??= new MisspellingReader(JSON.parse(fuzzyJson) as FuzzyData);
  return misspellings;
}

/** Reads a page's batches in its session; `{ known: false }` asks the page to start again (this worker restarted). */
export function readPage(request: ReadBody): ReadReply {
  let session = sessions.get(request.session);
  if (session) {
    // Most recently used last: a Map keeps insertion order.
    sessions.delete(request.session);
  } else {
    if (!request.start) return { known: false };
    const { matcher: m, termOf: terms } = warm();
    session = new PageSession(
      {
        matcher: m,
        spanish,
        termOf: (id) => terms.get(id),
        knownNames: knownNames.names,
        misspellings: misspellingReader(),
      },
      request.start,
    );
    if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  }
  sessions.set(request.session, session);
  return { known: true, ...session.read(request.batches, request.forget) };
}

/** The entry whose term `text` is, if it is one (give or take a trailing plural or punctuation). */
export function exactTerm(text: string): string | null {
  const found = warm().matcher.findMatches(text);
  return found.length === 1 && found[0]!.text.length >= text.length - 2 ? found[0]!.entryId : null;
}

/** Whether a page's whole text could get any mark (core/gate.ts): if not, it is not read block by block. */
export function mayNeedReading(text: string, values: boolean): boolean {
  const { matcher: m, termOf: terms } = warm();
  const termOf = (id: string) => terms.get(id);
  // A page with Spanish in it is asked in Spanish too: its blocks will be read with the Spanish wordings and the
  // Spanish value finder.
  const may =
    mayBeMarked(text, { matcher: m, termOf }, values) ||
    (languageEvidence(text, GATE_WORDS).es >= MIN_SPANISH_WORDS &&
      mayBeMarked(text, { matcher: spanish(), termOf }, values, 'es'));
  // The page's content script is on its way: a worker that just woke makes the misspelling reader in the meantime,
  // after this answer has gone, rather than when the first batch of text is waiting for marks.
  if (may && !misspellings) setTimeout(misspellingReader, 0);
  return may;
}
