/**
 * A random name of lowercase letters. `crypto.randomUUID` exists only in secure contexts, and content scripts run in
 * plain-http pages too; `getRandomValues` works everywhere.
 */
export function randomLetters(n: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => letters[b % 26]).join('');
}

/**
 * A name that is valid both as a custom element's tag and as a CSS identifier (`::highlight(name)`), made fresh for
 * each page: whatever TermLens registers where the page can look (the highlight registry, an element of ours) names
 * nothing a tracker could recognise.
 */
function randomPageName(): string {
  return `${randomLetters(4)}-${randomLetters(5)}`;
}

/** The names TermLens paints under in one page, all random (`randomPageName`). */
export interface PageNames {
  /** Highlight of glossary terms. */
  term: string;
  /** Highlight of glossary terms inside links (styled apart: the link has an underline of its own). */
  linked: string;
  /** Highlight of values of known measures ("A1C 7.2%"). */
  value: string;
  /** Highlight of misspellings of terms ("metforman"). */
  guess: string;
  /** Highlight of the term being explained. */
  active: string;
  /** Tag of the wrap fallback's mark elements (pages without the Highlight API). */
  mark: string;
  /** Tag of the element that holds the card while one is open. */
  card: string;
}

export function randomPageNames(): PageNames {
  return {
    term: randomPageName(),
    linked: randomPageName(),
    value: randomPageName(),
    guess: randomPageName(),
    active: randomPageName(),
    mark: randomPageName(),
    card: randomPageName(),
  };
}
