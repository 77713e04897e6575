/**
 * The popup's and the options page's words, read from the extension's own locale files (public/_locales/, which the
 * browser reads for the manifest and the context menu). `browser.i18n.getMessage` speaks the browser's language only,
 * and the reader may choose another one in the options, so these pages look their messages up here instead: both
 * files are small, and there is one source of truth for each string.
 */
import type { Lang } from '../core/glossary/types';
import english from '../public/_locales/en/messages.json';
import spanish from '../public/_locales/es/messages.json';

/** One message as the WebExtension locale format writes it. */
interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type MessageKey = keyof typeof english;

const MESSAGES: Record<Lang, Partial<Record<MessageKey, LocaleMessage>>> = { en: english, es: spanish };

/**
 * `$$` is a dollar sign, `$name$` a named placeholder (case-insensitive, as browsers read it) whose `content` holds
 * the positional `$1`…`$9`, and a bare `$1`…`$9` is a substitution too.
 */
const TOKEN = /\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g;
const POSITION = /\$([1-9])/g;

/**
 * The message in `lang` (English where the Spanish file lacks it), cut into text and substitutions, so a page can
 * put elements (a sample mark, a <code>) where the message says. Substituted values are never read for placeholders.
 */
export function messageParts<T>(lang: Lang, key: MessageKey, substitutions: readonly T[] = []): (string | T)[] {
  const entry = MESSAGES[lang][key] ?? MESSAGES.en[key];
  if (!entry) return [key];
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const parts: (string | T)[] = [];
  const text = (s: string) => {
    if (s) parts.push(s);
  };
  const substitute = (position: string) => {
    const value = substitutions[Number(position) - 1];
    if (value !== undefined) parts.push(value);
  };
  let at = 0;
  for (const token of entry.message.matchAll(TOKEN)) {
    text(entry.message.slice(at, token.index));
    at = token.index + token[0].length;
    const [whole, name, position] = token;
    if (position) substitute(position);
    else if (!name) text('$');
    else {
      const content = placeholders.get(name.toLowerCase());
      if (content === undefined) {
        text(whole);
        continue;
      }
      let inner = 0;
      for (const ref of content.matchAll(POSITION)) {
        text(content.slice(inner, ref.index));
        inner = ref.index + ref[0].length;
        substitute(ref[1] ?? '');
      }
      text(content.slice(inner));
    }
  }
  text(entry.message.slice(at));
  return parts;
}

/** The message in `lang` as plain text, with its substitutions filled in. */
export function message(lang: Lang, key: MessageKey, ...substitutions: (string | number)[]): string {
  return messageParts(lang, key, substitutions.map(String)).join('');
}
