import { useCallback, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { listHistory } from '../../api/rewards.ts';
import { Card } from '../../ui/index.ts';
import { EmptyNote } from './empty-note.tsx';
import { MovementRow } from './movement-row.tsx';
import { PagedListView } from './paged-list-view.tsx';
import { useRewards } from './rewards-context.tsx';
import { usePagedList } from './use-paged-list.ts';

const pageSize = 10;

/** The wallet's movements, newest first, a page at a time; points arriving live bring the first page up to date. */
export function HistoryCard() {
  const { t } = useTranslation();
  const titleId = useId();
  const { session, socket } = useRewards();
  const load = useCallback((cursor: string | undefined, signal: AbortSignal) => listHistory(session, { cursor, limit: pageSize }, signal), [session]);
  const list = usePagedList('history', load);
  const { reload } = list;

  useEffect(() => {
    if (!socket) return undefined;
    const offs = [socket.on('points.awarded', reload), socket.on('gift.received', reload)];
    return () => {
      for (const off of offs) off();
    };
  }, [socket, reload]);

  return (
    <Card className="hb-rewards-card" aria-labelledby={titleId} data-testid="history-card">
      <h2 id={titleId} className="hb-card__title">
        {t('rewards.history.title')}
      </h2>
      <PagedListView
        list={list}
        labelledBy={titleId}
        loadingLabel={t('rewards.history.loading')}
        errorTitle={t('rewards.history.loadFailed')}
        empty={<EmptyNote title={t('rewards.history.emptyTitle')} body={t('rewards.history.emptyBody')} testId="history-empty" />}
        itemKey={(movement) => movement.id}
        renderItem={(movement) => <MovementRow movement={movement} />}
        testId="history-list"
      />
    </Card>
  );
}
