import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import './data-table.css';

export interface DataTableProps {
  /** Names the table (its caption) and the scroll region around it. */
  caption: string;
  /** Keep the caption for screen readers only (when a visible heading already says it). */
  captionHidden?: boolean;
  /** The table's `thead` and `tbody`. */
  children: ReactNode;
  /** Stripe the rows and tighten the cells, for long logs. */
  dense?: boolean;
}

/**
 * A semantic table in a region that scrolls sideways on narrow screens. When it does scroll, the
 * region joins the tab order so keyboard users can scroll it too.
 */
export function DataTable({ caption, captionHidden = false, children, dense = false }: DataTableProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const element = wrap.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={wrap} className="hb-table-wrap" role="region" aria-labelledby={captionId} tabIndex={scrolls ? 0 : undefined}>
      <table className={['hb-table', dense ? 'hb-table--dense' : ''].filter(Boolean).join(' ')}>
        <caption id={captionId} className={captionHidden ? 'hb-visually-hidden' : 'hb-table__caption'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
