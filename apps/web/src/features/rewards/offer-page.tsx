import { useId } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArrowLeftIcon, ButtonLink, Card, ErrorState, LoadingState } from '../../ui/index.ts';
import { BalanceLine } from './balance-line.tsx';
import { OfferFacts } from './offer-facts.tsx';
import { OfferLocations } from './offer-locations.tsx';
import { RedeemSection } from './redeem-section.tsx';
import { useRewards } from './rewards-context.tsx';
import { rewardsErrorMessage } from './rewards-messages.ts';
import { useOffer } from './use-offer.ts';

/** `/rewards/offers/:offerId`: an offer in full, and the way to redeem it. */
export function OfferPage() {
  const { t } = useTranslation();
  const titleId = useId();
  const { offerId = '' } = useParams();
  const { session } = useRewards();
  const { state, reload } = useOffer(session, offerId);
  return (
    <>
      <div>
        <ButtonLink to="/rewards/offers" variant="ghost" size="sm" icon={<ArrowLeftIcon size={18} />}>
          {t('rewards.offer.backToOffers')}
        </ButtonLink>
      </div>
      <Card className="hb-rewards-card" aria-labelledby={state.status === 'ready' ? titleId : undefined} data-testid="offer-card">
        {state.status === 'loading' ? <LoadingState label={t('rewards.offer.loading')} /> : null}
        {state.status === 'error' ? (
          <ErrorState title={t('rewards.offer.loadFailed')} retryLabel={t('rewards.common.retry')} onRetry={reload} details={[{ label: t('rewards.common.errorCode'), value: state.error.code }]}>
            <p>{rewardsErrorMessage(t, state.error)}</p>
          </ErrorState>
        ) : null}
        {state.status === 'ready' ? (
          <>
            <div>
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
      </Card>
    </>
  );
}
