import { ChartIcon } from '../../ui';
import { DashboardSectionPage } from './dashboard-section-page';

/** Uptake, donations and participation reports. */
export function ReportsPage() {
  return <DashboardSectionPage section="reports" icon={<ChartIcon size={32} />} />;
}
