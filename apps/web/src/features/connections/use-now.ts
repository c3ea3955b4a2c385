import { useEffect, useState } from 'react';

/** The time now in epoch ms, updated every `intervalMs` while `enabled` (for countdowns). */
export function useNow(enabled = true, intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!enabled) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [enabled, intervalMs]);
  return now;
}
