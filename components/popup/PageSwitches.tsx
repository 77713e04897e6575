import { siteKey, withSite, type Settings } from '../../core/settings';
import { useEffect, useState } from 'preact/hooks';
import { updateSettings, watchSaveFailures, watchSettings } from '../../utils/settings-store';
import type { PageState } from './use-page-terms';
import { Switch } from './Switch';

export interface PageSwitchesProps {
  settings: Settings;
  page: PageState;
}

/** The two switches the content script follows live through storage: this site, and everywhere. */
export function PageSwitches({ settings, page }: PageSwitchesProps) {
  const site = page.status === 'ready' ? siteKey(page.site) : '';
  const siteOn = !settings.disabledSites.includes(site);
  // A switch that could not be saved (storage full) flips back by itself; this says why.
  const [failure, setFailure] = useState('');
  useEffect(() => {
    const stopFailures = watchSaveFailures(setFailure);
    const stopSettings = watchSettings(() => setFailure(''));
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
          label={`Highlight on ${site}`}
          checked={siteOn}
          disabled={!settings.enabled}
          description={settings.enabled ? undefined : 'Highlighting is off everywhere'}
          onChange={(on) => void updateSettings((s) => withSite(s, site, on))}
        />
      )}
      <Switch
        id="global-switch"
        label="Highlight terms on web pages"
        checked={settings.enabled}
        onChange={(on) => void updateSettings((s) => ({ ...s, enabled: on }))}
      />
      <p role="alert" class={failure ? 'save-failure' : 'sr-only'}>
        {failure}
      </p>
    </div>
  );
}
