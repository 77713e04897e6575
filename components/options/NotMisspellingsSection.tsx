import { withoutNotMisspelling, type Settings } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';
import { useMessages } from '../i18n';

/**
 * The words the reader said are no misspelling ("Not …" on a misspelling's card), by site, each with a way to let
 * TermLens guess at it again. Shown only once there is one: most readers never see it.
 */
export function NotMisspellingsSection({ settings }: { settings: Settings }) {
  const { t } = useMessages();
  const entries = settings.notMisspellings;
  if (!entries.length) return null;
  return (
    <section aria-labelledby="not-misspellings-heading" class="card">
      <h2 id="not-misspellings-heading">{t('notMisspellingsHeading')}</h2>
      <p class="hint">{t('notMisspellingsHint')}</p>
      <ul class="sites" aria-labelledby="not-misspellings-heading">
        {entries.map((entry) => {
          const space = entry.indexOf(' ');
          const site = entry.slice(0, space);
          const word = entry.slice(space + 1);
          return (
            <li key={entry}>
              <span class="site">{t('wordOnSite', word, site)}</span>
              <button
                type="button"
                class="button subtle"
                onClick={() => void updateSettings((s) => withoutNotMisspelling(s, entry))}
              >
                {t('markAgain')}
                <span class="sr-only"> {t('wordOnSite', word, site)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
