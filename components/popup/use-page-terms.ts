import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageTerm } from '../../utils/messages';
import { siteKey } from '../../core/settings';
import { askPageTerms, findTargetTab } from './tab-messages';

export type PageState =
  | { status: 'loading' }
  /** The glossary is open in a tab of its own: there is no page to describe. */
  | { status: 'no-page' }
  /** TermLens does not run on the page (browser pages, the extension store, PDFs). */
  | { status: 'unavailable' }
  | { status: 'ready'; tabId: number; site: string; active: boolean; terms: PageTerm[] };

/** The content script applies a settings change asynchronously; asking again at once would get the old answer. */
const RECHECK_AFTER_CHANGE_MS = 400;
/** A freshly loaded page may not have its content script listening yet. */
const RETRY_MS = 300;

const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Counts real changes of `value`: the first arrival (null → loaded) is not a change, since the page was already
 * asked with those settings in force.
 */
function useChangeCount(value: unknown): number {
  const [count, setCount] = useState(0);
  const last = useRef(value);
  useEffect(() => {
    if (last.current === value) return;
    const wasUnset = last.current === null || last.current === undefined;
    last.current = value;
    if (!wasUnset) setCount((n) => n + 1);
  }, [value]);
  return count;
}

/** What the target page reports about itself, asked again whenever `changed` changes (e.g. new settings). */
export function usePageTerms(requestedTab: number | null, changed: unknown): PageState {
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const changes = useChangeCount(changed);

  useEffect(() => {
    let live = true;
    const isFirst = changes === 0;
    const ask = async () => {
      if (!isFirst) await wait(RECHECK_AFTER_CHANGE_MS);
      const tabId = await findTargetTab(requestedTab);
      if (tabId === null) {
        if (live) setState({ status: 'no-page' });
        return;
      }
      let reply = await askPageTerms(tabId);
      if (!reply && isFirst) {
        await wait(RETRY_MS);
        reply = await askPageTerms(tabId);
      }
      if (!live) return;
      setState(
        reply
          ? { status: 'ready', tabId, site: siteKey(reply.site), active: reply.active, terms: reply.terms }
          : { status: 'unavailable' },
      );
    };
    void ask();
    return () => {
      live = false;
    };
  }, [requestedTab, changes]);

  return state;
}
