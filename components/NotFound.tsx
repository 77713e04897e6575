import { useEffect, useRef } from 'preact/hooks';
import { PopoverCard } from './PopoverCard';

export interface NotFoundProps {
  text: string;
  onClose: () => void;
  onSearch: (query: string) => void;
}

/** Shown when selected text matches no glossary entry, so the reader is not left guessing. */
export function NotFound({ text, onClose, onSearch }: NotFoundProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const shortText = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return (
    <PopoverCard labelledBy="termlens-notfound-title" cardRef={dialog} onClose={onClose}>
      <div class="head">
        <div class="titles">
          <h2 id="termlens-notfound-title">No entry for “{shortText}”</h2>
        </div>
        <button type="button" class="icon" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <p>TermLens has no glossary entry that matches this text.</p>
      <button type="button" class="link" onClick={() => onSearch(text)}>
        Search the glossary
      </button>
    </PopoverCard>
  );
}
