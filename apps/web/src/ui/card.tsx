import type { HTMLAttributes } from 'react';
import './card.css';

export type CardProps = HTMLAttributes<HTMLElement> & {
  /** Render as a landmark-free section (default) or a plain div. */
  as?: 'section' | 'div' | 'article';
};

/** A surface that groups related content. */
export function Card({ as: Tag = 'section', className, ...rest }: CardProps) {
  return <Tag className={['hb-card', className].filter(Boolean).join(' ')} {...rest} />;
}
