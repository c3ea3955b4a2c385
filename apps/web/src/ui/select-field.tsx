import { useId } from 'react';
import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import './text-field.css';
import './select-field.css';

export type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  /** Help shown under the label, read out with the field. */
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  invalid?: boolean;
  errorId?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
};

/** A labelled native select (keyboard and screen readers get the platform's own list). */
export function SelectField({ label, hint, options, invalid = false, errorId, className, ref, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', invalid && errorId ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={['hb-field', 'hb-field--select', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="hb-field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="hb-field__hint">
          {hint}
        </p>
      ) : null}
      <select
        ref={ref}
        id={id}
        className="hb-field__input hb-field__select"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
