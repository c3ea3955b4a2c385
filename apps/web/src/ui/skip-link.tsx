import type { MouseEvent } from 'react';

export interface SkipLinkProps {
  /** id of the element to move focus to (the page's main). */
  targetId: string;
  label: string;
}

/** The first focusable element: jumps past the header and navigation to the content. */
export function SkipLink({ targetId, label }: SkipLinkProps) {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const target = document.getElementById(targetId);
    if (!target) return;
    // Focus without changing the URL hash, which the router would treat as navigation.
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  }
  return (
    <a className="hb-skip-link" href={`#${targetId}`} onClick={skip}>
      {label}
    </a>
  );
}
