import { importSettings, type ImportProblem, type ImportResult, type Settings } from '../../core/settings';

export const SETTINGS_FILE_NAME = 'termlens-settings.json';

/** The exported file: the settings as stored, readable by a person and by `importSettings`. */
export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Saves text as a file through the browser's own download, with no "downloads" permission needed. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const MAX_FILE_BYTES = 100_000;

/** Why a chosen file was refused: what `importSettings` found, or a file that could not be read as text at all. */
export type FileProblem = ImportProblem | { kind: 'too-large' } | { kind: 'unreadable' };

export type FileResult = Extract<ImportResult, { ok: true }> | { ok: false; problem: FileProblem };

/** Reads a chosen file as settings; anything wrong comes back as a reason a person can act on. */
export async function readSettingsFile(file: File): Promise<FileResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: { kind: 'too-large' } };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, problem: { kind: 'unreadable' } };
  }
  return importSettings(text);
}
