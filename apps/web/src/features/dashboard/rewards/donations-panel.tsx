import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { listDonations } from '../../../api/partner-rewards.ts';
import { Button, DataTable, EmptyState, GiftIcon, LoadingState, RefreshIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { formatDate } from '../format.ts';
import { formatClock } from './clock.ts';
import { LoadMore } from './load-more.tsx';
import { RewardsLoadError } from './rewards-load-error.tsx';
import { pointsLabel } from './rewards-labels.ts';
import { StatementDownload } from './statement-download.tsx';
import { usePagedList } from './use-paged-list.ts';

/** The donations a charity received, newest first, beside the monthly statement download. */
export function DonationsPanel({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const titleId = useId();
  const donations = usePagedList(`donations:${organisationId}`, (page, signal) => listDonations(session, organisationId, page, signal), 50);
  const { state } = donations;
  const language = i18n.language;
  return (
    <div className="hb-dash-columns">
      <section className="hb-stack" aria-labelledby={titleId}>
        <div className="hb-dash-toolbar">
          <div className="hb-dash-card-head">
            <h2 id={titleId} className="hb-dash-section-title">
              {t('partnerRewards.donations.title')}
            </h2>
            <p className="hb-dash-muted">{t('partnerRewards.donations.description')}</p>
          </div>
          {state.kind === 'ready' ? (
            <Button variant="secondary" size="sm" icon={<RefreshIcon />} loading={state.reloading} onClick={donations.reload}>
              {t('partnerRewards.common.refresh')}
            </Button>
          ) : null}
        </div>
        {state.kind === 'loading' ? <LoadingState label={t('partnerRewards.donations.loading')} /> : null}
        {state.kind === 'error' ? <RewardsLoadError title={t('partnerRewards.donations.errorTitle')} error={state.error} onRetry={donations.reload} /> : null}
        {state.kind === 'ready' && state.data.items.length === 0 ? (
          <EmptyState icon={<GiftIcon size={32} />} title={t('partnerRewards.donations.emptyTitle')} headingLevel={3}>
            <p>{t('partnerRewards.donations.emptyBody')}</p>
          </EmptyState>
        ) : null}
        {state.kind === 'ready' && state.data.items.length > 0 ? (
          <DataTable caption={t('partnerRewards.donations.title')} captionHidden dense>
            <thead>
              <tr>
                <th scope="col">{t('partnerRewards.donations.columns.when')}</th>
                <th scope="col">{t('partnerRewards.donations.columns.cause')}</th>
                <th scope="col">{t('partnerRewards.donations.columns.points')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((donation) => (
                <tr key={donation.id}>
                  <td className="hb-dash-cell-nowrap">
                    <time dateTime={donation.at}>
                      {formatDate(donation.at, language)} <span className="hb-table__muted">{formatClock(donation.at, language)}</span>
                    </time>
                  </td>
                  <th scope="row" className="hb-dash-cell-wrap">
                    {donation.causeTitle}
                  </th>
                  <td className="hb-dash-cell-nowrap">{pointsLabel(t, donation.points, language)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : null}
        <LoadMore list={donations} />
      </section>
      <StatementDownload organisationId={organisationId} organisationName={organisationName} />
    </div>
  );
}
