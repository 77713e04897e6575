import type { Lang } from '../../core/glossary/types';
import type { Settings } from '../../core/settings';
import { AppearanceSection } from './AppearanceSection';
import { BackupSection } from './BackupSection';
import { CategoriesSection } from './CategoriesSection';
import { LanguageSection } from './LanguageSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { NotMisspellingsSection } from './NotMisspellingsSection';
import { StorageNotice } from './StorageNotice';
import { useSettings } from '../use-settings';
import { LangContext, useInterfaceLang, useMessages } from '../i18n';

export interface OptionsAppProps {
  /** The language to show until the settings have loaded (`startingLang`). */
  startingLang: Lang;
}

/** The options page. Every control saves the moment it changes; there is no Save button to forget. */
export function OptionsApp({ startingLang }: OptionsAppProps) {
  const settings = useSettings();
  const lang = useInterfaceLang(settings, startingLang, 'optionsTitle');
  return (
    <LangContext.Provider value={lang}>
      <OptionsPage settings={settings} />
    </LangContext.Provider>
  );
}

function OptionsPage({ settings }: { settings: Settings | null }) {
  const { t } = useMessages();
  return (
    <div class="page">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="lead">{t('optionsLead')}</p>
      </header>
      <main>
        <StorageNotice />
        {settings ? (
          <>
            <LanguageSection settings={settings} />
            <AppearanceSection settings={settings} />
            <CategoriesSection settings={settings} />
            <SitesSection settings={settings} />
            <NotMisspellingsSection settings={settings} />
            <ShortcutsSection />
            <BackupSection settings={settings} />
          </>
        ) : (
          <p class="hint">{t('loadingSettings')}</p>
        )}
      </main>
      <footer>
        <p class="hint">{t('optionsFooter')}</p>
      </footer>
    </div>
  );
}
