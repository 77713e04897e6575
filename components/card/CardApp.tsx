import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossaryEntry, Lang } from '../../core/glossary/types';
import { CARD_STRINGS, entryIn } from '../card-strings';
import type { ValueExplanation } from '../../core/values/types';
import { withNotMisspelling, withSite } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';
import { askBackground } from '../../utils/messages';
import { EntryPopover } from '../EntryPopover';
import { ValuePopover } from '../ValuePopover';
import { NotFound } from '../NotFound';
import { EntryStore } from './entry-store';
import { CARD_MARGIN, type CardContent, type FromCard, type ToCard } from './protocol';

/** The card inside its frame: no height limit of its own (the frame scrolls when the screen is too short for it). */
export const CARD_FRAME_CSS = `
.card { margin: ${CARD_MARGIN}px; max-height: none; max-width: var(--max-w, 360px); box-shadow: 0 4px 14px rgba(0,0,0,.16), 0 1px 3px rgba(0,0,0,.12); animation-name: termlens-fade; }
@keyframes termlens-fade { from { opacity: 0; } to { opacity: 1; } }
.sr-only { top: 0; left: 0; }
`;

const entries = new EntryStore((id) => askBackground(browser.runtime, 'entries', { id }).then((r) => r?.entries ?? []));

type Loaded =
  | { kind: 'entry'; entry: GlossaryEntry; wrote?: string; lang?: Lang }
  | { kind: 'value'; explanation: ValueExplanation }
  | { kind: 'not-found'; text: string };

async function load(content: CardContent): Promise<Loaded | null> {
  switch (content.kind) {
    case 'entry': {
      const entry = await entries.load(content.id);
      if (!entry) return null;
      return {
        kind: 'entry',
        entry,
        ...(content.wrote ? { wrote: content.wrote } : {}),
        ...(content.lang ? { lang: content.lang } : {}),
      };
    }
    case 'value': {
      const reply = await askBackground(browser.runtime, 'explain-value', {
        match: content.match,
        ...(content.lang ? { lang: content.lang } : {}),
      });
      return reply?.explanation ? { kind: 'value', explanation: reply.explanation } : null;
    }
    case 'selection': {
      const reply = await askBackground(browser.runtime, 'best-match', { text: content.text });
      const entry = reply?.id ? await entries.load(reply.id) : undefined;
      return entry ? { kind: 'entry', entry } : { kind: 'not-found', text: content.text };
    }
  }
}

/** What a screen reader hears when a card opens: its title and the first thing it says. */
export function announcement(content: Loaded): string {
  switch (content.kind) {
    case 'entry': {
      const lang = content.lang ?? 'en';
      const text = entryIn(content.entry, lang);
      const title = content.wrote ? `“${content.wrote}”, ${CARD_STRINGS[lang].probably} ${text.term}` : text.term;
      return `${CARD_STRINGS[lang].opened}: ${title}. ${text.summary}`;
    }
    case 'value': {
      const x = content.explanation;
      return `${CARD_STRINGS[x.lang ?? 'en'].opened}: ${x.title}. ${x.ranges[0]?.verdict ?? x.about}`;
    }
    case 'not-found':
      return 'No glossary entry found.';
  }
}

export interface CardAppProps {
  request: Extract<ToCard, { type: 'render' }>;
  shown: Extract<ToCard, { type: 'shown' }> | null;
  root: ShadowRoot;
  host: HTMLElement;
  send: (message: FromCard) => void;
}

export function CardApp({ request, shown, root, host, send }: CardAppProps) {
  const [loaded, setLoaded] = useState<{ serial: number; content: Loaded } | null>(null);
  const { serial, site } = request;

  useEffect(() => {
    let live = true;
    void load(request.content).then((content) => {
      if (!live) return;
      if (content) setLoaded({ serial, content });
      else send({ type: 'empty', serial });
    });
    return () => {
      live = false;
    };
  }, [request, serial, send]);

  useLayoutEffect(() => {
    host.dataset.theme = request.theme;
    host.style.setProperty('--max-w', `${Math.max(200, request.maxWidth - 2 * CARD_MARGIN)}px`);
  }, [request, host]);

  // The frame is sized from the card's own box, now and whenever the card changes size.
  const card = loaded?.serial === serial ? loaded.content : null;
  useLayoutEffect(() => {
    const el = root.querySelector<HTMLElement>('.card');
    if (!card || !el) return;
    const report = () =>
      send({
        type: 'size',
        serial,
        width: Math.ceil(el.offsetWidth) + 2 * CARD_MARGIN,
        height: Math.ceil(el.offsetHeight) + 2 * CARD_MARGIN,
      });
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    return () => observer.disconnect();
  }, [card, root, send, serial]);

  // Before the browser paints: a key pressed right after the card appears already reaches it.
  useLayoutEffect(() => {
    if (!shown || !card) return;
    if (shown.takeFocus) root.querySelector<HTMLElement>('.card')?.focus();
  }, [shown, card, root]);

  const close = () => send({ type: 'close', restoreFocus: true });
  const disableSite = () => void updateSettings((s) => withSite(s, site, false));
  // The page's reading restarts without the word once the settings change (page/controller.ts), and the card goes.
  const notMisspelling = (word: string) => {
    void updateSettings((s) => withNotMisspelling(s, site, word));
    close();
  };
  const openGlossary = (id?: string, query?: string) =>
    void askBackground(browser.runtime, 'open-glossary', { id, query });
  const lookup = useMemo(() => (id: string) => entries.get(id), []);

  return (
    <>
      {card?.kind === 'entry' && (
        <EntryPopover
          entry={card.entry}
          lookup={lookup}
          load={(id) => entries.load(id)}
          takeFocus={false}
          onClose={close}
          onOpenGlossary={(id) => openGlossary(id)}
          onDisableSite={disableSite}
          site={site}
          misspelt={card.wrote}
          onNotMisspelt={notMisspelling}
          lang={card.lang}
        />
      )}
      {card?.kind === 'value' && (
        <ValuePopover
          explanation={card.explanation}
          takeFocus={false}
          onClose={close}
          site={site}
          onDisableSite={disableSite}
        />
      )}
      {card?.kind === 'not-found' && (
        <NotFound text={card.text} onClose={close} onSearch={(q) => openGlossary(undefined, q)} />
      )}
      {/* A polite announcement, so a screen reader user hears that an explanation opened even when focus stays put. */}
      <div class="sr-only" role="status" aria-live="polite">
        {shown && card ? announcement(card) : ''}
      </div>
    </>
  );
}
