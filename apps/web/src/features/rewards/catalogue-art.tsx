import type { ReactNode } from 'react';
import type { OfferCategory } from '../../api/rewards.ts';
import './catalogue-art.css';

/** What a picture-less card stands for: an offer's category, or a cause. */
export type ArtSubject = OfferCategory | 'cause';

/** Line drawings, one per category and one for causes, in the app's icon style (24-unit grid, round strokes). */
const drawings: Record<ArtSubject, ReactNode> = {
  'food-drink': (
    <>
      <path d="M4 9h12v4a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z" />
      <path d="M16 10.5h1.5a2.5 2.5 0 0 1 0 5H16M8 3v3M12 3v3" />
    </>
  ),
  groceries: (
    <>
      <path d="M3 10h18l-2 10H5z" />
      <path d="M8 10l4-6 4 6M9 14v3M15 14v3" />
    </>
  ),
  shopping: (
    <>
      <path d="M5 8h14l-1 13H6z" />
      <path d="M9 11V7a3 3 0 0 1 6 0v4" />
    </>
  ),
  'culture-leisure': (
    <>
      <path d="M4 6h16v4a2 2 0 0 0 0 4v4H4v-4a2 2 0 0 0 0-4z" />
      <path d="M14 6v2M14 11v2M14 16v2" />
    </>
  ),
  'sport-fitness': <path d="M6 7v10M3 9.5v5M18 7v10M21 9.5v5M6 12h12" />,
  transport: (
    <>
      <rect x="4" y="3" width="16" height="14" rx="2" />
      <path d="M4 11h16M7 17v3M17 17v3M8 14h.01M16 14h.01" />
    </>
  ),
  services: <path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18v3h3l6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z" />,
  'civic-fees': (
    <>
      <path d="M12 3l8 5H4z" />
      <path d="M3 21h18M6 11v7M10 11v7M14 11v7M18 11v7" />
    </>
  ),
  'health-wellbeing': <path d="M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z" />,
  other: (
    <>
      <path d="M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8z" />
      <circle cx="7.5" cy="7.5" r="1.5" />
    </>
  ),
  cause: (
    <>
      <path d="M12 11s-4-2.6-4-5.5A2.3 2.3 0 0 1 12 4a2.3 2.3 0 0 1 4 1.5C16 8.4 12 11 12 11z" />
      <path d="M3 14h3l3 2h4a1.5 1.5 0 0 1 0 3H9M6 21H3v-7M13 17l4.5-2a1.8 1.8 0 0 1 2.2 2.6L16 21H6" />
    </>
  ),
};

/** Where there is no picture: the category's (or causes') colours and drawing; decorative, as the card names what it is. */
export function CatalogueArt({ of }: { of: ArtSubject }) {
  return (
    <div className="hb-catalogue-art" data-art={of} aria-hidden="true">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        {drawings[of]}
      </svg>
    </div>
  );
}
