import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listOrganisationsForAdmin } from '../../api/organisations.ts';
import { errorReference } from '../../i18n/error-messages.ts';
import { ArrowRightIcon, BuildingIcon, EmptyState, ErrorState, LoadingState, Notice, ShieldCheckIcon } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { OrganisationCard } from './organisation-summary.tsx';
import { useResource } from './use-resource.ts';

/** How many approved organisations the admin's overview shows, newest first. */
const newestShown = 12;

/** For admins: how many organisations wait for a decision, with a way to the queue. */
export function PendingForAdmin() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { state } = useResource('pending', (signal) => listOrganisationsForAdmin(session, { status: 'pending', limit: 50 }, signal));
  if (state.kind !== 'ready') return null;
  const count = state.data.items.length;
  return (
    <Notice tone={count > 0 ? 'warning' : 'info'} icon={<ShieldCheckIcon size={20} />} title={count > 0 ? t('dashboard.overview.adminPending', { count, more: state.data.next ? '+' : '' }) : t('dashboard.overview.adminNonePending')}>
      <Link to="/dashboard/admin/approvals" className="hb-dash-inline-link">
        {t('dashboard.overview.adminReview')}
        <ArrowRightIcon />
      </Link>
    </Notice>
  );
}

/**
 * For admins, who need not belong to any organisation: the newest approved organisations as cards,
 * each leading to its work (a precinct's roster, claims and members; a shop's offers and till…).
 */
export function ApprovedOrganisations() {
  const { t } = useTranslation();
  const { session } = useSession();
  const titleId = useId();
  const organisations = useResource('admin:newest-active', (signal) => listOrganisationsForAdmin(session, { status: 'active', limit: newestShown }, signal));
  const { state } = organisations;
  return (
    <section className="hb-stack" aria-labelledby={titleId}>
      <div className="hb-dash-card-head">
        <h2 id={titleId} className="hb-dash-section-title">
          {t('dashboard.overview.adminOrganisationsTitle')}
        </h2>
        <p className="hb-dash-muted">{t('dashboard.overview.adminOrganisationsBody')}</p>
      </div>
      {state.kind === 'loading' ? <LoadingState label={t('dashboard.overview.loading')} /> : null}
      {state.kind === 'error' ? (
        <ErrorState title={t('dashboard.overview.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={organisations.reload}>
          <p>{dashboardErrorMessage(t, state.error)}</p>
        </ErrorState>
      ) : null}
      {state.kind === 'ready' && state.data.items.length === 0 ? (
        <EmptyState icon={<BuildingIcon size={32} />} title={t('dashboard.overview.adminNoneApproved')} headingLevel={3}>
          <p>{t('dashboard.overview.adminNoneApprovedBody')}</p>
        </EmptyState>
      ) : null}
      {state.kind === 'ready' && state.data.items.length > 0 ? (
        <ul className="hb-dash-org-list" aria-labelledby={titleId}>
          {state.data.items.map((organisation) => (
            <OrganisationCard key={organisation.id} organisation={organisation} />
          ))}
        </ul>
      ) : null}
      {state.kind === 'ready' && state.data.next ? (
        <Link to="/dashboard/admin/approvals" className="hb-dash-inline-link">
          {t('dashboard.overview.adminAll')}
          <ArrowRightIcon />
        </Link>
      ) : null}
    </section>
  );
}
