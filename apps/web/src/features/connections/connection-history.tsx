import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { listConnections } from '../../api/connections.ts';
import type { Connection, ConnectionKind } from '../../api/connections.ts';
import { AlertIcon, Badge, Button, Card, ErrorState, LoadingState, Notice, ShieldCheckIcon } from '../../ui/index.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { Person } from './person.tsx';

const pageSize = 5;

type History =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; items: Connection[]; nextCursor: string | null; more: 'idle' | 'loading' | ApiError };

function kindLabel(t: TFunction, kind: ConnectionKind): string {
  switch (kind) {
    case 'proximity':
      return t('connections.history.proximity');
    case 'qr':
      return t('connections.history.qr');
    case 'virtual':
      return t('connections.history.virtual');
  }
}

function formatWhen(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "Your connections": the people met, newest first, a page at a time. */
export function ConnectionHistory() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { session, me, state } = useSignedInConnections();
  const [history, setHistory] = useState<History>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // A new connection (celebrated) refreshes the first page.
  const latest = state.celebrated[0] ?? '';

  useEffect(() => {
    const controller = new AbortController();
    setHistory((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    listConnections(session, { limit: pageSize }, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) setHistory({ status: 'ready', items: page.items, nextCursor: page.nextCursor, more: 'idle' });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setHistory({ status: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [session, attempt, latest]);

  async function loadMore() {
    if (history.status !== 'ready' || !history.nextCursor) return;
    const current = history;
    setHistory({ ...current, more: 'loading' });
    try {
      const page = await listConnections(session, { cursor: current.nextCursor ?? undefined, limit: pageSize });
      const seen = new Set(current.items.map((c) => c.id));
      setHistory({ status: 'ready', items: [...current.items, ...page.items.filter((c) => !seen.has(c.id))], nextCursor: page.nextCursor, more: 'idle' });
    } catch (cause) {
      setHistory({ ...current, more: toApiError(cause) });
    }
  }

  return (
    <Card className="hb-connections__card" aria-labelledby={titleId} data-testid="connection-history">
      <h2 id={titleId} className="hb-card__title">
        {t('connections.history.title')}
      </h2>
      {history.status === 'loading' ? <LoadingState label={t('connections.history.loading')} /> : null}
      {history.status === 'error' ? (
        <ErrorState title={t('connections.history.loadFailed')} retryLabel={t('connections.history.retry')} onRetry={() => setAttempt((n) => n + 1)}>
          <p>{errorMessage(t, history.error)}</p>
        </ErrorState>
      ) : null}
      {history.status === 'ready' && history.items.length === 0 ? (
        <div className="hb-connections__empty">
          <p className="hb-connections__empty-title">{t('connections.history.emptyTitle')}</p>
          <p className="hb-connections__muted">{t('connections.history.emptyBody')}</p>
        </div>
      ) : null}
      {history.status === 'ready' && history.items.length > 0 ? (
        <ul className="hb-connections__list" aria-labelledby={titleId}>
          {history.items.map((connection) => {
            const iAmOfficer = connection.officerId === me;
            return (
              <li key={connection.id} className="hb-connections__row" data-testid="connection-item">
                <Person accountId={iAmOfficer ? connection.citizenId : connection.officerId} role={iAmOfficer ? 'citizen' : 'officer'}>
                  <p className="hb-person__meta">
                    <time dateTime={connection.madeAt}>{formatWhen(connection.madeAt, i18n.language)}</time>
                  </p>
                  <p className="hb-connections__badges">
                    <Badge tone="primary">{kindLabel(t, connection.kind)}</Badge>
                    {connection.locationVerified ? (
                      <Badge tone="success">
                        <ShieldCheckIcon size={14} />
                        {t('connections.history.verified')}
                      </Badge>
                    ) : null}
                  </p>
                </Person>
              </li>
            );
          })}
        </ul>
      ) : null}
      {history.status === 'ready' && typeof history.more === 'object' ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {errorMessage(t, history.more)}
        </Notice>
      ) : null}
      {history.status === 'ready' && history.nextCursor ? (
        <div className="hb-connections__actions">
          <Button variant="secondary" loading={history.more === 'loading'} onClick={() => void loadMore()}>
            {t('connections.history.loadMore')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
