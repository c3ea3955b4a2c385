import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { bandLabel } from './band.ts';
import type { Announcement, ConnectionsState } from './connections-state.ts';

function sentence(t: TFunction, what: Announcement): string {
  switch (what.kind) {
    case 'officer-near':
      return t('connections.nearby.entered', { precinct: what.officer.precinctName, band: bandLabel(t, what.officer.band) });
    case 'officer-left':
      return t('connections.nearby.left');
    case 'request-received':
      return t('connections.incoming.received');
    case 'request-ended':
      return what.request.status === 'cancelled' ? t('connections.incoming.cancelled') : t('connections.incoming.expired');
  }
}

/**
 * A polite live region that reads out what happens on the socket ("An officer from the 5th Precinct
 * is within about 500 m"). It is always in the page, so that a change of its text is announced.
 */
export function AnnouncementRegion({ announcement }: { announcement: ConnectionsState['announcement'] }) {
  const { t } = useTranslation();
  return (
    <div className="hb-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="connections-announcer">
      {announcement ? <span key={announcement.id}>{sentence(t, announcement.what)}</span> : null}
    </div>
  );
}
