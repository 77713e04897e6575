import { AppearanceSection } from './AppearanceSection';
import { BackupSection } from './BackupSection';
import { CategoriesSection } from './CategoriesSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { NotMisspellingsSection } from './NotMisspellingsSection';
import { StorageNotice } from './StorageNotice';
import { useSettings } from '../use-settings';

/** The options page. Every control saves the moment it changes; there is no Save button to forget. */
export function OptionsApp() {
  const settings = useSettings();
  return (
    <div class="page">
      <header>
        <h1>TermLens options</h1>
        <p class="lead">Changes are saved as you make them and apply to open pages right away.</p>
      </header>
      <main>
        <StorageNotice />
        {settings ? (
          <>
            <AppearanceSection settings={settings} />
            <CategoriesSection settings={settings} />
            <SitesSection settings={settings} />
            <NotMisspellingsSection settings={settings} />
            <ShortcutsSection />
            <BackupSection settings={settings} />
          </>
        ) : (
          <p class="hint">Loading your settings…</p>
        )}
      </main>
      <footer>
        <p class="hint">
          TermLens is for education, not medical advice. Nothing you read or choose leaves your browser.
        </p>
      </footer>
    </div>
  );
}
