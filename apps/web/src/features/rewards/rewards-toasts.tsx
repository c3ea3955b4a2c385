import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnections } from '../connections/connections-context.tsx';
import { LiveToast } from './live-toast.tsx';
import type { LiveNews } from './live-toast.tsx';
import './rewards-toasts.css';

/** How long a toast stays (long enough to read twice). */
const showMs = 8000;
/** At most this many at once; older ones make way. */
const most = 3;

interface Shown {
  id: number;
  news: LiveNews;
}

/**
 * Tells of points the moment they arrive, wherever the person is in the app: "+10 points — First
 * connection", or a gift. A polite live region, always in the page, reads each one out.
 */
export function RewardsToasts() {
  const { t } = useTranslation();
  const socket = useConnections()?.socket;
  const [shown, setShown] = useState<Shown[]>([]);
  const next = useRef(0);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    if (!socket) return undefined;
    const all = timers.current;
    function add(news: LiveNews) {
      const id = ++next.current;
      setShown((previous) => [...previous, { id, news }].slice(-most));
      all.set(id, setTimeout(() => dismiss(id), showMs));
    }
    const offs = [
      socket.on('points.awarded', (m) => add({ kind: 'awarded', points: m.points, ruleName: m.ruleName })),
      socket.on('gift.received', (m) => add({ kind: 'gift', points: m.points, senderId: m.senderId })),
    ];
    return () => {
      for (const off of offs) off();
      for (const timer of all.values()) clearTimeout(timer);
      all.clear();
    };
  }, [socket]);

  function dismiss(id: number) {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setShown((previous) => previous.filter((item) => item.id !== id));
  }

  return (
    <section className="hb-rewards-toasts" aria-label={t('rewards.live.region')} role="status" aria-live="polite" data-testid="rewards-toasts">
      {shown.map((item) => (
        <LiveToast key={item.id} news={item.news} onDismiss={() => dismiss(item.id)} />
      ))}
    </section>
  );
}
