import { useTranslation } from 'react-i18next';
import { getOrganisationSummary } from '../../../api/partner-rewards.ts';
import { LoadingState } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useResource } from '../use-resource.ts';
import { CausesPanel } from './causes-panel.tsx';
import { DonationsPanel } from './donations-panel.tsx';
import { OffersPanel } from './offers-panel.tsx';
import { RedemptionsPanel } from './redemptions-panel.tsx';
import { RewardsLoadError } from './rewards-load-error.tsx';
import type { RewardsTab } from './rewards-paths.ts';
import { RewardsSummaryLine } from './rewards-summary-line.tsx';
import './rewards.css';

export interface OrganisationRewardsPanelProps {
  tab: RewardsTab;
  organisationId: string;
  organisationName: string;
  type: string;
}

/**
 * One rewards tab of an organisation's page. The organisation's rewards summary loads first: until
 * Rewards has heard of a newly approved organisation, that says so (with a retry) instead of each list failing.
 */
export function OrganisationRewardsPanel({ tab, organisationId, organisationName, type }: OrganisationRewardsPanelProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const summary = useResource(`rewards-summary:${organisationId}`, (signal) => getOrganisationSummary(session, organisationId, signal));
  const { state } = summary;
  if (state.kind === 'loading') return <LoadingState label={t('partnerRewards.common.loadingSummary')} />;
  if (state.kind === 'error') return <RewardsLoadError title={t('partnerRewards.common.summaryErrorTitle')} error={state.error} onRetry={summary.reload} />;
  return (
    <div className="hb-stack">
      <RewardsSummaryLine summary={state.data} />
      {tab === 'offers' ? <OffersPanel organisationId={organisationId} scheme={type === 'municipality'} /> : null}
      {tab === 'redemptions' ? <RedemptionsPanel organisationId={organisationId} /> : null}
      {tab === 'causes' ? <CausesPanel organisationId={organisationId} /> : null}
      {tab === 'donations' ? <DonationsPanel organisationId={organisationId} organisationName={organisationName} /> : null}
    </div>
  );
}
