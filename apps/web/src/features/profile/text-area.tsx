import { useId } from 'react';
import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import '../../ui/text-field.css';
import './text-area.css';

export type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  /** Help shown under the label, read out with the field. */
  hint?: ReactNode;
  /** Marks the field invalid; pair with `errorId` so the message is read out with the field. */
  invalid?: boolean;
  /** id of the element that explains what is wrong. */
  errorId?: string | undefined;
  /** Shown under the field at the end, e.g. a character count (not read out; say limits in the hint). */
  footer?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line text input, the twin of TextField. */
export function TextArea({ label, hint, invalid = false, errorId, footer, className, ref, ...textarea }: TextAreaProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', invalid && errorId ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={['hb-field', 'hb-text-area', className].filter(Boolean).join(' ')}>
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
        className="hb-field__input hb-text-area__input"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        {...textarea}
      />
      {footer ? <div className="hb-text-area__footer">{footer}</div> : null}
    </div>
  );
}
