import { useEffect, useRef, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../core/glossary/types';
import { CATEGORY_LABELS } from '../core/glossary/types';
import { CardFooter } from './CardFooter';
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
}: EntryPopoverProps) {
  const [trail, setTrail] = useState<GlossaryEntry[]>([entry]);
  const [expanded, setExpanded] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const shown = trail[trail.length - 1] ?? entry;
  const headingId = `termlens-title-${shown.id}`;

  useEffect(() => {
    setTrail([entry]);
    setExpanded(false);
  }, [entry]);

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

  return (
    <PopoverCard
      labelledBy={guessing ? `${headingId}-guess ${headingId}` : headingId}
      describedBy={`${headingId}-summary`}
      cardRef={dialog}
      onClose={onClose}
    >
      <div class="head">
        {trail.length > 1 && (
          <button
            type="button"
            class="icon"
            onClick={back}
            aria-label={`Back to ${trail[trail.length - 2]?.term ?? ''}`}
          >
            ←
          </button>
        )}
        <div class="titles">
          {guessing && (
            <p class="guess" id={`${headingId}-guess`}>
              “{misspelt}”: probably
            </p>
          )}
          <h2 id={headingId}>{shown.term}</h2>
          <span class="category">{CATEGORY_LABELS[shown.category]}</span>
        </div>
        <button type="button" class="icon" onClick={onClose} aria-label="Close explanation">
          ×
        </button>
      </div>
      <p id={`${headingId}-summary`} class="summary">
        {shown.summary}
      </p>
      {guessing && onNotMisspelt && (
        <button type="button" class="link not-this" onClick={() => onNotMisspelt(misspelt)}>
          Not {shown.term}? Leave “{misspelt}” alone here
        </button>
      )}
      {expanded ? (
        <div class="more">
          <p>{shown.definition}</p>
          {shown.whyItMatters && (
            <p>
              <strong>Why it matters: </strong>
              {shown.whyItMatters}
            </p>
          )}
        </div>
      ) : (
        <button type="button" class="link" aria-expanded="false" onClick={() => setExpanded(true)}>
          Read more
        </button>
      )}
      {related.length > 0 && (
        <div class="related">
          <span class="label" id={`${headingId}-related`}>
            Related:
          </span>
          <ul aria-labelledby={`${headingId}-related`}>
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" class="chip" onClick={() => follow(r.id)}>
                  {r.term}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <CardFooter sources={shown.sources} site={site} onDisableSite={onDisableSite}>
        <button type="button" class="link" onClick={() => onOpenGlossary(shown.id)}>
          Open in glossary
        </button>
      </CardFooter>
    </PopoverCard>
  );
}
