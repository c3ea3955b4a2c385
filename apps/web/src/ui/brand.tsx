import './brand.css';

export interface BrandMarkProps {
  size?: number;
}

/** The Hey Blue! shield mark (same drawing as the favicon and app icons). */
export function BrandMark({ size = 32 }: BrandMarkProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <rect width="100" height="100" rx="22" fill="#0b3d91" />
      <path fill="#fff" d="M50 10Q62 19 80 18V50Q80 78 50 90Q20 78 20 50V18Q38 19 50 10Z" />
      <path
        fill="#0b3d91"
        d="M50 30L54.11 41.34 66.17 41.75 56.66 49.16 59.99 60.75 50 54 40.01 60.75 43.34 49.16 33.83 41.75 45.89 41.34Z"
      />
    </svg>
  );
}

export interface BrandProps {
  /** A second line under the name, e.g. "Partners". */
  tagline?: string;
}

/** The mark and the "Hey Blue!" name, as shown in headers. */
export function Brand({ tagline }: BrandProps) {
  return (
    <span className="hb-brand">
      <BrandMark />
      <span className="hb-brand__text">
        <span className="hb-brand__name">Hey Blue!</span>
        {tagline ? <span className="hb-brand__tagline">{tagline}</span> : null}
      </span>
    </span>
  );
}
