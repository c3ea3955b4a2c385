import { TagIcon } from '../../ui';
import { DashboardSectionPage } from './dashboard-section-page';

/** Offers, schemes and causes that points can buy. */
export function CataloguePage() {
  return <DashboardSectionPage section="catalogue" icon={<TagIcon size={32} />} />;
}
