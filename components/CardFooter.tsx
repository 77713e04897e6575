import type { ComponentChildren } from 'preact';
import { sourceLabel } from '../core/glossary/source-label';
import type { Lang, Source } from '../core/glossary/types';
import { CARD_STRINGS, type CardStrings } from './card-strings';

export interface CardFooterProps {
  /** `lang`: the source's page is in that language, which may not be the card's (a Spanish card citing the ADA). */
  sources: readonly (Source & { lang?: Lang })[];
  /** The page's site, for "Don't highlight on …"; empty where there is no site (files, about:blank). */
  site: string;
  onDisableSite?: () => void;
  /** Actions before "Don't highlight on …". */
  children?: ComponentChildren;
  /** The card's language's words (English by default). */
  strings?: CardStrings;
}

/** What every in-page card ends with: its sources (new tab, no opener), its actions and the disclaimer. */
export function CardFooter({ sources, site, onDisableSite, children, strings = CARD_STRINGS.en }: CardFooterProps) {
  const disable = site && onDisableSite;
  return (
    <>
      <div class="sources">
        {sources.map((s) =>
          s.lang && s.lang !== strings.lang ? (
            // The title is in the page's language, and said so: the reader knows before following the link.
            <a key={s.url} href={s.url} target="_blank" rel="noopener noreferrer" hreflang={s.lang}>
              {strings.source}: <span lang={s.lang}>{sourceLabel(s)}</span> ({strings.inLanguage[s.lang]})
            </a>
          ) : (
            <a key={s.url} href={s.url} target="_blank" rel="noopener noreferrer">
              {strings.source}: {sourceLabel(s)}
            </a>
          ),
        )}
      </div>
      {(children || disable) && (
        <div class="actions">
          {children}
          {/* Changes a setting, unlike the links beside it: a button that looks like one, so it is not clicked as a way to read on. */}
          {disable && (
            <button type="button" class="setting" onClick={onDisableSite}>
              {strings.dontHighlight(site)}
            </button>
          )}
        </div>
      )}
      <p class="disclaimer">{strings.disclaimer}</p>
    </>
  );
}
