import { useEffect, useRef, useState } from 'preact/hooks';
import type { ValueExplanation } from '../core/values/types';
import { CardFooter } from './CardFooter';
import { CARD_STRINGS } from './card-strings';
import { PopoverCard } from './PopoverCard';

export interface ValuePopoverProps {
  explanation: ValueExplanation;
  /** Move keyboard focus into the popover (opened from the keyboard, or by a tap). */
  takeFocus: boolean;
  onClose: () => void;
  /** When both are given, the card offers "Don't highlight on {site}", as a term's card does. */
  site?: string;
  onDisableSite?: () => void;
}

/** Caveats shown before "Read more"; the rest, and what the measure is, come after it. */
const CAVEATS_FIRST = 2;

/**
 * The card for a number of a known measure ("A1C 7.2%"): its conversions, the published ranges it falls in and whose
 * they are, a general goal where the page speaks of someone's diabetes care, the caveats and sources. Everything is
 * rendered as text by Preact, never as HTML. It speaks the explanation's language (a value found in Spanish text has a
 * Spanish explanation), its own words included.
 */
export function ValuePopover({ explanation: x, takeFocus, onClose, site, onDisableSite }: ValuePopoverProps) {
  const [expanded, setExpanded] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const headingId = `termlens-value-${x.measure}`;
  const summary = x.ranges[0]?.verdict ?? x.about;
  const caveats = expanded ? x.caveats : x.caveats.slice(0, CAVEATS_FIRST);
  const strings = CARD_STRINGS[x.lang ?? 'en'];

  useEffect(() => setExpanded(false), [x]);
  useEffect(() => {
    if (takeFocus) dialog.current?.focus();
  }, [takeFocus, x]);

  return (
    <PopoverCard
      labelledBy={headingId}
      describedBy={`${headingId}-summary`}
      cardRef={dialog}
      onClose={onClose}
      lang={x.lang}
    >
      <div class="head">
        <div class="titles">
          <h2 id={headingId}>{x.title}</h2>
          <span class="category">{x.measureName}</span>
        </div>
        <button type="button" class="icon" onClick={onClose} aria-label={strings.close}>
          ×
        </button>
      </div>
      <p id={`${headingId}-summary`} class="summary">
        {summary}
      </p>
      {x.unitNote && <p class="note">{x.unitNote}</p>}
      {x.conversions.length > 0 && (
        <dl class="conversions">
          {x.conversions.map((c) => (
            <div key={c.label} class="conversion">
              <dt>{c.label}</dt>
              <dd>{c.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {x.ranges.map((r) => (
        <section key={r.scheme} class="range" aria-labelledby={`${headingId}-${r.scheme}`}>
          <h3 id={`${headingId}-${r.scheme}`}>{r.title}</h3>
          <ul class="bands">
            {r.bands.map((b) => (
              <li key={b.id} class={b.hit ? 'band hit' : 'band'} aria-current={b.hit ? 'true' : undefined}>
                <span class="band-label">{b.label}</span>
                <span class="band-limits">{b.limits}</span>
                {b.hit && <span class="sr-only">{strings.thisValue}</span>}
              </li>
            ))}
          </ul>
          {r.verdict !== summary && <p class="verdict">{r.verdict}</p>}
          <p class="owner">{strings.rangesFrom(r.owner)}</p>
        </section>
      ))}
      {x.goal && <p class="goal">{x.goal.text}</p>}
      {caveats.length > 0 && (
        <ul class="caveats">
          {caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {expanded ? (
        <div class="more">
          <p>{x.about}</p>
        </div>
      ) : (
        <button type="button" class="link" aria-expanded="false" onClick={() => setExpanded(true)}>
          {strings.readMore}
        </button>
      )}
      <CardFooter sources={x.sources} site={site ?? ''} onDisableSite={onDisableSite} strings={strings} />
    </PopoverCard>
  );
}
