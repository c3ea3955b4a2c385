import type { TFunction } from 'i18next';
import { GiftIcon, InboxIcon, TagIcon, ChartIcon } from '../../../ui/index.ts';
import type { Tab } from '../tabs.tsx';
import { rewardsTabsFor } from './rewards-paths.ts';
import type { RewardsTab } from './rewards-paths.ts';

/** The rewards tabs an organisation of `type` has: offers (schemes) and redemptions, or causes and donations. */
export function rewardsTabs(t: TFunction, type: string): Array<Tab<RewardsTab>> {
  const scheme = type === 'municipality';
  const all: Record<RewardsTab, Tab<RewardsTab>> = {
    offers: { key: 'offers', label: scheme ? t('partnerRewards.tabs.schemes') : t('partnerRewards.tabs.offers'), icon: <TagIcon size={20} /> },
    redemptions: { key: 'redemptions', label: t('partnerRewards.tabs.redemptions'), icon: <InboxIcon size={20} /> },
    causes: { key: 'causes', label: t('partnerRewards.tabs.causes'), icon: <GiftIcon size={20} /> },
    donations: { key: 'donations', label: t('partnerRewards.tabs.donations'), icon: <ChartIcon size={20} /> },
  };
  return rewardsTabsFor(type).map((key) => all[key]);
}

/** Whether a `?tab=` value is one of the rewards tabs. */
export function isRewardsTab(value: string | null): value is RewardsTab {
  return value === 'offers' || value === 'redemptions' || value === 'causes' || value === 'donations';
}
