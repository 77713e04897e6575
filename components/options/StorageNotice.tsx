import { useEffect, useState } from 'preact/hooks';
import { SETTING_LABELS, type SettingsReport } from '../../core/settings';
import { loadSettingsReport, watchSaveFailures, watchSettings } from '../../utils/settings-store';

/** What went wrong with stored settings, in words: unreadable fields, a newer version's file, a failed save. */
export function storageProblemText(report: SettingsReport): string {
  const parts: string[] = [];
  if (report.unreadable) parts.push('Your saved settings could not be read, so TermLens is using its defaults.');
  if (report.problems.length) {
    parts.push(
      `Some saved settings could not be read and use their defaults for now: ${report.problems.map((k) => SETTING_LABELS[k]).join(', ')}. Everything else was kept.`,
    );
  }
  if (report.newerVersion !== null) {
    parts.push(
      `Your settings were saved by a newer version of TermLens (settings version ${report.newerVersion}). This version uses what it understands and keeps the rest as it is.`,
    );
  }
  return parts.join(' ');
}

/**
 * Tells the person when their stored settings could not all be read, or when a change could not be saved. The
 * region is always present so screen readers are listening before a message arrives.
 */
export function StorageNotice() {
  const [stored, setStored] = useState('');
  const [failure, setFailure] = useState('');
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void loadSettingsReport().then((report) => {
        if (live) setStored(storageProblemText(report));
      });
    refresh();
    const stopSettings = watchSettings(() => {
      setFailure('');
      refresh();
    });
    const stopFailures = watchSaveFailures(setFailure);
    return () => {
      live = false;
      stopSettings();
      stopFailures();
    };
  }, []);
  const text = [failure, stored].filter(Boolean).join(' ');
  return (
    <div role="alert" id="storage-notice" class={text ? 'problem-box' : undefined}>
      {text}
    </div>
  );
}
