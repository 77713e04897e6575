import { useEffect, useRef } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../core/glossary/types';
import type { SearchResult } from '../../core/search';
import { Emphasis } from './Emphasis';

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
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  return (
    <section aria-label="Search results">
      <p role="status" class={results.length ? 'sr-only' : 'empty'}>
        {results.length
          ? `${results.length} ${results.length === 1 ? 'entry' : 'entries'} found`
          : `No entry matches “${query.trim()}”. Try fewer letters or another name for it.`}
      </p>
      {results.length > 0 && (
        <ul id={id} role="listbox" aria-label={`Entries matching ${query.trim()}`} class="results" ref={list}>
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
              <span class="result-category">{CATEGORY_LABELS[r.entry.category]}</span>
              {r.matched !== r.entry.term && (
                <span class="result-alias">
                  also called <Emphasis text={r.matched} spans={r.indices} />
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
