import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

interface Shortcut {
  name: string;
  description: string;
  keys: string;
}

/** The action button's own command has no description of its own. */
const FALLBACK_DESCRIPTIONS: Record<string, string> = {
  _execute_action: 'Open the TermLens glossary',
  _execute_browser_action: 'Open the TermLens glossary',
};

const isFirefox = import.meta.env.BROWSER === 'firefox';

async function loadShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return commands.map((c) => ({
    name: c.name ?? '',
    description: c.description || FALLBACK_DESCRIPTIONS[c.name ?? ''] || c.name || '',
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
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    void loadShortcuts().then(setShortcuts, () => setShortcuts([]));
  }, []);
  return (
    <section aria-labelledby="shortcuts-heading" class="card">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {shortcuts === null ? (
        <p class="hint">Loading…</p>
      ) : (
        <table class="shortcuts">
          <caption class="sr-only">Keyboard shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Shortcut</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.name}>
                <td>{s.description}</td>
                <td>{s.keys ? <kbd>{s.keys}</kbd> : <span class="hint">Not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">
        The browser owns these keys. In Chrome and Edge, change them at <code>chrome://extensions/shortcuts</code>. In
        Firefox, open <code>about:addons</code>, choose the gear menu, then “Manage Extension Shortcuts”.
      </p>
      <button type="button" class="button" onClick={openShortcutSettings}>
        Change shortcuts
      </button>
    </section>
  );
}
