import { useState } from 'preact/hooks';
import { isValidSite, siteKey, withSite, type Settings } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';
import { useMessages, type Messages } from '../i18n';

/** Why a typed site cannot be added, or null when it can. */
function siteProblem({ t }: Messages, typed: string, disabled: readonly string[]): string | null {
  const key = siteKey(typed);
  if (!typed.trim()) return t('siteEmpty');
  if (!isValidSite(key)) return t('siteInvalid', typed.trim());
  if (disabled.includes(key)) return t('siteAlreadyOff', key);
  return null;
}

function AddSite({ disabled }: { disabled: readonly string[] }) {
  const messages = useMessages();
  const { t } = messages;
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const found = siteProblem(messages, typed, disabled);
    setProblem(found);
    if (found) return;
    const site = siteKey(typed);
    void updateSettings((s) => withSite(s, site, false));
    setTyped('');
  };
  return (
    <form class="add-site" onSubmit={submit} noValidate>
      <label for="add-site">{t('addSiteLabel')}</label>
      <div class="inline">
        <input
          id="add-site"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={typed}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'add-site-problem' : 'add-site-hint'}
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            if (problem) setProblem(null);
          }}
        />
        <button type="submit" class="button">
          {t('addSiteButton')}
        </button>
      </div>
      {problem ? (
        <p id="add-site-problem" class="problem">
          {problem}
        </p>
      ) : (
        <p id="add-site-hint" class="hint">
          {t('addSiteHint')}
        </p>
      )}
    </form>
  );
}

/** Sites where highlighting is off, with a way to add and remove them. */
export function SitesSection({ settings }: { settings: Settings }) {
  const { t } = useMessages();
  const sites = settings.disabledSites;
  return (
    <section aria-labelledby="sites-heading" class="card">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      {sites.length ? (
        <ul class="sites" aria-labelledby="sites-heading">
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button
                type="button"
                class="button subtle"
                onClick={() => void updateSettings((s) => withSite(s, site, true))}
              >
                {t('removeSite')}
                <span class="sr-only"> {site}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{t('sitesNone')}</p>
      )}
      <AddSite disabled={sites} />
    </section>
  );
}
