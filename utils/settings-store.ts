import { browser } from 'wxt/browser';
import {
  inspectSettings,
  parseSettings,
  settingsForStorage,
  type Settings,
  type SettingsReport,
} from '../core/settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

/** The settings and what could not be read from storage, for telling the person. */
export async function loadSettingsReport(): Promise<SettingsReport> {
  const stored = await browser.storage.local.get(KEY);
  return inspectSettings(stored[KEY]);
}

/**
 * Why a save failed, for the popup and the options page to say in the reader's language. `detail` is the browser's
 * own message (empty when it gave none), shown as it is when the storage is not simply full.
 */
export interface SaveFailure {
  storageFull: boolean;
  detail: string;
}

type SaveFailureListener = (failure: SaveFailure) => void;
const saveFailureListeners = new Set<SaveFailureListener>();

/** Calls back whenever a save fails (storage full, storage broken), with what the person should be told. */
export function watchSaveFailures(listener: SaveFailureListener): () => void {
  saveFailureListeners.add(listener);
  return () => saveFailureListeners.delete(listener);
}

function describeSaveFailure(error: unknown): SaveFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return { storageFull: /quota/i.test(detail), detail };
}

/**
 * Writes settings, keeping whatever a newer TermLens stored that this one does not know. A failed write (storage
 * quota, a broken profile) leaves the stored settings as they were, is reported to `watchSaveFailures` listeners,
 * and resolves to false rather than throwing.
 */
export async function saveSettings(settings: Settings): Promise<boolean> {
  return write(async () => settingsForStorage((await browser.storage.local.get(KEY))[KEY], settings));
}

/** Stores an imported newer version's settings as they are (see `importSettings`), with the same failure reporting. */
export function saveNewerSettings(stored: Record<string, unknown>): Promise<boolean> {
  return write(async () => stored);
}

async function write(value: () => Promise<Record<string, unknown>>): Promise<boolean> {
  try {
    await browser.storage.local.set({ [KEY]: await value() });
    return true;
  } catch (error) {
    const failure = describeSaveFailure(error);
    for (const listener of saveFailureListeners) listener(failure);
    return false;
  }
}

/** Reads, changes and writes back, so one switch never clobbers another setting. Null when the write failed. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings | null> {
  const next = parseSettings(change(await loadSettings()));
  return (await saveSettings(next)) ? next : null;
}

/** Calls back with fresh settings whenever any part of the extension changes them; returns the unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
