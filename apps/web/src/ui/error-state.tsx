import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { RefreshIcon } from './icons.tsx';
import './error-state.css';

export interface ErrorStateProps {
  title: string;
  children?: ReactNode;
  /** Detail lines for support, such as the request's reference (never an error code: people get a sentence). */
  details?: ReadonlyArray<{ label: string; value: string }>;
  retryLabel: string;
  onRetry: () => void;
}

/** Tells the user something failed, announces it, and offers a retry. */
export function ErrorState({ title, children, details = [], retryLabel, onRetry }: ErrorStateProps) {
  return (
    <div className="hb-error-state" role="alert">
      <p className="hb-error-state__title">{title}</p>
      {children ? <div className="hb-error-state__body">{children}</div> : null}
      {details.length > 0 ? (
        <dl className="hb-error-state__details">
          {details.map((detail) => (
            <div key={detail.label}>
              <dt>{detail.label}</dt>
              <dd>
                <code>{detail.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div>
        <Button variant="secondary" size="sm" icon={<RefreshIcon />} onClick={onRetry}>
          {retryLabel}
        </Button>
      </div>
    </div>
  );
}
