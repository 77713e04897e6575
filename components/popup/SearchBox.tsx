import type { Ref } from 'preact';
import { useMessages } from '../i18n';

export interface SearchBoxProps {
  value: string;
  inputRef: Ref<HTMLInputElement>;
  /** Id of the results listbox this box controls, while there is one. */
  listId: string | undefined;
  expanded: boolean;
  activeOptionId: string | undefined;
  onInput: (value: string) => void;
  onMove: (step: 1 | -1) => void;
  onEnter: () => void;
}

/** The search field, an ARIA combobox: focus stays here while the arrow keys move through the results. */
export function SearchBox({
  value,
  inputRef,
  listId,
  expanded,
  activeOptionId,
  onInput,
  onMove,
  onEnter,
}: SearchBoxProps) {
  const { t } = useMessages();
  const onKeyDown = (e: KeyboardEvent) => {
    // Keys that finish an IME composition belong to the IME.
    if (e.isComposing) return;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        onMove(1);
        break;
      case 'ArrowUp':
        onMove(-1);
        break;
      case 'Enter':
        onEnter();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };
  return (
    <div class="search">
      <label for="search" class="sr-only">
        {t('searchLabel')}
      </label>
      <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <input
        id="search"
        ref={inputRef}
        // type "text": ARIA in HTML allows the combobox role there, not on type "search"
        type="text"
        role="combobox"
        enterkeyhint="search"
        aria-autocomplete="list"
        aria-controls={listId}
        aria-expanded={expanded}
        aria-activedescendant={activeOptionId}
        placeholder={t('searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
