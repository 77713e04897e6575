import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { MessageKey } from '../../utils/i18n';
import { useMessages, type Messages } from '../i18n';

interface Shortcut {
  name: string;
  /** The browser's description, in the browser's language (the manifest's). */
  description: string;
  keys: string;
}

/**
 * Our commands in the page's language, which may not be the browser's; the action button's own command has no
 * description of its own at all.
 */
const DESCRIPTIONS: Record<string, MessageKey> = {
  'next-term': 'commandNextTerm',
  'previous-term': 'commandPreviousTerm',
  'toggle-site': 'commandToggleSite',
  'explain-selection': 'commandExplainSelection',
  _execute_action: 'commandOpenGlossary',
  _execute_browser_action: 'commandOpenGlossary',
};

function describe({ t }: Messages, shortcut: Shortcut): string {
  const key = DESCRIPTIONS[shortcut.name];
  return key ? t(key) : shortcut.description || shortcut.name;
}

const isFirefox = import.meta.env.BROWSER === 'firefox';

async function loadShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return commands.map((c) => ({
    name: c.name ?? '',
    description: c.description ?? '',
    keys: c.shortcut ?? '',
  }));
}

/** Firefox's own API (Firefox 137+); the Chrome-based types behind wxt/browser do not list it. */
type FirefoxCommands = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

function openShortcutSettings() {
  const commands: FirefoxCommands = browser.commands;
  if (isFirefox && commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** The keyboard shortcuts as the browser has them now; only the browser can change them. */
export function ShortcutsSection() {
  const messages = useMessages();
  const { t, parts } = messages;
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    void loadShortcuts().then(setShortcuts, () => setShortcuts([]));
  }, []);
  return (
    <section aria-labelledby="shortcuts-heading" class="card">
      <h2 id="shortcuts-heading">{t('shortcutsHeading')}</h2>
      {shortcuts === null ? (
        <p class="hint">{t('loading')}</p>
      ) : (
        <table class="shortcuts">
          <caption class="sr-only">{t('shortcutsHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortcutAction')}</th>
              <th scope="col">{t('shortcutKeys')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.name}>
                <td>{describe(messages, s)}</td>
                <td>{s.keys ? <kbd>{s.keys}</kbd> : <span class="hint">{t('shortcutNotSet')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">
        {parts('shortcutsHint', <code>chrome://extensions/shortcuts</code>, <code>about:addons</code>)}
      </p>
      <button type="button" class="button" onClick={openShortcutSettings}>
        {t('changeShortcuts')}
      </button>
    </section>
  );
}
