import { useState } from 'preact/hooks';
import type { PageState } from './use-page-terms';
import { useMessages } from '../i18n';

export interface OnThisPageProps {
  page: PageState;
  /** The global switch is off, so "off on this site" would be only half the story. */
  offEverywhere: boolean;
  onShow: (entryId: string) => void;
}

const SHOWN_AT_FIRST = 12;

/** The terms TermLens marked on the current page; choosing one jumps there and explains it. */
export function OnThisPage(props: OnThisPageProps) {
  const { t } = useMessages();
  if (props.page.status === 'no-page') return null;
  return (
    <section aria-labelledby="page-heading" class="on-page">
      <h2 id="page-heading">{t('onThisPage')}</h2>
      <PageBody {...props} />
    </section>
  );
}

function PageBody({ page, offEverywhere, onShow }: OnThisPageProps) {
  const [showAll, setShowAll] = useState(false);
  const { t } = useMessages();
  switch (page.status) {
    case 'loading':
      return <p class="note">{t('lookingForTerms')}</p>;
    case 'unavailable':
      return <p class="note">{t('notOnThisPage')}</p>;
    case 'no-page':
      return null;
    case 'ready':
      if (!page.active) {
        const off = offEverywhere ? t('offEverywhere') : page.site ? t('offOnSite', page.site) : t('offHere');
        return <p class="note">{off}</p>;
      }
      if (!page.terms.length) return <p class="note">{t('noTermsOnPage')}</p>;
      return (
        <ul class="page-terms">
          {page.terms.slice(0, showAll ? undefined : SHOWN_AT_FIRST).map((term) => (
            <li key={term.id}>
              <button type="button" class="chip" onClick={() => onShow(term.id)}>
                <span>{term.term}</span>
                <span class="chip-count" aria-hidden="true">
                  {term.count}
                </span>
                <span class="sr-only">, {term.count === 1 ? t('countOnce') : t('countTimes', term.count)}</span>
              </button>
            </li>
          ))}
          {!showAll && page.terms.length > SHOWN_AT_FIRST && (
            <li>
              <button type="button" class="link" onClick={() => setShowAll(true)}>
                {t('showAll', page.terms.length)}
              </button>
            </li>
          )}
        </ul>
      );
  }
}
