import { useTranslation } from 'react-i18next';
import type { NearbyOfficer } from '../../api/connections.ts';
import { Badge } from '../../ui/index.ts';
import { AskOfficerRow } from './ask-officer-row.tsx';
import { bandLabel } from './band.ts';

function NearbyRow({ officer }: { officer: NearbyOfficer }) {
  const { t } = useTranslation();
  return (
    <AskOfficerRow officerId={officer.officerId} kind="proximity" testId="nearby-officer" askText={t('connections.nearby.ask')} askLabel={(name) => t('connections.nearby.askLabel', { name })}>
      <p className="hb-person__meta">{officer.precinctName}</p>
      <p className="hb-person__meta">
        <Badge tone="primary">{bandLabel(t, officer.band)}</Badge>
        {officer.virtual ? <span className="hb-connections__aside"> · {t('connections.nearby.alsoVirtual')}</span> : null}
      </p>
    </AskOfficerRow>
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
