import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { acceptRequest, declineRequest, listRequests } from '../../api/connections.ts';
import type { ConnectionRequest } from '../../api/connections.ts';
import { AlertIcon, Button, Card, InboxIcon, Notice } from '../../ui/index.ts';
import { bandLabel } from './band.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { msUntil } from './countdown.ts';
import { CountdownTimer } from './countdown-timer.tsx';
import { Person } from './person.tsx';
import { useNow } from './use-now.ts';
import { usePersonName } from './use-public-profile.ts';

/** Errors after which the request is gone or decided: the list is fetched again. */
const staleRequestCodes = new Set(['CONNECTIONS_REQUEST_NOT_FOUND', 'CONNECTIONS_REQUEST_NOT_PENDING', 'CONNECTIONS_REQUEST_EXPIRED', 'CONNECTIONS_NO_LONGER_NEAR']);

interface RowProps {
  request: ConnectionRequest;
  busy: 'accept' | 'decline' | undefined;
  onDecide: (request: ConnectionRequest, decision: 'accept' | 'decline') => void;
}

function IncomingRow({ request, busy, onDecide }: RowProps) {
  const { t } = useTranslation();
  const { name } = usePersonName(request.citizenId, 'citizen');
  const now = useNow();
  const over = msUntil(request.expiresAt, now) === 0;
  return (
    <li className="hb-connections__row" data-testid="incoming-request">
      <Person accountId={request.citizenId} role="citizen">
        <p className="hb-person__meta">
          {request.kind === 'proximity'
            ? t('connections.incoming.proximity', { band: request.band ? bandLabel(t, request.band) : '' })
            : t('connections.incoming.virtual')}
        </p>
      </Person>
      {over ? (
        <p className="hb-connections__muted">{t('connections.incoming.expired')}</p>
      ) : (
        <>
          <CountdownTimer until={request.expiresAt} label={t('connections.incoming.timeLeft')} />
          <div className="hb-connections__actions">
            <Button loading={busy === 'accept'} aria-disabled={busy === 'decline' || undefined} onClick={() => onDecide(request, 'accept')} aria-label={t('connections.incoming.acceptLabel', { name })}>
              {t('connections.incoming.accept')}
            </Button>
            <Button variant="secondary" loading={busy === 'decline'} aria-disabled={busy === 'accept' || undefined} onClick={() => onDecide(request, 'decline')} aria-label={t('connections.incoming.declineLabel', { name })}>
              {t('connections.incoming.decline')}
            </Button>
          </div>
        </>
      )}
    </li>
  );
}

/** The officer's incoming requests: who asks, how far, time left, accept or decline. */
export function IncomingRequests() {
  const { t } = useTranslation();
  const titleId = useId();
  const { state, dispatch, session } = useSignedInConnections();
  const [busy, setBusy] = useState<{ id: string; decision: 'accept' | 'decline' } | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const requests = [...state.incoming].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  async function decide(request: ConnectionRequest, decision: 'accept' | 'decline') {
    if (busy) return;
    setBusy({ id: request.id, decision });
    setError(undefined);
    try {
      if (decision === 'accept') {
        const accepted = await acceptRequest(session, request.id);
        dispatch({ type: 'request-changed', request: accepted.request });
        dispatch({ type: 'connection-made', connection: accepted.connection });
      } else {
        dispatch({ type: 'request-changed', request: await declineRequest(session, request.id) });
      }
    } catch (cause) {
      const failure = toApiError(cause);
      setError(failure);
      if (staleRequestCodes.has(failure.code)) {
        listRequests(session).then(
          ({ incoming, outgoing }) => dispatch({ type: 'requests-loaded', incoming, outgoing }),
          () => {
            // The socket's next update will tidy the list.
          },
        );
      }
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Card className="hb-connections__card" aria-labelledby={titleId} data-testid="incoming-requests">
      <h2 id={titleId} className="hb-card__title hb-connections__title">
        <InboxIcon size={20} />
        {t('connections.incoming.title')}
      </h2>
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {errorMessage(t, error)}
        </Notice>
      ) : null}
      {requests.length === 0 ? (
        <p className="hb-connections__muted">{t('connections.incoming.empty')}</p>
      ) : (
        <ul className="hb-connections__list" aria-labelledby={titleId}>
          {requests.map((request) => (
            <IncomingRow key={request.id} request={request} busy={busy?.id === request.id ? busy.decision : undefined} onDecide={(r, d) => void decide(r, d)} />
          ))}
        </ul>
      )}
    </Card>
  );
}
