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
    <div class="switch-row">
      <label for={id} class="switch-label">
        {label}
        {description && (
          <span id={descriptionId} class="switch-description">
            {description}
          </span>
        )}
      </label>
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
    </div>
  );
}
