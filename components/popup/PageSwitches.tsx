import { siteKey, withSite, type Settings } from '../../core/settings';
import { useEffect, useState } from 'preact/hooks';
import { updateSettings, watchSaveFailures, watchSettings, type SaveFailure } from '../../utils/settings-store';
import { saveFailureText, useMessages } from '../i18n';
import type { PageState } from './use-page-terms';
import { Switch } from './Switch';

export interface PageSwitchesProps {
  settings: Settings;
  page: PageState;
}

/** The two switches the content script follows live through storage: this site, and everywhere. */
export function PageSwitches({ settings, page }: PageSwitchesProps) {
  const messages = useMessages();
  const { t } = messages;
  const site = page.status === 'ready' ? siteKey(page.site) : '';
  const siteOn = !settings.disabledSites.includes(site);
  // A switch that could not be saved (storage full) flips back by itself; this says why.
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  useEffect(() => {
    const stopFailures = watchSaveFailures(setFailure);
    const stopSettings = watchSettings(() => setFailure(null));
    return () => {
      stopFailures();
      stopSettings();
    };
  }, []);
  return (
    <div class="switches">
      {site && (
        <Switch
          id="site-switch"
          label={t('highlightOnSite', site)}
          checked={siteOn}
          disabled={!settings.enabled}
          description={settings.enabled ? undefined : t('offEverywhereShort')}
          onChange={(on) => void updateSettings((s) => withSite(s, site, on))}
        />
      )}
      <Switch
        id="global-switch"
        label={t('highlightEverywhere')}
        checked={settings.enabled}
        onChange={(on) => void updateSettings((s) => ({ ...s, enabled: on }))}
      />
      <p role="alert" class={failure ? 'save-failure' : 'sr-only'}>
        {failure && saveFailureText(messages, failure)}
      </p>
    </div>
  );
}
