import { useId } from 'react';
import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import './text-field.css';
import './select-field.css';

export type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  hint?: ReactNode;
  invalid?: boolean;
  errorId?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line text box with an optional hint. */
export function TextAreaField({ label, hint, invalid = false, errorId, className, ref, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', invalid && errorId ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={['hb-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="hb-field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="hb-field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        ref={ref}
        id={id}
        className="hb-field__input hb-field__textarea"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        {...textarea}
      />
    </div>
  );
}
