import { useEffect, useRef, useState } from 'preact/hooks';
import type { GlossaryEntry, Lang } from '../core/glossary/types';
import { CardFooter } from './CardFooter';
import { CARD_STRINGS, entryIn } from './card-strings';
import { PopoverCard } from './PopoverCard';

export interface EntryPopoverProps {
  entry: GlossaryEntry;
  lookup: (id: string) => GlossaryEntry | undefined;
  /** Loads an entry that is not at hand yet (the content script fetches popover text on demand). */
  load: (id: string) => Promise<GlossaryEntry | undefined>;
  /** Move keyboard focus into the popover (opened from the keyboard, or by a tap). */
  takeFocus: boolean;
  onClose: () => void;
  onOpenGlossary: (id: string) => void;
  onDisableSite: () => void;
  site: string;
  /** What the page wrote when it misspells the term ("metforman"): the card says what it probably means. */
  misspelt?: string;
  /** The reader says the misspelling means something else: it is left alone on this site. */
  onNotMisspelt?: (wrote: string) => void;
  /** The language the card opens in: the language of the text the term was found in. */
  lang?: Lang;
}

/** The explanation card. Everything from the glossary is rendered as text by Preact, never as HTML. */
export function EntryPopover({
  entry,
  lookup,
  load,
  takeFocus,
  onClose,
  onOpenGlossary,
  onDisableSite,
  site,
  misspelt,
  onNotMisspelt,
  lang: openedIn = 'en',
}: EntryPopoverProps) {
  const [trail, setTrail] = useState<GlossaryEntry[]>([entry]);
  const [lang, setLang] = useState<Lang>(openedIn);
  const [expanded, setExpanded] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const shown = trail[trail.length - 1] ?? entry;
  const headingId = `termlens-title-${shown.id}`;

  useEffect(() => {
    setTrail([entry]);
    setExpanded(false);
    setLang(openedIn);
  }, [entry, openedIn]);

  useEffect(() => {
    if (takeFocus) dialog.current?.focus();
  }, [takeFocus, shown]);

  const follow = (id: string) => {
    void load(id).then((next) => {
      if (!next) return;
      setTrail((t) => [...t, next]);
      setExpanded(false);
      dialog.current?.focus();
    });
  };

  const back = () => {
    setTrail(trail.slice(0, -1));
    setExpanded(false);
    dialog.current?.focus();
  };

  // Only the entry the page's word led to is a guess; a related entry followed from it is not.
  const guessing = misspelt !== undefined && trail.length === 1;
  const related = shown.related.map(lookup).filter((e): e is GlossaryEntry => e !== undefined);
  const strings = CARD_STRINGS[lang];
  const text = entryIn(shown, lang);
  // Offered only where the entry is written in Spanish; it names the other language in that language.
  const other: Lang = lang === 'es' ? 'en' : 'es';
  const switchLang = () => {
    setLang(other);
    dialog.current?.focus();
  };

  return (
    <PopoverCard
      labelledBy={guessing ? `${headingId}-guess ${headingId}` : headingId}
      describedBy={`${headingId}-summary`}
      cardRef={dialog}
      onClose={onClose}
      lang={lang}
    >
      <div class="head">
        {trail.length > 1 && (
          <button
            type="button"
            class="icon"
            onClick={back}
            aria-label={strings.back(entryIn(trail[trail.length - 2] ?? entry, lang).term)}
          >
            ←
          </button>
        )}
        <div class="titles">
          {guessing && (
            <p class="guess" id={`${headingId}-guess`}>
              “{misspelt}”: {strings.probably}
            </p>
          )}
          <h2 id={headingId}>{text.term}</h2>
          <span class="category">{strings.categories[shown.category]}</span>
        </div>
        {shown.es && (
          <button type="button" class="link lang-switch" lang={other} onClick={switchLang}>
            {strings.switchTo}
          </button>
        )}
        <button type="button" class="icon" onClick={onClose} aria-label={strings.close}>
          ×
        </button>
      </div>
      <p id={`${headingId}-summary`} class="summary">
        {text.summary}
      </p>
      {guessing && onNotMisspelt && (
        <button type="button" class="link not-this" onClick={() => onNotMisspelt(misspelt)}>
          {strings.notThis(text.term, misspelt)}
        </button>
      )}
      {expanded ? (
        <div class="more">
          <p>{text.definition}</p>
          {text.whyItMatters && (
            <p>
              <strong>{strings.whyItMatters}</strong>
              {text.whyItMatters}
            </p>
          )}
        </div>
      ) : (
        <button type="button" class="link" aria-expanded="false" onClick={() => setExpanded(true)}>
          {strings.readMore}
        </button>
      )}
      {related.length > 0 && (
        <div class="related">
          <span class="label" id={`${headingId}-related`}>
            {strings.related}
          </span>
          <ul aria-labelledby={`${headingId}-related`}>
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" class="chip" onClick={() => follow(r.id)}>
                  {entryIn(r, lang).term}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <CardFooter sources={text.sources} site={site} onDisableSite={onDisableSite} strings={strings}>
        <button type="button" class="link" onClick={() => onOpenGlossary(shown.id)}>
          {strings.openInGlossary}
        </button>
      </CardFooter>
    </PopoverCard>
  );
}
