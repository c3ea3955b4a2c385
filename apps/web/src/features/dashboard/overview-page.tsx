import { OverviewIcon } from '../../ui/index.ts';
import { ServerStatusCard } from '../status/server-status-card.tsx';
import { DashboardSectionPage } from './dashboard-section-page.tsx';

/** The dashboard's landing page. */
export function OverviewPage() {
  return (
    <DashboardSectionPage section="overview" icon={<OverviewIcon size={32} />}>
      <ServerStatusCard />
    </DashboardSectionPage>
  );
}
