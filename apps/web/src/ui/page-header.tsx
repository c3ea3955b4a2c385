import { useEffect } from 'react';
import type { ReactNode } from 'react';
import './page-header.css';

export interface PageHeaderProps {
  /** The page's one h1; also names the browser tab. */
  title: string;
  /** Rich content for the h1 (e.g. a styled name), when plain `title` is not enough; must read the same. */
  titleContent?: ReactNode;
  description?: ReactNode;
  /** Short label above the title, e.g. the area of the product. */
  eyebrow?: string;
  actions?: ReactNode;
}

const brand = 'Hey Blue!';

/** The page's h1, lead text and actions; also names the browser tab after the page. */
export function PageHeader({ title, titleContent, description, eyebrow, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = title === brand ? brand : `${title} · ${brand}`;
  }, [title]);

  return (
    <header className="hb-page-header">
      <div className="hb-page-header__text">
        {eyebrow ? <p className="hb-page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="hb-page-header__title" tabIndex={-1}>
          {titleContent ?? title}
        </h1>
        {description ? <p className="hb-page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="hb-page-header__actions">{actions}</div> : null}
    </header>
  );
}
