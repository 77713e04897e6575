import { useMemo, useState } from 'preact/hooks';
import { CATEGORIES, type GlossaryEntry } from '../../core/glossary/types';
import { useMessages } from '../i18n';

export type BrowseMode = 'a-z' | 'category';

export interface BrowseListProps {
  entries: readonly GlossaryEntry[];
  mode: BrowseMode;
  onModeChange: (mode: BrowseMode) => void;
  onOpen: (entryId: string) => void;
}

/** Focus target for returning from an entry to the list it was opened from. */
const browseButtonId = (entryId: string) => `browse-${entryId}`;

function initialOf(term: string): string {
  const first = term.normalize('NFD').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * Every letter, so the bar does not silently skip Q or X, with "#" first when some term starts with neither a
 * letter; letters no term starts with are listed but cannot be chosen.
 */
export function jumpLetters(present: ReadonlySet<string>): { letter: string; empty: boolean }[] {
  const letters = present.has('#') ? ['#', ...ALPHABET] : ALPHABET;
  return letters.map((letter) => ({ letter, empty: !present.has(letter) }));
}

function groupByInitial(entries: readonly GlossaryEntry[]): [string, GlossaryEntry[]][] {
  const groups = new Map<string, GlossaryEntry[]>();
  for (const e of [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))) {
    const letter = initialOf(e.term);
    groups.set(letter, [...(groups.get(letter) ?? []), e]);
  }
  return [...groups];
}

function EntryButtons({ entries, onOpen }: { entries: readonly GlossaryEntry[]; onOpen: (id: string) => void }) {
  return (
    <ul class="entry-list">
      {entries.map((e) => (
        <li key={e.id}>
          <button type="button" id={browseButtonId(e.id)} class="entry-button" onClick={() => onOpen(e.id)}>
            {e.term}
          </button>
        </li>
      ))}
    </ul>
  );
}

function AToZ({ entries, onOpen }: { entries: readonly GlossaryEntry[]; onOpen: (id: string) => void }) {
  const { t } = useMessages();
  const groups = useMemo(() => groupByInitial(entries), [entries]);
  const letters = useMemo(() => jumpLetters(new Set(groups.map(([letter]) => letter))), [groups]);
  const jumpTo = (letter: string) => {
    const heading = document.getElementById(`letter-${letter}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  return (
    <>
      <nav aria-label={t('jumpToLetter')} class="letters">
        {letters.map(({ letter, empty }) => (
          <button
            key={letter}
            type="button"
            class="letter"
            disabled={empty}
            onClick={() => jumpTo(letter)}
            aria-label={t(empty ? 'noTermsStartingWith' : 'termsStartingWith', letter)}
          >
            {letter}
          </button>
        ))}
      </nav>
      {groups.map(([letter, group]) => (
        <div key={letter} class="group">
          <h3 id={`letter-${letter}`} tabIndex={-1} class="group-heading">
            {letter}
          </h3>
          <EntryButtons entries={group} onOpen={onOpen} />
        </div>
      ))}
    </>
  );
}

function ByCategory({ entries, onOpen }: { entries: readonly GlossaryEntry[]; onOpen: (id: string) => void }) {
  const { card } = useMessages();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const sorted = useMemo(
    () => [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' })),
    [entries],
  );
  return (
    <>
      {CATEGORIES.map((category) => {
        const inCategory = sorted.filter((e) => e.category === category);
        if (!inCategory.length) return null;
        return (
          <details
            key={category}
            class="category"
            open={open.has(category)}
            onToggle={(e) => {
              const next = new Set(open);
              if (e.currentTarget.open) next.add(category);
              else next.delete(category);
              setOpen(next);
            }}
          >
            <summary>
              {card.categories[category]} <span class="count">({inCategory.length})</span>
            </summary>
            <EntryButtons entries={inCategory} onOpen={onOpen} />
          </details>
        );
      })}
    </>
  );
}

/** The whole glossary, A to Z or by category, for when the search box is empty. */
export function BrowseList({ entries, mode, onModeChange, onOpen }: BrowseListProps) {
  const { t } = useMessages();
  return (
    <section aria-labelledby="browse-heading" class="browse">
      <div class="section-head">
        <h2 id="browse-heading">{t('browseTerms', entries.length)}</h2>
        <div role="group" aria-label={t('order')} class="segmented">
          <button type="button" aria-pressed={mode === 'a-z'} onClick={() => onModeChange('a-z')}>
            {t('orderAToZ')}
          </button>
          <button type="button" aria-pressed={mode === 'category'} onClick={() => onModeChange('category')}>
            {t('orderByCategory')}
          </button>
        </div>
      </div>
      {mode === 'a-z' ? <AToZ entries={entries} onOpen={onOpen} /> : <ByCategory entries={entries} onOpen={onOpen} />}
    </section>
  );
}
