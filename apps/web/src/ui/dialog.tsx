import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { CloseIcon } from './icons.tsx';
import './dialog.css';

export interface DialogProps {
  open: boolean;
  /** The dialog's heading; also its accessible name. */
  title: string;
  /** A sentence under the title, read out with it. */
  description?: ReactNode;
  /** Called on Escape, the close button, or the caller's own cancel button. */
  onClose: () => void;
  /** Label of the close (×) button. */
  closeLabel: string;
  children: ReactNode;
}

/**
 * A modal dialog on the native `<dialog>`: the browser keeps focus inside, Escape closes it and the
 * rest of the page is inert. Focus starts on the element marked `data-autofocus` (else the first
 * control) and returns to whatever had it before the dialog opened.
 */
export function Dialog({ open, title, description, onClose, closeLabel, children }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      // The browser focuses the first control (the close button); a field marked data-autofocus is a better start.
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    function onCancel(event: Event) {
      // Escape: let React's state decide, so the dialog and the state never disagree.
      event.preventDefault();
      onClose();
    }
    function onClosed() {
      const target = returnFocus.current;
      returnFocus.current = null;
      if (target?.isConnected) target.focus();
    }
    element.addEventListener('cancel', onCancel);
    element.addEventListener('close', onClosed);
    return () => {
      element.removeEventListener('cancel', onCancel);
      element.removeEventListener('close', onClosed);
    };
  }, [onClose]);

  return (
    <dialog ref={dialog} className="hb-dialog" aria-labelledby={titleId} aria-describedby={description ? descriptionId : undefined}>
      {open ? (
        <div className="hb-dialog__surface">
          <div className="hb-dialog__head">
            <h2 id={titleId} className="hb-dialog__title">
              {title}
            </h2>
            <button type="button" className="hb-dialog__close" onClick={onClose}>
              <CloseIcon size={20} />
              <span className="hb-visually-hidden">{closeLabel}</span>
            </button>
          </div>
          {description ? (
            <div id={descriptionId} className="hb-dialog__description">
              {description}
            </div>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
