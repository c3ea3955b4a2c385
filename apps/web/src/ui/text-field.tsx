import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import './text-field.css';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  /** Help shown under the label, read out with the field. */
  hint?: ReactNode;
  /** Marks the field invalid; pair with `errorId` so the message is read out with the field. */
  invalid?: boolean;
  /** id of the element that explains what is wrong (e.g. the form's alert). */
  errorId?: string | undefined;
  /** Larger, spaced-out text for short codes. */
  look?: 'default' | 'code';
  ref?: Ref<HTMLInputElement>;
};

/** A labelled text input with an optional hint and error link. */
export function TextField({ label, hint, invalid = false, errorId, look = 'default', className, ref, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', invalid && errorId ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={['hb-field', `hb-field--${look}`, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="hb-field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="hb-field__hint">
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        className="hb-field__input"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}
