import { useTranslation } from 'react-i18next';
import { listRedemptions } from '../../../api/partner-rewards.ts';
import { Badge, DataTable, InboxIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { formatDate } from '../format.ts';
import { formatClock } from './clock.ts';
import { ListPanel } from './list-panel.tsx';
import { pointsLabel, voucherStatusLabel, voucherStatusTone } from './rewards-labels.ts';
import { usePagedList } from './use-paged-list.ts';

/** When something happened: the date, and the time under it. */
function When({ iso }: { iso: string | null }) {
  const { i18n } = useTranslation();
  if (!iso) return <span className="hb-table__muted">—</span>;
  return (
    <time dateTime={iso} className="hb-dash-cell-nowrap">
      {formatDate(iso, i18n.language)}
      <br />
      <span className="hb-table__muted">{formatClock(iso, i18n.language)}</span>
    </time>
  );
}

/** The vouchers issued for the organisation's offers: issued, used, cancelled… newest first. */
export function RedemptionsPanel({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const redemptions = usePagedList(`redemptions:${organisationId}`, (page, signal) => listRedemptions(session, organisationId, page, signal), 50);
  return (
    <ListPanel
      words="redemptions"
      list={redemptions}
      emptyIcon={<InboxIcon size={32} />}
      renderItems={(items) => (
        <DataTable caption={t('partnerRewards.redemptions.title')} captionHidden dense>
          <thead>
            <tr>
              <th scope="col">{t('partnerRewards.redemptions.columns.offer')}</th>
              <th scope="col">{t('partnerRewards.redemptions.columns.points')}</th>
              <th scope="col">{t('partnerRewards.redemptions.columns.status')}</th>
              <th scope="col">{t('partnerRewards.redemptions.columns.issued')}</th>
              <th scope="col">{t('partnerRewards.redemptions.columns.validUntil')}</th>
              <th scope="col">{t('partnerRewards.redemptions.columns.used')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((voucher) => (
              <tr key={voucher.id} data-status={voucher.status}>
                <th scope="row" className="hb-dash-cell-wrap">
                  <span className="hb-dash-cell-strong">{voucher.offerTitle}</span>
                  {voucher.externalCode ? (
                    <>
                      <br />
                      <code className="hb-table__mono hb-table__muted">{voucher.externalCode}</code>
                    </>
                  ) : null}
                </th>
                <td className="hb-dash-cell-nowrap">{pointsLabel(t, voucher.points, i18n.language)}</td>
                <td>
                  <Badge tone={voucherStatusTone(voucher.status)}>{voucherStatusLabel(t, voucher.status)}</Badge>
                </td>
                <td>
                  <When iso={voucher.issuedAt} />
                </td>
                <td>
                  <When iso={voucher.validUntil} />
                </td>
                <td>
                  <When iso={voucher.usedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    />
  );
}
