import { useId } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BalanceLine } from './balance-line.tsx';
import { CatalogueArt } from './catalogue-art.tsx';
import { DetailCard } from './detail-card.tsx';
import { OfferFacts } from './offer-facts.tsx';
import { categoryLabel } from './offer-category.ts';
import { OfferLocations } from './offer-locations.tsx';
import { RedeemSection } from './redeem-section.tsx';
import { useRewards } from './rewards-context.tsx';
import { useOffer } from './use-offer.ts';

/** `/rewards/offers/:offerId`: an offer in full (its picture first), and the way to redeem it. */
export function OfferPage() {
  const { t } = useTranslation();
  const titleId = useId();
  const { offerId = '' } = useParams();
  const { session } = useRewards();
  const { state, reload } = useOffer(session, offerId);
  return (
    <DetailCard
      back={{ to: '/rewards/offers', label: t('rewards.offer.backToOffers') }}
      load={state}
      onRetry={reload}
      loadingLabel={t('rewards.offer.loading')}
      errorTitle={t('rewards.offer.loadFailed')}
      titleId={titleId}
      testId="offer-card"
    >
      {state.status === 'ready' ? (
        <>
          <div className="hb-offer-hero">
            {state.offer.imageUrl ? <img src={state.offer.imageUrl} alt="" width={800} height={500} decoding="async" /> : <CatalogueArt of={state.offer.category} />}
          </div>
          <div>
            <p className="hb-rewards-row__kind">{categoryLabel(t, state.offer.category)}</p>
            <h2 id={titleId} className="hb-card__title">
              {state.offer.title}
            </h2>
            <p className="hb-rewards-muted">{t('rewards.offer.by', { name: state.offer.organisationName })}</p>
          </div>
          {state.offer.description ? <p className="hb-rewards-description">{state.offer.description}</p> : null}
          <OfferFacts offer={state.offer} />
          <BalanceLine />
          <RedeemSection offer={state.offer} />
          <OfferLocations offer={state.offer} />
        </>
      ) : null}
    </DetailCard>
  );
}
