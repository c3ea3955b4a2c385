import type { ReactNode } from 'react';
import { Card } from './card.tsx';
import './empty-state.css';

export interface EmptyStateProps {
  /** Decorative illustration or icon; hidden from assistive technology. */
  icon: ReactNode;
  title: string;
  children: ReactNode;
  /** An optional next step (button or link). */
  action?: ReactNode;
  /** Heading level, so the page outline stays in order. */
  headingLevel?: 2 | 3;
}

/** Says honestly that there is nothing here yet, and why. */
export function EmptyState({ icon, title, children, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Card className="hb-empty-state">
      <div className="hb-empty-state__icon" aria-hidden="true">
        {icon}
      </div>
      <Heading className="hb-empty-state__title">
        {title}
      </Heading>
      <div className="hb-empty-state__body">{children}</div>
      {action ? <div className="hb-empty-state__action">{action}</div> : null}
    </Card>
  );
}
