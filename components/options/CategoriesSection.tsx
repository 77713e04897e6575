import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../core/glossary/types';
import type { Settings } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';

function setShown(category: Category, shown: boolean) {
  void updateSettings((s) => ({
    ...s,
    hiddenCategories: shown ? s.hiddenCategories.filter((c) => c !== category) : [...s.hiddenCategories, category],
  }));
}

/** Which kinds of terms are marked on pages. */
export function CategoriesSection({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="categories-heading" class="card">
      <h2 id="categories-heading">Kinds of terms</h2>
      <fieldset class="checks" aria-describedby="categories-hint">
        <legend>Mark these on web pages</legend>
        {CATEGORIES.map((category) => (
          <div key={category} class="option">
            <input
              type="checkbox"
              id={`category-${category}`}
              checked={!settings.hiddenCategories.includes(category)}
              onChange={(e) => setShown(category, e.currentTarget.checked)}
            />
            <label for={`category-${category}`}>{CATEGORY_LABELS[category]}</label>
          </div>
        ))}
      </fieldset>
      <p id="categories-hint" class="hint">
        Terms you hide here stay in the glossary and its search.
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
        <label for="explain-values">Explain lab numbers (A1C, blood sugar, BMI, time in range)</label>
      </div>
      <p id="explain-values-hint" class="hint">
        Values such as “A1C 7.2%” get a dashed line and a card with unit conversions and published ranges.
      </p>
    </section>
  );
}
