import type { ReactNode } from 'react';
import './notice.css';

export interface NoticeProps {
  tone: 'error' | 'success' | 'info' | 'warning';
  title?: ReactNode;
  children?: ReactNode;
  /**
   * `alert` interrupts (errors), `status` waits its turn (confirmations); leave unset for text that
   * is there from the start and needs no announcement.
   */
  role?: 'alert' | 'status';
  id?: string;
  icon?: ReactNode;
}

/** A short message in a tinted box: an error, a confirmation or a warning. */
export function Notice({ tone, title, children, role, id, icon }: NoticeProps) {
  return (
    <div className={`hb-notice hb-notice--${tone}`} role={role} id={id}>
      {icon ? (
        <span className="hb-notice__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <div className="hb-notice__text">
        {title ? <p className="hb-notice__title">{title}</p> : null}
        {children ? <div className="hb-notice__body">{children}</div> : null}
      </div>
    </div>
  );
}
