import { formatCountdown, msUntil } from './countdown.ts';
import { useNow } from './use-now.ts';

export interface CountdownTimerProps {
  /** ISO 8601 time the countdown runs to. */
  until: string;
  /** What is counted down, shown before the time and part of the timer's name. */
  label: string;
}

/**
 * "Closes in 4:05", updated every second. A timer role is not a live region, so screen readers read
 * it when asked, not every second.
 */
export function CountdownTimer({ until, label }: CountdownTimerProps) {
  const now = useNow();
  const left = formatCountdown(msUntil(until, now));
  return (
    <p className="hb-countdown">
      <span className="hb-countdown__label">{label}</span>{' '}
      <time role="timer" aria-label={`${label} ${left}`} className="hb-countdown__time" dateTime={until}>
        {left}
      </time>
    </p>
  );
}
