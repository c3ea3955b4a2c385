import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyOrganisation } from '../../../api/organisations.ts';
import { hasTill, organisationTabPath, rewardsTabsFor, tillPath } from './rewards-paths.ts';
import { rewardsTabs } from './rewards-tabs.tsx';

/**
 * On an approved organisation's card: straight to its rewards tabs (and its till, for a shop or
 * municipality). The card's heading names the organisation, so the links say only where they go.
 */
export function OrganisationRewardsLinks({ organisation }: { organisation: Pick<MyOrganisation, 'id' | 'name' | 'type' | 'status'> }) {
  const { t } = useTranslation();
  if (organisation.status !== 'active' || rewardsTabsFor(organisation.type).length === 0) return null;
  return (
    <p className="hb-pr-quick-links">
      {rewardsTabs(t, organisation.type).map((tab) => (
        <Link key={tab.key} to={organisationTabPath(organisation.id, tab.key)}>
          {tab.label}
        </Link>
      ))}
      {hasTill(organisation.type) ? (
        <Link to={tillPath(organisation.id)}>
          {t('partnerRewards.quickLinks.till')}
        </Link>
      ) : null}
    </p>
  );
}
