import { BuildingIcon } from '../../ui';
import { DashboardSectionPage } from './dashboard-section-page';

/** Partner organisations and their members. */
export function OrganisationsPage() {
  return <DashboardSectionPage section="organisations" icon={<BuildingIcon size={32} />} />;
}
