import { useTranslation } from 'react-i18next';
import type { Offer, OfferStatus } from '../../../api/partner-rewards.ts';
import { Badge, DataTable } from '../../../ui/index.ts';
import { formatDate, formatNumber } from '../format.ts';
import { categoryLabel } from '../../rewards/offer-category.ts';
import { OfferRowActions } from './offer-row-actions.tsx';
import { PictureThumb } from './picture-thumb.tsx';
import { offerStatusLabel, offerStatusTone, pointsLabel } from './rewards-labels.ts';

export interface OffersTableProps {
  caption: string;
  offers: Offer[];
  pending: { offerId: string; status: OfferStatus } | undefined;
  onEdit: (offer: Offer) => void;
  onStock: (offer: Offer) => void;
  onStatus: (offer: Offer, status: OfferStatus) => void;
}

/** The organisation's offers: picture, price, stock left, dates, expiry policy, status and actions. */
export function OffersTable({ caption, offers, pending, onEdit, onStock, onStatus }: OffersTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <DataTable caption={caption} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('partnerRewards.offers.columns.offer')}</th>
          <th scope="col">{t('partnerRewards.offers.columns.price')}</th>
          <th scope="col">{t('partnerRewards.offers.columns.stockLeft')}</th>
          <th scope="col">{t('partnerRewards.offers.columns.dates')}</th>
          <th scope="col">{t('partnerRewards.offers.columns.status')}</th>
          <th scope="col">
            <span className="hb-visually-hidden">{t('partnerRewards.offers.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {offers.map((offer) => (
          <tr key={offer.id} data-status={offer.status}>
            <th scope="row" className="hb-dash-cell-wrap hb-pr-offer-cell">
              <span className="hb-pr-pictured">
                <PictureThumb url={offer.imageUrl} art={offer.category} />
                <span>
                  <span className="hb-dash-cell-strong">{offer.title}</span>
                  <br />
                  <span className="hb-table__muted">
                    {categoryLabel(t, offer.category)}
                    {offer.locations.length > 0 ? ` · ${t('partnerRewards.offers.locations', { count: offer.locations.length })}` : ''}
                  </span>
                  {offer.external ? (
                    <>
                      {' '}
                      <Badge tone="neutral">{t('partnerRewards.offers.external')}</Badge>
                    </>
                  ) : null}
                </span>
              </span>
            </th>
            <td className="hb-dash-cell-nowrap">{pointsLabel(t, offer.pricePoints, language)}</td>
            <td className="hb-dash-cell-nowrap" data-testid="stock-left">
              {offer.stockLeft === 0 ? <Badge tone="danger">{t('partnerRewards.offers.soldOut')}</Badge> : formatNumber(offer.stockLeft, language)}
              {offer.perUserLimit !== null ? (
                <>
                  <br />
                  <span className="hb-table__muted">{t('partnerRewards.offers.perUser', { count: offer.perUserLimit })}</span>
                </>
              ) : null}
            </td>
            <td className="hb-pr-dates-cell">
              <span>
                {offer.endsAt
                  ? t('partnerRewards.offers.fromUntil', { from: formatDate(offer.startsAt, language), until: formatDate(new Date(new Date(offer.endsAt).getTime() - 1).toISOString(), language) })
                  : t('partnerRewards.offers.fromOpen', { from: formatDate(offer.startsAt, language) })}
              </span>
              <br />
              <span className="hb-table__muted">{t('partnerRewards.offers.validDays', { count: offer.voucherValidDays })}</span>
            </td>
            <td>
              <Badge tone={offerStatusTone(offer.status)}>{offerStatusLabel(t, offer.status)}</Badge>
            </td>
            <td className="hb-dash-cell-actions">
              <OfferRowActions
                offer={offer}
                pendingStatus={pending?.offerId === offer.id ? pending.status : undefined}
                onEdit={() => onEdit(offer)}
                onStock={() => onStock(offer)}
                onStatus={(status) => onStatus(offer, status)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
