import { TagIcon } from '../../ui/index.ts';
import { DashboardSectionPage } from './dashboard-section-page.tsx';

/** Offers, schemes and causes that points can buy. */
export function CataloguePage() {
  return <DashboardSectionPage section="catalogue" icon={<TagIcon size={32} />} />;
}
