import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { cancelRequest } from '../../api/connections.ts';
import type { ConnectionRequest } from '../../api/connections.ts';
import { AlertIcon, Badge, Button, Card, CheckCircleIcon, Notice } from '../../ui/index.ts';
import { bandLabel } from './band.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { msUntil } from './countdown.ts';
import { CountdownTimer } from './countdown-timer.tsx';
import { Person } from './person.tsx';
import { useNow } from './use-now.ts';
import { usePersonName } from './use-public-profile.ts';

/** What the citizen sees of one request: pending shows the wait; anything else shows how it ended. */
function RequestCard({ request }: { request: ConnectionRequest }) {
  const { t } = useTranslation();
  const { dispatch, session } = useSignedInConnections();
  const { name } = usePersonName(request.officerId, 'officer');
  const now = useNow(request.status === 'pending');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  // The server says when it expires; until its message arrives, a request past its time reads as expired.
  const status = request.status === 'pending' && msUntil(request.expiresAt, now) === 0 ? 'expired' : request.status;

  async function cancel() {
    setBusy(true);
    setError(undefined);
    try {
      dispatch({ type: 'request-changed', request: await cancelRequest(session, request.id) });
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  const dismiss = () => dispatch({ type: 'request-dismissed', id: request.id });
  const outcome = (() => {
    switch (status) {
      case 'pending':
        return { title: t('connections.request.waitingTitle', { name }), body: t('connections.request.waitingBody') };
      case 'accepted':
        return {
          title: t('connections.request.acceptedTitle', { name }),
          body: request.kind === 'proximity' ? t('connections.request.acceptedProximity') : t('connections.request.acceptedVirtual'),
        };
      case 'declined':
        return { title: t('connections.request.declinedTitle', { name }), body: t('connections.request.declinedBody') };
      case 'expired':
        return { title: t('connections.request.expiredTitle'), body: t('connections.request.expiredBody', { name }) };
      case 'cancelled':
        return { title: t('connections.request.cancelledTitle'), body: t('connections.request.cancelledBody', { name }) };
    }
  })();

  return (
    <Card className="hb-connections__card" data-testid="outgoing-request" data-status={status}>
      <Person accountId={request.officerId} role="officer">
        <p className="hb-person__meta">
          <Badge tone="neutral">{request.kind === 'proximity' ? t('connections.request.proximity') : t('connections.request.virtual')}</Badge>
          {request.band ? <span className="hb-connections__aside"> · {bandLabel(t, request.band)}</span> : null}
        </p>
      </Person>
      <div role="status" className="hb-connections__outcome">
        <h2 className="hb-card__title">
          {status === 'accepted' ? <CheckCircleIcon size={20} /> : null}
          {outcome.title}
        </h2>
        <p>{outcome.body}</p>
      </div>
      {status === 'pending' ? (
        <>
          <CountdownTimer until={request.expiresAt} label={t('connections.request.timeLeft')} />
          <div className="hb-connections__actions">
            <Button variant="secondary" loading={busy} onClick={() => void cancel()}>
              {t('connections.request.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <div className="hb-connections__actions">
          <Button variant="secondary" onClick={dismiss}>
            {t('connections.request.dismiss')}
          </Button>
        </div>
      )}
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {errorMessage(t, error)}
        </Notice>
      ) : null}
    </Card>
  );
}

/** The citizen's requests: waiting (with time left and cancel), then accepted, declined or expired. */
export function OutgoingRequests() {
  const { state } = useSignedInConnections();
  if (state.outgoing.length === 0) return null;
  return (
    <>
      {state.outgoing.map((request) => (
        <RequestCard key={request.id} request={request} />
      ))}
    </>
  );
}
