import { useEffect, useRef } from 'preact/hooks';
import type { GlossaryEntry } from '../../core/glossary/types';
import { normalizeKey } from '../../core/text/normalize';
import { sourceLabel } from '../../core/glossary/source-label';
import { useMessages } from '../i18n';

export interface EntryViewProps {
  entry: GlossaryEntry;
  lookup: (id: string) => GlossaryEntry | undefined;
  /** "Back" as a screen reader hears it: where it returns to. */
  backLabel: string;
  onBack: () => void;
  onOpen: (entryId: string) => void;
  /** How often the term occurs on the current page, when it does; offers to show it there. */
  countOnPage: number;
  onShowOnPage: () => void;
}

const MAX_ALIASES_SHOWN = 8;

/** The names a reader may meet the term under; search-only ones are too vague to list ("sugar", "low"). */
function shownAliases(entry: GlossaryEntry): string[] {
  const seen = new Set([normalizeKey(entry.term)]);
  const out: string[] = [];
  for (const alias of entry.aliases) {
    if (typeof alias !== 'string' && (alias.searchOnly || alias.misspelling)) continue;
    const text = typeof alias === 'string' ? alias : alias.text;
    const key = normalizeKey(text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out.slice(0, MAX_ALIASES_SHOWN);
}

/** One glossary entry in full. Glossary text is rendered as text by Preact, never as HTML. */
export function EntryView({ entry, lookup, backLabel, onBack, onOpen, countOnPage, onShowOnPage }: EntryViewProps) {
  const { t, card } = useMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  // Moving focus to the heading makes screen readers read the new entry, and the next Tab goes into it.
  useEffect(() => heading.current?.focus(), [entry.id]);

  const aliases = shownAliases(entry);
  const related = entry.related.map(lookup).filter((e): e is GlossaryEntry => e !== undefined);
  const headingId = `entry-${entry.id}`;

  return (
    <article class="entry" aria-labelledby={headingId}>
      <button type="button" class="back" onClick={onBack} aria-label={backLabel}>
        <span aria-hidden="true">←</span> {t('backButton')}
      </button>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {entry.term}
      </h2>
      <p class="entry-category">{card.categories[entry.category]}</p>
      {aliases.length > 0 && (
        <p class="aliases">
          <span class="label">{t('alsoCalled')} </span>
          <span>{aliases.join(', ')}</span>
        </p>
      )}
      <p class="entry-summary">{entry.summary}</p>
      <p>{entry.definition}</p>
      {entry.whyItMatters && (
        <>
          <h3>{t('whyItMatters')}</h3>
          <p>{entry.whyItMatters}</p>
        </>
      )}
      {countOnPage > 0 && (
        <button type="button" class="action" onClick={onShowOnPage}>
          {t('showOnPage', countOnPage)}
        </button>
      )}
      {related.length > 0 && (
        <>
          <h3>{t('relatedTerms')}</h3>
          <ul class="related">
            {related.map((r) => (
              <li key={r.id}>
                <a
                  href={`?entry=${encodeURIComponent(r.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(r.id);
                  }}
                >
                  {r.term}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('sources')}</h3>
      <ul class="sources">
        {entry.sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              <span>{sourceLabel(s)}</span>
              <span class="sr-only"> {t('opensInNewTab')}</span>
            </a>
          </li>
        ))}
      </ul>
      <p class="reviewed">{t('lastReviewed', entry.lastReviewed)}</p>
    </article>
  );
}
