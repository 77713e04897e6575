import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossaryEntry, Lang } from '../../core/glossary/types';
import { createSearch } from '../../core/search';
import { useSettings } from '../use-settings';
import { LangContext, messagesFor, useInterfaceLang } from '../i18n';
import { BrowseList, type BrowseMode } from './BrowseList';
import { EntryView } from './EntryView';
import { OnThisPage } from './OnThisPage';
import { PageSwitches } from './PageSwitches';
import type { PopupParams } from './params';
import { SearchBox } from './SearchBox';
import { optionId, SearchResults } from './SearchResults';
import { showTermInTab } from './tab-messages';
import { usePageTerms } from './use-page-terms';
import { entryIn } from '../card-strings';

export interface PopupAppProps {
  entries: readonly GlossaryEntry[];
  lookup: (id: string) => GlossaryEntry | undefined;
  params: PopupParams;
  /** The language to show until the settings have loaded (`startingLang`). */
  startingLang: Lang;
}

const RESULTS_ID = 'results';
const MAX_RESULTS = 50;

/** Where to go back to when the last open entry is closed. */
interface ReturnPoint {
  focusId: string;
  scrollTop: number;
}

function startingTrail({ entryId }: PopupParams, lookup: PopupAppProps['lookup']): string[] {
  return entryId && lookup(entryId) ? [entryId] : [];
}

/** An unknown deep-linked id still says what the reader wanted: search for it. */
function startingQuery({ entryId, query }: PopupParams, lookup: PopupAppProps['lookup']): string {
  return entryId && !lookup(entryId) ? entryId.replace(/-/g, ' ') : query;
}

export function PopupApp({ entries: allEntries, lookup: lookupAny, params, startingLang }: PopupAppProps) {
  // Search reads every entry in both languages; what the popup shows is in the interface's language.
  const glossary = useMemo(() => createSearch(allEntries), [allEntries]);
  const [query, setQuery] = useState(() => startingQuery(params, lookupAny));
  const [activeIndex, setActiveIndex] = useState(-1);
  const [trail, setTrail] = useState(() => startingTrail(params, lookupAny));
  const [browseMode, setBrowseMode] = useState<BrowseMode>('a-z');
  const settings = useSettings();
  const lang = useInterfaceLang(settings, startingLang, 'glossaryTitle');
  const { t, card } = useMemo(() => messagesFor(lang), [lang]);
  const entries = useMemo(() => allEntries.map((e) => entryIn(e, lang)), [allEntries, lang]);
  const lookup = useMemo(() => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    return (id: string) => byId.get(id) ?? lookupAny(id);
  }, [entries, lookupAny]);
  const pageTerms = usePageTerms(params.tabId, settings);
  // The page reports its terms by their English names; the popup names them in its own language.
  const page = useMemo(
    () =>
      pageTerms.status === 'ready'
        ? {
            ...pageTerms,
            terms: pageTerms.terms.map((term) => ({ ...term, term: lookup(term.id)?.term ?? term.term })),
          }
        : pageTerms,
    [pageTerms, lookup],
  );
  const input = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLElement>(null);
  const returnPoint = useRef<ReturnPoint | null>(null);

  const searching = query.trim().length > 0;
  const results = useMemo(
    () =>
      searching ? glossary.search(query, MAX_RESULTS).map((r) => ({ ...r, entry: lookup(r.entry.id) ?? r.entry })) : [],
    [glossary, query, searching, lookup],
  );
  const currentId = trail[trail.length - 1];
  const current = currentId ? lookup(currentId) : undefined;

  useLayoutEffect(() => {
    const scroll = scroller.current;
    if (current) {
      if (scroll) scroll.scrollTop = 0;
      return; // EntryView focuses its own heading
    }
    const back = returnPoint.current;
    returnPoint.current = null;
    if (scroll && back) scroll.scrollTop = back.scrollTop;
    // No id, no lookup: Firefox warns about getElementById('').
    ((back?.focusId ? document.getElementById(back.focusId) : null) ?? input.current)?.focus();
  }, [current]);

  const open = (id: string) => {
    if (!trail.length) {
      returnPoint.current = {
        focusId: document.activeElement?.id || 'search',
        scrollTop: scroller.current?.scrollTop ?? 0,
      };
    }
    setTrail([...trail, id]);
  };
  const back = () => setTrail(trail.slice(0, -1));

  const typed = (value: string) => {
    setQuery(value);
    setActiveIndex(-1);
    if (trail.length) {
      returnPoint.current = { focusId: 'search', scrollTop: 0 };
      setTrail([]);
    }
  };
  const move = (step: 1 | -1) => {
    if (!results.length || current) return;
    setActiveIndex((i) =>
      i < 0 ? (step === 1 ? 0 : results.length - 1) : (i + step + results.length) % results.length,
    );
  };
  // Enter with nothing chosen opens the best match: typing "ozempic" then Enter is the common case.
  const enter = () => {
    const chosen = results[activeIndex] ?? results[0];
    if (chosen && !current) open(chosen.entry.id);
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    if (current) back();
    else if (searching) typed('');
    else return; // let Escape close the popup
    e.preventDefault();
  };

  const pageCount = (id: string) =>
    page.status === 'ready' && page.active ? (page.terms.find((t) => t.id === id)?.count ?? 0) : 0;
  const showOnPage = async (id: string) => {
    if (page.status !== 'ready') return;
    if (await showTermInTab(page.tabId, id)) window.close();
    else open(id);
  };

  const previous = trail.length > 1 ? lookup(trail[trail.length - 2] ?? '') : undefined;
  const backLabel = previous ? t('backToTerm', previous.term) : t(searching ? 'backToResults' : 'backToGlossary');
  const active = results[activeIndex];

  return (
    <LangContext.Provider value={lang}>
      <div class="popup" onKeyDown={escape}>
        <header class="top">
          <div class="brand">
            <h1>TermLens</h1>
            <button type="button" class="options-button" onClick={() => void browser.runtime.openOptionsPage()}>
              <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <path
                  fill="currentColor"
                  d="M11.3 1.9l.4 2.2c.5.2 1 .5 1.4.8l2.1-.8 1.3 2.3-1.7 1.4c.1.5.1 1.1 0 1.6l1.7 1.4-1.3 2.3-2.1-.8c-.4.3-.9.6-1.4.8l-.4 2.2H8.7l-.4-2.2c-.5-.2-1-.5-1.4-.8l-2.1.8-1.3-2.3 1.7-1.4a5 5 0 010-1.6L3.5 6.4l1.3-2.3 2.1.8c.4-.3.9-.6 1.4-.8l.4-2.2h2.6zM10 7a3 3 0 100 6 3 3 0 000-6z"
                />
              </svg>
              {t('optionsButton')}
            </button>
          </div>
          <SearchBox
            value={query}
            inputRef={input}
            listId={results.length ? RESULTS_ID : undefined}
            expanded={results.length > 0 && !current}
            activeOptionId={active && !current ? optionId(active.entry.id) : undefined}
            onInput={typed}
            onMove={move}
            onEnter={enter}
          />
        </header>
        {/* Results are not focusable (focus stays in the search box), so the region itself must be, to scroll by keyboard. */}
        <main class="scroll" ref={scroller} tabIndex={searching && !current ? 0 : undefined}>
          {/* Kept mounted under an open entry so "Back" finds the list, its open sections and its place as they were. */}
          <div hidden={current !== undefined}>
            {searching ? (
              <SearchResults id={RESULTS_ID} query={query} results={results} activeIndex={activeIndex} onOpen={open} />
            ) : (
              <>
                <OnThisPage
                  page={page}
                  offEverywhere={settings?.enabled === false}
                  onShow={(id) => void showOnPage(id)}
                />
                <BrowseList entries={entries} mode={browseMode} onModeChange={setBrowseMode} onOpen={open} />
              </>
            )}
          </div>
          {current && (
            <EntryView
              entry={current}
              lookup={lookup}
              backLabel={backLabel}
              onBack={back}
              onOpen={open}
              countOnPage={pageCount(current.id)}
              onShowOnPage={() => void showOnPage(current.id)}
            />
          )}
        </main>
        <footer class="bottom">
          {settings && <PageSwitches settings={settings} page={page} />}
          <p class="disclaimer">{card.disclaimer}</p>
        </footer>
      </div>
    </LangContext.Provider>
  );
}
