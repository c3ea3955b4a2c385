import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/rewards.ts';
import { ConnectionsMap } from '../connections/connections-map.tsx';
import type { MapArea, MapPoint } from '../connections/connections-map.tsx';

/** How big a shop's marker is drawn, in metres. */
const markerM = 40;

/** Each place an offer can be used, as a small circle named after the offer and the place. */
export function offerAreas(offers: readonly Offer[]): MapArea[] {
  return offers.flatMap((offer) =>
    offer.locations.map((location, index) => ({ id: `${offer.id}:${index}`, lat: location.lat, lon: location.lon, radiusM: markerM, label: `${offer.title} — ${location.name}` })),
  );
}

/** The offers' locations on the app's map (the list beside it holds the same offers). */
export function OffersMap({ offers, own }: { offers: readonly Offer[]; own: { lat: number; lon: number; accuracy: number } | undefined }) {
  const { t } = useTranslation();
  const areas = useMemo(() => offerAreas(offers), [offers]);
  const you = useMemo<MapPoint | undefined>(() => (own ? { ...own, label: t('rewards.offers.you') } : undefined), [own, t]);
  if (areas.length === 0 && !you) return <p className="hb-rewards-muted">{t('rewards.offers.mapNoLocations')}</p>;
  return <ConnectionsMap label={t('rewards.offers.mapLabel')} own={you} areas={areas} />;
}
