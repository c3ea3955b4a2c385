import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, CompassIcon, NearbyIcon } from '../../ui/index.ts';
import { compareNearby } from './band.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { ConnectionsMap } from './connections-map.tsx';
import type { MapArea } from './connections-map.tsx';
import { LocationStatus } from './location-status.tsx';
import { NearbyList } from './nearby-list.tsx';
import type { LocationSharing, SharingStatus } from './use-location-sharing.ts';

/** A rejected fix is shown this long, unless another replaces it. */
const rejectionShownMs = 15_000;

export interface NearbyCardProps {
  /** Location sharing as it stands (the page owns it: the meet map uses it too). */
  sharing: LocationSharing;
  /** The status to show: `denied` before asking when the browser already refuses. */
  status: SharingStatus;
  /** Whether the person wants to share. */
  wanted: boolean;
  onWantedChange: (wanted: boolean) => void;
  /** Opens the QR scanner: the way to connect without sharing a location. */
  onScan: () => void;
}

/** The citizen's view of who is near: location sharing, the map of coarse areas and the list. */
export function NearbyCard({ sharing, status, wanted, onWantedChange, onScan }: NearbyCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { state, dispatch } = useSignedInConnections();

  useEffect(() => {
    if (!state.rejection) return undefined;
    const timer = setTimeout(() => dispatch({ type: 'rejection-cleared' }), rejectionShownMs);
    return () => clearTimeout(timer);
  }, [state.rejection, dispatch]);

  const officers = useMemo(() => [...state.nearby].sort(compareNearby), [state.nearby]);
  const areas = useMemo<MapArea[]>(
    () =>
      officers.map((officer) => ({
        id: officer.officerId,
        lat: officer.area.centre.lat,
        lon: officer.area.centre.lon,
        radiusM: officer.area.radiusM,
        label: t('connections.map.officerArea', { precinct: officer.precinctName }),
      })),
    [officers, t],
  );
  const own = useMemo(() => (sharing.fix ? { ...sharing.fix, label: t('connections.map.you') } : undefined), [sharing.fix, t]);

  return (
    <Card className="hb-connections__card" aria-labelledby={titleId} data-testid="nearby-card">
      <h2 id={titleId} className="hb-card__title hb-connections__title">
        <NearbyIcon size={20} />
        {t('connections.nearby.title')}
      </h2>
      {status === 'off' ? (
        <>
          <p className="hb-connections__muted">{t('connections.location.intro')}</p>
          <div className="hb-connections__actions">
            <Button icon={<CompassIcon size={20} />} onClick={() => onWantedChange(true)}>
              {t('connections.location.start')}
            </Button>
          </div>
        </>
      ) : null}
      <LocationStatus status={status} fix={sharing.fix} rejection={state.rejection} />
      {status === 'denied' || status === 'unavailable' || status === 'unsupported' ? (
        <div className="hb-connections__actions">
          <Button variant="secondary" onClick={onScan}>
            {t('connections.qr.scan')}
          </Button>
        </div>
      ) : null}
      {own || officers.length > 0 ? (
        <ConnectionsMap
          label={t('connections.map.label')}
          own={own}
          areas={areas}
        />
      ) : null}
      {officers.length > 0 ? (
        <>
          <p className="hb-connections__count">{t('connections.nearby.count', { count: officers.length })}</p>
          <NearbyList officers={officers} />
        </>
      ) : null}
      {status === 'sharing' && officers.length === 0 ? (
        <div className="hb-connections__empty" data-testid="nearby-empty">
          <p className="hb-connections__empty-title">{t('connections.nearby.emptyTitle')}</p>
          <p className="hb-connections__muted">{t('connections.nearby.emptyBody')}</p>
        </div>
      ) : null}
      {wanted && (status === 'sharing' || status === 'asking' || status === 'paused') ? (
        <div className="hb-connections__actions">
          <Button variant="ghost" size="sm" onClick={() => onWantedChange(false)}>
            {t('connections.location.stop')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
