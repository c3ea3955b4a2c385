import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/rewards.ts';
import { OffersMap } from './offers-map.tsx';

/** Where the offer can be used: the places by name, and on the map. */
export function OfferLocations({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const titleId = useId();
  const shown = useMemo(() => [offer], [offer]);
  return (
    <section className="hb-rewards-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="hb-rewards-section__title">
        {t('rewards.offer.locations')}
      </h3>
      {offer.locations.length === 0 ? (
        <p className="hb-rewards-muted">{t('rewards.offer.noLocations')}</p>
      ) : (
        <>
          <ul className="hb-rewards-places">
            {offer.locations.map((location, index) => (
              <li key={`${location.name}-${index}`}>{location.name}</li>
            ))}
          </ul>
          <OffersMap offers={shown} own={undefined} />
        </>
      )}
    </section>
  );
}
