import { BuildingIcon } from '../../ui/index.ts';
import { DashboardSectionPage } from './dashboard-section-page.tsx';

/** Partner organisations and their members. */
export function OrganisationsPage() {
  return <DashboardSectionPage section="organisations" icon={<BuildingIcon size={32} />} />;
}
