import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/rewards.ts';
import { Badge } from '../../ui/index.ts';
import { usePointsText } from './points-text.ts';

/** An offer in a list: what, from whom, its price, how many are left and how far. */
export function OfferRow({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const points = usePointsText();
  const km = offer.distanceKm === null ? undefined : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(offer.distanceKm);
  return (
    <div className="hb-rewards-row" data-testid="offer">
      <div className="hb-rewards-row__main">
        <Link to={`/rewards/offers/${encodeURIComponent(offer.id)}`} className="hb-rewards-row__link">
          {offer.title}
        </Link>
        <p className="hb-rewards-muted">{offer.organisationName}</p>
        <p className="hb-rewards-badges">
          <Badge>{offer.category}</Badge>
          {offer.kind === 'scheme' ? <Badge tone="primary">{t('rewards.offers.scheme')}</Badge> : null}
          {offer.stockLeft === 0 ? <Badge tone="danger">{t('rewards.offers.soldOut')}</Badge> : <Badge tone="success">{t('rewards.offers.stock', { count: offer.stockLeft })}</Badge>}
          {km ? <Badge tone="primary">{t('rewards.offers.distance', { km })}</Badge> : null}
        </p>
      </div>
      <p className="hb-rewards-row__points">{points(offer.pricePoints)}</p>
    </div>
  );
}
