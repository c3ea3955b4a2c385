import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/rewards.ts';
import { formatDate, formatNumber } from '../../i18n/format-date.ts';
import { usePointsText } from './points-text.ts';

/** Price, stock, dates, the per-person limit and where to use it, as a description list. */
export function OfferFacts({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const points = usePointsText();
  const start = formatDate(offer.startsAt, i18n.language, 'medium');
  const available = offer.endsAt ? t('rewards.offer.fromTo', { start, end: formatDate(offer.endsAt, i18n.language, 'medium') }) : t('rewards.offer.from', { start });
  return (
    <>
      <dl className="hb-rewards-facts" data-testid="offer-facts">
        <div>
          <dt>{t('rewards.offer.price')}</dt>
          <dd data-testid="offer-price">{points(offer.pricePoints)}</dd>
        </div>
        <div>
          <dt>{t('rewards.offer.stock')}</dt>
          <dd>{offer.stockLeft === 0 ? t('rewards.offers.soldOut') : formatNumber(offer.stockLeft, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('rewards.offer.perUserLimit')}</dt>
          <dd>{offer.perUserLimit === null ? t('rewards.offer.noLimit') : t('rewards.offer.perUserLimitValue', { count: offer.perUserLimit })}</dd>
        </div>
        <div>
          <dt>{t('rewards.offer.available')}</dt>
          <dd>{available}</dd>
        </div>
      </dl>
      <p className="hb-rewards-muted">{t('rewards.offer.validity', { count: offer.voucherValidDays })}</p>
      {offer.external ? <p className="hb-rewards-muted">{t('rewards.offer.external')}</p> : null}
    </>
  );
}
