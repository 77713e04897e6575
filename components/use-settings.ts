import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { loadSettings, watchSaveFailures, watchSettings } from '../utils/settings-store';

/**
 * The current settings, kept live: a change made anywhere (popup, options, the in-page popover, another window) shows
 * up here. Null until the first read finishes.
 */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let changedMeanwhile = false;
    let live = true;
    // Watch first so no change slips between the read and the subscription; a change seen meanwhile is newer.
    const stop = watchSettings((next) => {
      changedMeanwhile = true;
      setSettings(next);
    });
    void loadSettings().then((loaded) => {
      if (live && !changedMeanwhile) setSettings(loaded);
    });
    // A change that could not be saved must not stay on screen as if it had been: show what is stored again.
    const stopFailures = watchSaveFailures(() => {
      void loadSettings().then((loaded) => {
        if (live) setSettings({ ...loaded });
      });
    });
    return () => {
      live = false;
      stop();
      stopFailures();
    };
  }, []);
  return settings;
}
