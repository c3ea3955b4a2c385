import { ChartIcon } from '../../ui/index.ts';
import { DashboardSectionPage } from './dashboard-section-page.tsx';

/** Uptake, donations and participation reports. */
export function ReportsPage() {
  return <DashboardSectionPage section="reports" icon={<ChartIcon size={32} />} />;
}
