import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/rewards.ts';
import { Badge, CheckCircleIcon } from '../../ui/index.ts';
import { affordability, affordText } from './affordability.ts';
import { CatalogueArt } from './catalogue-art.tsx';
import { categoryLabel } from './offer-category.ts';
import { usePointsText } from './points-text.ts';

/** Few enough vouchers left to say so. */
const fewLeft = 10;

/** An offer in the catalogue: its picture (or its category's artwork), what and from whom, its price and whether the wallet covers it. */
export function OfferCard({ offer, balance }: { offer: Offer; balance: number | undefined }) {
  const { t, i18n } = useTranslation();
  const points = usePointsText();
  const km = offer.distanceKm === null ? undefined : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(offer.distanceKm);
  const verdict = balance === undefined ? undefined : affordability(offer.pricePoints, balance);
  return (
    <article className="hb-offer-card" data-testid="offer" data-category={offer.category}>
      <div className="hb-offer-card__media">
        {offer.imageUrl ? <img className="hb-offer-card__image" src={offer.imageUrl} alt="" width={800} height={500} loading="lazy" decoding="async" /> : <CatalogueArt of={offer.category} />}
        <span className="hb-offer-card__category">{categoryLabel(t, offer.category)}</span>
      </div>
      <div className="hb-offer-card__body">
        <h3 className="hb-offer-card__title">
          <Link to={`/rewards/offers/${encodeURIComponent(offer.id)}`} className="hb-offer-card__link">
            {offer.title}
          </Link>
        </h3>
        <p className="hb-offer-card__by">
          {offer.organisationName}
          {km ? <span className="hb-offer-card__distance"> · {t('rewards.offers.distance', { km })}</span> : null}
        </p>
        <p className="hb-offer-card__price">{points(offer.pricePoints)}</p>
        {verdict && balance !== undefined ? (
          <p className="hb-offer-card__afford" data-affordable={verdict.canAfford} data-testid="offer-afford">
            {verdict.canAfford ? <CheckCircleIcon size={16} /> : null}
            {affordText(t, i18n.language, offer.pricePoints, balance)}
          </p>
        ) : null}
        {offer.stockLeft === 0 || offer.stockLeft <= fewLeft || offer.kind === 'scheme' ? (
          <p className="hb-rewards-badges">
            {offer.kind === 'scheme' ? <Badge tone="primary">{t('rewards.offers.scheme')}</Badge> : null}
            {offer.stockLeft === 0 ? <Badge tone="danger">{t('rewards.offers.soldOut')}</Badge> : offer.stockLeft <= fewLeft ? <Badge tone="warning">{t('rewards.offers.stock', { count: offer.stockLeft })}</Badge> : null}
          </p>
        ) : null}
      </div>
    </article>
  );
}
