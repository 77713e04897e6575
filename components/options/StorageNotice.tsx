import { useEffect, useState } from 'preact/hooks';
import type { SettingField, SettingsReport } from '../../core/settings';
import type { MessageKey } from '../../utils/i18n';
import { loadSettingsReport, watchSaveFailures, watchSettings, type SaveFailure } from '../../utils/settings-store';
import { saveFailureText, useMessages, type Messages } from '../i18n';

/** Each setting as a person knows it, for telling them which stored setting could not be read. */
const SETTING_NAMES: Record<SettingField, MessageKey> = {
  enabled: 'settingEnabled',
  style: 'settingStyle',
  density: 'settingDensity',
  hoverDelayMs: 'settingHoverDelay',
  hiddenCategories: 'settingHiddenCategories',
  disabledSites: 'settingDisabledSites',
  explainValues: 'settingExplainValues',
  notMisspellings: 'settingNotMisspellings',
  interfaceLanguage: 'settingInterfaceLanguage',
};

/** What went wrong with stored settings, in words: unreadable fields, a newer version's file, a failed save. */
export function storageProblemText({ t }: Messages, report: SettingsReport): string {
  const parts: string[] = [];
  if (report.unreadable) parts.push(t('storedUnreadable'));
  if (report.problems.length) {
    parts.push(t('storedProblems', report.problems.map((k) => t(SETTING_NAMES[k])).join(', ')));
  }
  if (report.newerVersion !== null) parts.push(t('storedNewer', report.newerVersion));
  return parts.join(' ');
}

/**
 * Tells the person when their stored settings could not all be read, or when a change could not be saved. The
 * region is always present so screen readers are listening before a message arrives. What went wrong is kept, not
 * its words, so the notice follows a change of language.
 */
export function StorageNotice() {
  const messages = useMessages();
  const [stored, setStored] = useState<SettingsReport | null>(null);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void loadSettingsReport().then((report) => {
        if (live) setStored(report);
      });
    refresh();
    const stopSettings = watchSettings(() => {
      setFailure(null);
      refresh();
    });
    const stopFailures = watchSaveFailures(setFailure);
    return () => {
      live = false;
      stopSettings();
      stopFailures();
    };
  }, []);
  const text = [failure ? saveFailureText(messages, failure) : '', stored ? storageProblemText(messages, stored) : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div role="alert" id="storage-notice" class={text ? 'problem-box' : undefined}>
      {text}
    </div>
  );
}
