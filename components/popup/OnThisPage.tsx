import { useState } from 'preact/hooks';
import type { PageState } from './use-page-terms';

export interface OnThisPageProps {
  page: PageState;
  /** The global switch is off, so "off on this site" would be only half the story. */
  offEverywhere: boolean;
  onShow: (entryId: string) => void;
}

const SHOWN_AT_FIRST = 12;

/** The terms TermLens marked on the current page; choosing one jumps there and explains it. */
export function OnThisPage(props: OnThisPageProps) {
  if (props.page.status === 'no-page') return null;
  return (
    <section aria-labelledby="page-heading" class="on-page">
      <h2 id="page-heading">On this page</h2>
      <PageBody {...props} />
    </section>
  );
}

function PageBody({ page, offEverywhere, onShow }: OnThisPageProps) {
  const [showAll, setShowAll] = useState(false);
  switch (page.status) {
    case 'loading':
      return <p class="note">Looking for terms…</p>;
    case 'unavailable':
      return (
        <p class="note">
          TermLens does not run on this page. Browser pages and some special pages do not allow extensions.
        </p>
      );
    case 'no-page':
      return null;
    case 'ready':
      if (!page.active) {
        const where = offEverywhere ? ' everywhere' : page.site ? ` on ${page.site}` : '';
        return <p class="note">Highlighting is off{where}.</p>;
      }
      if (!page.terms.length) return <p class="note">No glossary terms found on this page.</p>;
      return (
        <ul class="page-terms">
          {page.terms.slice(0, showAll ? undefined : SHOWN_AT_FIRST).map((t) => (
            <li key={t.id}>
              <button type="button" class="chip" onClick={() => onShow(t.id)}>
                {t.term}
                <span class="chip-count" aria-hidden="true">
                  {t.count}
                </span>
                <span class="sr-only">, {t.count === 1 ? 'once' : `${t.count} times`}</span>
              </button>
            </li>
          ))}
          {!showAll && page.terms.length > SHOWN_AT_FIRST && (
            <li>
              <button type="button" class="link" onClick={() => setShowAll(true)}>
                Show all {page.terms.length}
              </button>
            </li>
          )}
        </ul>
      );
  }
}
