/**
 * The language of the popup and the options page, for their components: the app at the top works it out from the
 * settings and the browser, and every component below reads it from `LangContext`.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '../core/glossary/types';
import { CARD_STRINGS, type CardStrings } from './card-strings';
import { DEFAULT_SETTINGS, interfaceLang, type Settings } from '../core/settings';
import { message, messageParts, type MessageKey } from '../utils/i18n';
import { loadSettings, type SaveFailure } from '../utils/settings-store';

/** English outside a provider, so a component rendered on its own (a unit test) still has words. */
export const LangContext = createContext<Lang>('en');

export interface Messages {
  lang: Lang;
  /**
   * The glossary's own words the popup and the card share (category names, the disclaimer): they live with the
   * card's words (components/card-strings.ts), once, not in the locale files.
   */
  card: CardStrings;
  t: (key: MessageKey, ...substitutions: (string | number)[]) => string;
  /** A message with elements in it: each substitution goes where the message places it. */
  parts: (key: MessageKey, ...substitutions: ComponentChildren[]) => ComponentChildren[];
}

export function messagesFor(lang: Lang): Messages {
  return {
    lang,
    card: CARD_STRINGS[lang],
    t: (key, ...substitutions) => message(lang, key, ...substitutions),
    parts: (key, ...substitutions) => messageParts(lang, key, substitutions),
  };
}

/** The words of the language the page shows. */
export function useMessages(): Messages {
  const lang = useContext(LangContext);
  return useMemo(() => messagesFor(lang), [lang]);
}

const browserLang = (choice: Settings['interfaceLanguage']) => interfaceLang(choice, browser.i18n.getUILanguage());

/**
 * The language to show before the first render, so a reader who chose a language other than the browser's does not
 * see the page flash in the other one. Unreadable settings mean the default: the browser's language.
 */
export async function startingLang(): Promise<Lang> {
  const settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
  return browserLang(settings.interfaceLanguage);
}

/**
 * The language the page shows, following the setting live (`starting` until the settings have loaded). It also sets
 * the document's `lang`, so screen readers speak it with the right voice, and its title.
 */
export function useInterfaceLang(settings: Settings | null, starting: Lang, title: MessageKey): Lang {
  const lang = settings ? browserLang(settings.interfaceLanguage) : starting;
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.title = message(lang, title);
  }, [lang, title]);
  return lang;
}

/** A failed save, in words the person can act on. */
export function saveFailureText({ t }: Messages, failure: SaveFailure): string {
  return failure.storageFull ? t('saveFailedFull') : t('saveFailed', failure.detail || t('saveFailedNoReason'));
}
