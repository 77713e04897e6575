import { useEffect, useState } from 'preact/hooks';
import { HOVER_DELAY_RANGE, type Density, type HighlightStyle, type Settings } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';
import type { MessageKey } from '../../utils/i18n';
import { useMessages } from '../i18n';
import { Choice } from './Choice';

const STYLES = [
  { value: 'underline', label: 'styleUnderline', hint: 'styleUnderlineHint' },
  { value: 'background', label: 'styleBackground', hint: 'styleBackgroundHint' },
] as const satisfies readonly { value: HighlightStyle; label: MessageKey; hint: MessageKey }[];

const DENSITIES = [
  { value: 'all', label: 'densityAll' },
  { value: 'first', label: 'densityFirst' },
] as const satisfies readonly { value: Density; label: MessageKey }[];

const HOVER_STEP_MS = 50;

function HoverDelay({ saved }: { saved: number }) {
  const { t } = useMessages();
  // Follows the thumb while it moves; storage is written once the value is let go.
  const [shown, setShown] = useState(saved);
  useEffect(() => setShown(saved), [saved]);
  return (
    <div class="field">
      <label for="hover-delay">{t('hoverDelayLabel')}</label>
      <div class="range-row">
        <input
          id="hover-delay"
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={HOVER_STEP_MS}
          value={shown}
          aria-valuetext={t('hoverDelaySpoken', shown)}
          aria-describedby="hover-delay-hint"
          onInput={(e) => setShown(Number(e.currentTarget.value))}
          onChange={(e) => {
            const hoverDelayMs = Number(e.currentTarget.value);
            void updateSettings((s) => ({ ...s, hoverDelayMs }));
          }}
        />
        <output for="hover-delay" class="range-value">
          {t('hoverDelayShown', shown)}
        </output>
      </div>
      <p id="hover-delay-hint" class="hint">
        {t('hoverDelayHint')}
      </p>
    </div>
  );
}

/** How terms look on pages and how eagerly they open. */
export function AppearanceSection({ settings }: { settings: Settings }) {
  const { t, parts } = useMessages();
  const sample = (key: MessageKey) => <span class={`sample sample-${settings.style}`}>{t(key)}</span>;
  return (
    <section aria-labelledby="appearance-heading" class="card">
      <h2 id="appearance-heading">{t('appearanceHeading')}</h2>
      <div class="preview" aria-hidden="true">
        {parts('previewSentence', sample('previewTerm'), sample('previewMeasure'))}
      </div>
      <Choice
        name="style"
        legend={t('styleLegend')}
        value={settings.style}
        options={STYLES.map((o) => ({ value: o.value, label: t(o.label), hint: t(o.hint) }))}
        onChange={(style) => void updateSettings((s) => ({ ...s, style }))}
      />
      <Choice
        name="density"
        legend={t('densityLegend')}
        value={settings.density}
        options={DENSITIES.map((o) => ({ value: o.value, label: t(o.label) }))}
        onChange={(density) => void updateSettings((s) => ({ ...s, density }))}
      />
      <HoverDelay saved={settings.hoverDelayMs} />
    </section>
  );
}
