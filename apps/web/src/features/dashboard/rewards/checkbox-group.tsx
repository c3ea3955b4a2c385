import type { ReactNode } from 'react';

export interface CheckboxGroupProps<V extends string | number> {
  legend: string;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: V; label: string }>;
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  invalid?: boolean;
  /** id of the sentence that says what is wrong. */
  errorId?: string | undefined;
  /** Lay the boxes out in a row (short labels such as days). */
  inline?: boolean;
}

/** Native checkboxes in a fieldset: several of few choices (connection kinds, days of the week). */
export function CheckboxGroup<V extends string | number>({ legend, hint, options, selected, onChange, invalid = false, errorId, inline = false }: CheckboxGroupProps<V>) {
  return (
    <fieldset className="hb-pr-fieldset" data-invalid={invalid || undefined} aria-describedby={invalid && errorId ? errorId : undefined}>
      <legend className="hb-pr-legend">{legend}</legend>
      {hint ? <p className="hb-field__hint">{hint}</p> : null}
      <div className={inline ? 'hb-pr-checks hb-pr-checks--inline' : 'hb-pr-checks'}>
        {options.map((option) => (
          <label key={String(option.value)} className="hb-pr-check">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
