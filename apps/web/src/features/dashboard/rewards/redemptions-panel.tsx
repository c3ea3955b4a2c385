import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { listRedemptions } from '../../../api/partner-rewards.ts';
import { Badge, Button, DataTable, EmptyState, InboxIcon, LoadingState, RefreshIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { formatDate } from '../format.ts';
import { formatClock } from './clock.ts';
import { LoadMore } from './load-more.tsx';
import { RewardsLoadError } from './rewards-load-error.tsx';
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
  const titleId = useId();
  const redemptions = usePagedList(`redemptions:${organisationId}`, (page, signal) => listRedemptions(session, organisationId, page, signal), 50);
  const { state } = redemptions;
  return (
    <section className="hb-stack" aria-labelledby={titleId}>
      <div className="hb-dash-toolbar">
        <div className="hb-dash-card-head">
          <h2 id={titleId} className="hb-dash-section-title">
            {t('partnerRewards.redemptions.title')}
          </h2>
          <p className="hb-dash-muted">{t('partnerRewards.redemptions.description')}</p>
        </div>
        <div className="hb-dash-actions">
          {state.kind === 'ready' ? (
            <Button variant="secondary" size="sm" icon={<RefreshIcon />} loading={state.reloading} onClick={redemptions.reload}>
              {t('partnerRewards.common.refresh')}
            </Button>
          ) : null}
        </div>
      </div>
      {state.kind === 'loading' ? <LoadingState label={t('partnerRewards.redemptions.loading')} /> : null}
      {state.kind === 'error' ? <RewardsLoadError title={t('partnerRewards.redemptions.errorTitle')} error={state.error} onRetry={redemptions.reload} /> : null}
      {state.kind === 'ready' && state.data.items.length === 0 ? (
        <EmptyState icon={<InboxIcon size={32} />} title={t('partnerRewards.redemptions.emptyTitle')} headingLevel={3}>
          <p>{t('partnerRewards.redemptions.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {state.kind === 'ready' && state.data.items.length > 0 ? (
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
            {state.data.items.map((voucher) => (
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
      ) : null}
      <LoadMore list={redemptions} />
    </section>
  );
}
