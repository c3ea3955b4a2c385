import { useTranslation } from 'react-i18next';
import { listOrganisationOffers } from '../../../api/partner-rewards.ts';
import { Badge, DataTable } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { formatNumber } from '../format.ts';
import { categoryLabel } from '../../rewards/offer-category.ts';
import { CatalogueList } from './catalogue-list.tsx';
import { PictureThumb } from './picture-thumb.tsx';
import { offerStatusLabel, offerStatusTone, pointsLabel } from './rewards-labels.ts';
import { usePagedList } from './use-paged-list.ts';

/** A shop's offers or a municipality's schemes as the catalogue lists them: picture, title, category, price, vouchers left, status. */
export function CatalogueOffers({ organisationId, kind, caption }: { organisationId: string; kind: 'offers' | 'schemes'; caption: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const list = usePagedList(`catalogue-offers:${organisationId}`, (page, signal) => listOrganisationOffers(session, organisationId, page, signal));
  return (
    <CatalogueList kind={kind} list={list}>
      {(offers) => (
        <DataTable caption={caption} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('partnerRewards.offers.columns.offer')}</th>
              <th scope="col">{t('partnerRewards.offers.columns.price')}</th>
              <th scope="col">{t('partnerRewards.offers.columns.stockLeft')}</th>
              <th scope="col">{t('partnerRewards.offers.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((offer) => (
              <tr key={offer.id} data-testid="catalogue-offer">
                <th scope="row" className="hb-dash-cell-wrap">
                  <span className="hb-pr-pictured">
                    <PictureThumb url={offer.imageUrl} art={offer.category} />
                    <span>
                      <span className="hb-dash-cell-strong">{offer.title}</span>
                      <br />
                      <span className="hb-table__muted">{categoryLabel(t, offer.category)}</span>
                    </span>
                  </span>
                </th>
                <td className="hb-dash-cell-nowrap">{pointsLabel(t, offer.pricePoints, i18n.language)}</td>
                <td className="hb-dash-cell-nowrap">{offer.stockLeft === 0 ? <Badge tone="danger">{t('partnerRewards.offers.soldOut')}</Badge> : formatNumber(offer.stockLeft, i18n.language)}</td>
                <td>
                  <Badge tone={offerStatusTone(offer.status)}>{offerStatusLabel(t, offer.status)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </CatalogueList>
  );
}
