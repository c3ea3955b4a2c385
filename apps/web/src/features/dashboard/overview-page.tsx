import { OverviewIcon } from '../../ui';
import { ServerStatusCard } from '../status/server-status-card';
import { DashboardSectionPage } from './dashboard-section-page';

/** The dashboard's landing page. */
export function OverviewPage() {
  return (
    <DashboardSectionPage section="overview" icon={<OverviewIcon size={32} />}>
      <ServerStatusCard />
    </DashboardSectionPage>
  );
}
