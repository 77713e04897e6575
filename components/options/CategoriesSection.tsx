import { CATEGORIES, type Category } from '../../core/glossary/types';
import type { Settings } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';
import { useMessages } from '../i18n';

function setShown(category: Category, shown: boolean) {
  void updateSettings((s) => ({
    ...s,
    hiddenCategories: shown ? s.hiddenCategories.filter((c) => c !== category) : [...s.hiddenCategories, category],
  }));
}

/** Which kinds of terms are marked on pages. */
export function CategoriesSection({ settings }: { settings: Settings }) {
  const { t, card } = useMessages();
  return (
    <section aria-labelledby="categories-heading" class="card">
      <h2 id="categories-heading">{t('categoriesHeading')}</h2>
      <fieldset class="checks" aria-describedby="categories-hint">
        <legend>{t('categoriesLegend')}</legend>
        {CATEGORIES.map((category) => (
          <div key={category} class="option">
            <input
              type="checkbox"
              id={`category-${category}`}
              checked={!settings.hiddenCategories.includes(category)}
              onChange={(e) => setShown(category, e.currentTarget.checked)}
            />
            <label for={`category-${category}`}>{card.categories[category]}</label>
          </div>
        ))}
      </fieldset>
      <p id="categories-hint" class="hint">
        {t('categoriesHint')}
      </p>
      <div class="option">
        <input
          type="checkbox"
          id="explain-values"
          checked={settings.explainValues}
          aria-describedby="explain-values-hint"
          onChange={(e) => {
            const explainValues = e.currentTarget.checked;
            void updateSettings((s) => ({ ...s, explainValues }));
          }}
        />
        <label for="explain-values">{t('explainValues')}</label>
      </div>
      <p id="explain-values-hint" class="hint">
        {t('explainValuesHint')}
      </p>
    </section>
  );
}
