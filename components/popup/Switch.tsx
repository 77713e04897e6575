export interface SwitchProps {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  /** Said after the label by screen readers and shown under it. */
  description?: string;
  onChange: (on: boolean) => void;
}

/** An on/off switch: a native checkbox (keyboard and forms for free) announced as a switch. */
export function Switch({ id, label, checked, disabled = false, description, onChange }: SwitchProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    // Switch first: side by side in the footer, each label sits next to its own switch, never next to the other's.
    <div class="switch-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        class="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={descriptionId}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id} class="switch-label">
        {/* A long host name is cut to two lines on screen; the title and the accessible name keep all of it. */}
        <span class="switch-text" title={label}>
          {label}
        </span>
        {description && (
          <span id={descriptionId} class="switch-description">
            {description}
          </span>
        )}
      </label>
    </div>
  );
}
