import { useEffect, useState } from 'preact/hooks';
import { HOVER_DELAY_RANGE, type Density, type HighlightStyle, type Settings } from '../../core/settings';
import { updateSettings } from '../../utils/settings-store';
import { Choice } from './Choice';

const STYLES = [
  { value: 'underline', label: 'Dotted underline', hint: 'Quiet: the text keeps its look.' },
  { value: 'background', label: 'Tinted background', hint: 'Easier to spot while skimming.' },
] as const satisfies readonly { value: HighlightStyle; label: string; hint: string }[];

const DENSITIES = [
  { value: 'all', label: 'Every time a term appears' },
  { value: 'first', label: 'Only the first time each term appears' },
] as const satisfies readonly { value: Density; label: string }[];

const HOVER_STEP_MS = 50;

function HoverDelay({ saved }: { saved: number }) {
  // Follows the thumb while it moves; storage is written once the value is let go.
  const [shown, setShown] = useState(saved);
  useEffect(() => setShown(saved), [saved]);
  return (
    <div class="field">
      <label for="hover-delay">Wait before explaining a term under the pointer</label>
      <div class="range-row">
        <input
          id="hover-delay"
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={HOVER_STEP_MS}
          value={shown}
          aria-valuetext={`${shown} milliseconds`}
          aria-describedby="hover-delay-hint"
          onInput={(e) => setShown(Number(e.currentTarget.value))}
          onChange={(e) => {
            const hoverDelayMs = Number(e.currentTarget.value);
            void updateSettings((s) => ({ ...s, hoverDelayMs }));
          }}
        />
        <output for="hover-delay" class="range-value">
          {shown} ms
        </output>
      </div>
      <p id="hover-delay-hint" class="hint">
        Shorter opens sooner; longer avoids explanations popping up as the pointer passes by.
      </p>
    </div>
  );
}

/** How terms look on pages and how eagerly they open. */
export function AppearanceSection({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="appearance-heading" class="card">
      <h2 id="appearance-heading">How terms are marked</h2>
      <div class="preview" aria-hidden="true">
        Your <span class={`sample sample-${settings.style}`}>HbA1c</span> shows your average{' '}
        <span class={`sample sample-${settings.style}`}>blood sugar</span> over about three months.
      </div>
      <Choice
        name="style"
        legend="Highlight style"
        value={settings.style}
        options={STYLES}
        onChange={(style) => void updateSettings((s) => ({ ...s, style }))}
      />
      <Choice
        name="density"
        legend="Mark a term"
        value={settings.density}
        options={DENSITIES}
        onChange={(density) => void updateSettings((s) => ({ ...s, density }))}
      />
      <HoverDelay saved={settings.hoverDelayMs} />
    </section>
  );
}
