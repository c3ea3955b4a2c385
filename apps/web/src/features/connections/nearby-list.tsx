import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { askToConnect } from '../../api/connections.ts';
import type { NearbyOfficer } from '../../api/connections.ts';
import { AlertIcon, Badge, Button, CheckIcon, Notice } from '../../ui/index.ts';
import { bandLabel } from './band.ts';
import { connectionErrorMessage } from './connection-messages.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { pendingRequestTo } from './connections-state.ts';
import { Person } from './person.tsx';
import { usePersonName } from './use-public-profile.ts';

function NearbyRow({ officer }: { officer: NearbyOfficer }) {
  const { t } = useTranslation();
  const { state, dispatch, session } = useSignedInConnections();
  const { name } = usePersonName(officer.officerId, 'officer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const pending = pendingRequestTo(state, officer.officerId);

  async function ask() {
    setBusy(true);
    setError(undefined);
    try {
      dispatch({ type: 'request-changed', request: await askToConnect(session, officer.officerId, 'proximity') });
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="hb-connections__row" data-testid="nearby-officer">
      <div className="hb-connections__row-main">
        <Person accountId={officer.officerId} role="officer">
          <p className="hb-person__meta">{officer.precinctName}</p>
          <p className="hb-person__meta">
            <Badge tone="primary">{bandLabel(t, officer.band)}</Badge>
            {officer.virtual ? <span className="hb-connections__aside"> · {t('connections.nearby.alsoVirtual')}</span> : null}
          </p>
        </Person>
        {pending ? (
          <span className="hb-connections__done">
            <CheckIcon size={18} />
            {t('connections.nearby.asked')}
          </span>
        ) : (
          <Button size="sm" loading={busy} onClick={() => void ask()} aria-label={t('connections.nearby.askLabel', { name })}>
            {t('connections.nearby.ask')}
          </Button>
        )}
      </div>
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {connectionErrorMessage(t, error)}
        </Notice>
      ) : null}
    </li>
  );
}

/** The officers near the citizen, nearest first, each with a button to ask to connect. */
export function NearbyList({ officers }: { officers: readonly NearbyOfficer[] }) {
  return (
    <ul className="hb-connections__list" data-testid="nearby-list">
      {officers.map((officer) => (
        <NearbyRow key={officer.officerId} officer={officer} />
      ))}
    </ul>
  );
}
