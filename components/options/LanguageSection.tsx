import type { InterfaceLanguage, Settings } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';
import { useMessages } from '../i18n';
import { Choice } from './Choice';

/** The popup's and this page's language: the browser's, or one the reader chooses. */
export function LanguageSection({ settings }: { settings: Settings }) {
  const { t } = useMessages();
  const options: { value: InterfaceLanguage; label: string; hint?: string; lang?: string }[] = [
    { value: 'browser', label: t('languageBrowser'), hint: t('languageBrowserHint') },
    // Each language is named in itself, so a reader who cannot read the page's current language still finds theirs.
    { value: 'en', label: 'English', lang: 'en' },
    { value: 'es', label: 'Español', lang: 'es' },
  ];
  return (
    <section aria-labelledby="language-heading" class="card">
      <h2 id="language-heading">{t('languageHeading')}</h2>
      <Choice
        name="interface-language"
        legend={t('languageLegend')}
        value={settings.interfaceLanguage}
        options={options}
        onChange={(interfaceLanguage) => void updateSettings((s) => ({ ...s, interfaceLanguage }))}
      />
      <p class="hint">{t('languageHint')}</p>
    </section>
  );
}
