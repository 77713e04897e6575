import { useEffect, useRef } from 'preact/hooks';
import type { SearchResult } from '../../core/search';
import { Emphasis } from './Emphasis';
import { useMessages } from '../i18n';

export interface SearchResultsProps {
  id: string;
  query: string;
  results: SearchResult[];
  activeIndex: number;
  onOpen: (entryId: string) => void;
}

export const optionId = (entryId: string) => `result-${entryId}`;

/** The results listbox. Options are not focusable: the search box keeps focus and points at the active one. */
export function SearchResults({ id, query, results, activeIndex, onOpen }: SearchResultsProps) {
  const { t, card } = useMessages();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  return (
    <section aria-label={t('searchResults')}>
      <p role="status" class={results.length ? 'sr-only' : 'empty'}>
        {results.length === 1
          ? t('resultsOne')
          : results.length
            ? t('resultsMany', results.length)
            : t('resultsNone', query.trim())}
      </p>
      {results.length > 0 && (
        <ul id={id} role="listbox" aria-label={t('resultsList', query.trim())} class="results" ref={list}>
          {results.map((r, i) => (
            <li
              key={r.entry.id}
              id={optionId(r.entry.id)}
              role="option"
              aria-selected={i === activeIndex}
              class="result"
              onClick={() => onOpen(r.entry.id)}
            >
              <span class="result-term">
                {r.matched === r.entry.term ? <Emphasis text={r.matched} spans={r.indices} /> : r.entry.term}
              </span>
              <span class="result-category">{card.categories[r.entry.category]}</span>
              {r.matched !== r.entry.term && (
                <span class="result-alias">
                  {/* The name it was found under may be a Spanish one: its language is not marked. */}
                  {t('resultAlias')} <Emphasis text={r.matched} spans={r.indices} />
                </span>
              )}
              <span class="result-summary">{r.entry.summary}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
