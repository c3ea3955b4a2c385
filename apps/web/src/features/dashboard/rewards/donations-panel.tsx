import { useTranslation } from 'react-i18next';
import { listDonations } from '../../../api/partner-rewards.ts';
import { DataTable, GiftIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { formatDate } from '../format.ts';
import { formatClock } from './clock.ts';
import { ListPanel } from './list-panel.tsx';
import { pointsLabel } from './rewards-labels.ts';
import { StatementDownload } from './statement-download.tsx';
import { usePagedList } from './use-paged-list.ts';

/** The donations a charity received, newest first, beside the monthly statement download. */
export function DonationsPanel({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const donations = usePagedList(`donations:${organisationId}`, (page, signal) => listDonations(session, organisationId, page, signal), 50);
  const language = i18n.language;
  return (
    <div className="hb-dash-columns">
      <ListPanel
        words="donations"
        list={donations}
        emptyIcon={<GiftIcon size={32} />}
        renderItems={(items) => (
          <DataTable caption={t('partnerRewards.donations.title')} captionHidden dense>
            <thead>
              <tr>
                <th scope="col">{t('partnerRewards.donations.columns.when')}</th>
                <th scope="col">{t('partnerRewards.donations.columns.cause')}</th>
                <th scope="col">{t('partnerRewards.donations.columns.points')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((donation) => (
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
        )}
      />
      <StatementDownload organisationId={organisationId} organisationName={organisationName} />
    </div>
  );
}
