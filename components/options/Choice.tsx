interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** The label's language, when it is not the page's ("English" and "Español" are each written in their own). */
  lang?: string;
}

export interface ChoiceProps<T extends string> {
  name: string;
  legend: string;
  value: T;
  options: readonly ChoiceOption<T>[];
  onChange: (value: T) => void;
}

/** A set of radio buttons under one legend. */
export function Choice<T extends string>({ name, legend, value, options, onChange }: ChoiceProps<T>) {
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div key={o.value} class="option">
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={value === o.value}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
              onChange={() => onChange(o.value)}
            />
            <label for={id}>
              <span lang={o.lang}>{o.label}</span>
              {o.hint && (
                <span id={`${id}-hint`} class="hint">
                  {o.hint}
                </span>
              )}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
