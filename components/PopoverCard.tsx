import type { ComponentChildren, RefObject } from 'preact';

export interface PopoverCardProps {
  labelledBy: string;
  describedBy?: string;
  /** The card itself takes focus (tabIndex -1) when opened from the keyboard, so screen readers announce it. */
  cardRef: RefObject<HTMLDivElement | null>;
  onClose: () => void;
  children: ComponentChildren;
  /** The card's language, so a screen reader reads a Spanish card with Spanish speech. */
  lang?: string;
}

/** The dialog shell every in-page card shares: its role and name, focusability, and Escape to close. */
export function PopoverCard({ labelledBy, describedBy, cardRef, onClose, children, lang }: PopoverCardProps) {
  return (
    <div
      class="card"
      lang={lang}
      role="dialog"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      tabIndex={-1}
      ref={cardRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {children}
    </div>
  );
}
