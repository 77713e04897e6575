import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from '../core/settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: parseSettings(settings) });
}

/** Reads, changes and writes back, so one switch never clobbers another setting. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  await saveSettings(next);
  return next;
}

/** Calls back with fresh settings whenever any part of the extension changes them; returns the unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
