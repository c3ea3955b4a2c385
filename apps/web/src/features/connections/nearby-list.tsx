import { useTranslation } from 'react-i18next';
import type { NearbyOfficer } from '../../api/connections.ts';
import { AlertIcon, Badge, Button, CheckIcon, Notice } from '../../ui/index.ts';
import { bandLabel } from './band.ts';
import { connectionErrorMessage } from './connection-messages.ts';
import { Person } from './person.tsx';
import { useAskToConnect } from './use-ask-to-connect.ts';

function NearbyRow({ officer }: { officer: NearbyOfficer }) {
  const { t } = useTranslation();
  const { name, pending, busy, error, ask } = useAskToConnect(officer.officerId, 'proximity');

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
