import type { ReactNode } from 'react';
import './badge.css';

export interface BadgeProps {
  tone?: 'neutral' | 'primary' | 'success' | 'warning' | 'danger';
  children: ReactNode;
}

/** A small pill label, e.g. a role or a channel. */
export function Badge({ tone = 'neutral', children }: BadgeProps) {
  return <span className={`hb-badge hb-badge--${tone}`}>{children}</span>;
}
