import { useCallback } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getOrganisation, listMembers } from '../../api/organisations.ts';
import { AlertIcon, ArrowLeftIcon, BuildingIcon, ButtonLink, EmptyState, ErrorState, LoadingState, Notice, PageHeader, ShieldCheckIcon, UploadIcon, UsersIcon } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { errorReference } from '../../i18n/error-messages.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { useIsAdmin } from './dashboard-gate.tsx';
import { formatDate } from './format.ts';
import { typeLabel } from './labels.ts';
import { MembersPanel } from './members-panel.tsx';
import { OrganisationBadges, StatusExplanation } from './organisation-summary.tsx';
import { RosterPanel } from './roster-panel.tsx';
import { OrganisationRewardsPanel } from './rewards/organisation-rewards-panel.tsx';
import { hasTill, rewardsTabsFor, tillPath } from './rewards/rewards-paths.ts';
import type { RewardsTab } from './rewards/rewards-paths.ts';
import { isRewardsTab, rewardsTabs } from './rewards/rewards-tabs.tsx';
import { QrCodeIcon } from './rewards/qr-code-icon.tsx';
import { Tabs } from './tabs.tsx';
import { useResource } from './use-resource.ts';
import './dashboard.css';

type TabKey = 'members' | 'roster' | RewardsTab;

/** The tab `?tab=` names, when this organisation has it; the members tab otherwise. */
function tabOf(value: string | null, isPrecinct: boolean, rewards: readonly RewardsTab[]): TabKey {
  if (isPrecinct && value === 'roster') return 'roster';
  if (isRewardsTab(value) && rewards.includes(value)) return value;
  return 'members';
}

/**
 * `/dashboard/organisations/:organisationId`: one organisation, its members, and what its type runs:
 * a precinct's roster, a shop's or municipality's offers and redemptions, a charity's causes and donations.
 */
export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const { organisationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { session, account } = useSession();
  const isAdmin = useIsAdmin();
  const resource = useResource(`organisation:${organisationId}`, async (signal) => {
    const [organisation, members] = await Promise.all([getOrganisation(session, organisationId, signal), listMembers(session, organisationId, signal)]);
    return { organisation, members };
  });
  const select = useCallback((tab: TabKey) => setParams(tab === 'members' ? {} : { tab }, { replace: true }), [setParams]);

  const { state } = resource;
  if (state.kind === 'loading') {
    return (
      <div className="hb-stack hb-dash-page">
        <PageHeader eyebrow={t('dashboard.eyebrow')} title={t('dashboard.organisation.loadingTitle')} />
        <LoadingState label={t('dashboard.organisation.loading')} />
      </div>
    );
  }
  if (state.kind === 'error') {
    const missing = state.error.status === 404 || state.error.code === 'PLATFORM_VALIDATION_FAILED';
    return (
      <div className="hb-stack hb-dash-page">
        <PageHeader eyebrow={t('dashboard.eyebrow')} title={missing ? t('dashboard.organisation.notFoundTitle') : t('dashboard.organisation.loadingTitle')} />
        {missing ? (
          <EmptyState
            icon={<BuildingIcon size={32} />}
            title={t('dashboard.organisation.notFoundHeading')}
            action={
              <ButtonLink to="/dashboard" variant="secondary" icon={<ArrowLeftIcon />}>
                {t('dashboard.organisation.back')}
              </ButtonLink>
            }
          >
            <p>{t('dashboard.organisation.notFoundBody')}</p>
          </EmptyState>
        ) : (
          <ErrorState title={t('dashboard.organisation.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={resource.reload}>
            <p>{dashboardErrorMessage(t, state.error)}</p>
          </ErrorState>
        )}
      </div>
    );
  }

  const { organisation, members } = state.data;
  const myRole = members.find((member) => member.accountId === account?.id)?.role;
  const active = organisation.status === 'active';
  const isPrecinct = organisation.type === 'precinct';
  const canInvite = isAdmin || (myRole === 'owner' && active);
  const canManageRoster = isPrecinct && (isAdmin || (myRole === 'owner' && active));
  const blockedReason = myRole === 'owner' && !active ? 'after-approval' : 'owners-only';
  // Rewards hears of an organisation when it is approved: until then its rewards tabs would only fail.
  const rewardsKeys = active ? rewardsTabsFor(organisation.type) : [];
  const tab = tabOf(params.get('tab'), isPrecinct, rewardsKeys);
  const sells = active && hasTill(organisation.type);

  const membersPanel = <MembersPanel organisation={organisation} members={members} canInvite={canInvite} inviteBlockedReason={canInvite ? undefined : blockedReason} />;

  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader
        eyebrow={typeLabel(t, organisation.type)}
        title={organisation.name}
        description={t('dashboard.status.requestedOn', { date: formatDate(organisation.createdAt, i18n.language) })}
        actions={
          <>
            <OrganisationBadges status={organisation.status} role={myRole ?? (isAdmin ? 'admin' : undefined)} />
            {sells ? (
              <ButtonLink to={tillPath(organisation.id)} size="sm" icon={<QrCodeIcon size={20} />}>
                {t('partnerRewards.till.open')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {organisation.status === 'pending' ? (
        <Notice tone="warning" icon={<AlertIcon />} title={t('dashboard.status.pendingTitle')}>
          <StatusExplanation organisation={organisation} />
        </Notice>
      ) : null}
      {organisation.status === 'rejected' ? (
        <Notice tone="error" icon={<AlertIcon />} title={t('dashboard.status.rejectedTitle')}>
          <StatusExplanation organisation={organisation} />
        </Notice>
      ) : null}
      {isAdmin && !myRole ? (
        <Notice tone="info" icon={<ShieldCheckIcon size={20} />}>
          {t('dashboard.organisation.adminView')}
        </Notice>
      ) : null}
      {isPrecinct ? (
        <Tabs
          label={t('dashboard.organisation.tabsLabel')}
          selected={tab}
          onSelect={select}
          tabs={[
            { key: 'members', label: t('dashboard.organisation.tabs.members'), icon: <UsersIcon size={20} /> },
            { key: 'roster', label: t('dashboard.organisation.tabs.roster'), icon: <UploadIcon size={20} /> },
          ]}
        >
          {tab === 'members' ? (
            membersPanel
          ) : (
            <RosterPanel organisation={organisation} isAdmin={isAdmin} canManage={canManageRoster} blockedReason={canManageRoster ? undefined : blockedReason} />
          )}
        </Tabs>
      ) : rewardsKeys.length > 0 ? (
        <Tabs
          label={t('dashboard.organisation.tabsLabel')}
          selected={tab}
          onSelect={select}
          tabs={[{ key: 'members', label: t('dashboard.organisation.tabs.members'), icon: <UsersIcon size={20} /> }, ...rewardsTabs(t, organisation.type)]}
        >
          {tab === 'members' || tab === 'roster' ? (
            membersPanel
          ) : (
            <OrganisationRewardsPanel tab={tab} organisationId={organisation.id} organisationName={organisation.name} type={organisation.type} />
          )}
        </Tabs>
      ) : (
        membersPanel
      )}
    </div>
  );
}
