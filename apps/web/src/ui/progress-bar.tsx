import './progress-bar.css';

export interface ProgressBarProps {
  /** What is progressing; the bar's accessible name. */
  label: string;
  /** 0–100; leave undefined while the amount of work left is unknown. */
  value?: number | undefined;
  /** Words for the current value, e.g. "1.2 MB of 2.4 MB"; read out instead of the bare percentage. */
  valueText?: string | undefined;
}

/** A horizontal progress bar; without a value it shows ongoing work of unknown length. */
export function ProgressBar({ label, value, valueText }: ProgressBarProps) {
  const known = value !== undefined;
  const clamped = known ? Math.min(100, Math.max(0, Math.round(value))) : undefined;
  return (
    <div
      className="hb-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      data-indeterminate={known ? undefined : true}
    >
      <div className="hb-progress__fill" style={known ? { width: `${clamped}%` } : undefined} />
    </div>
  );
}
