import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listMyOrganisations, listOrganisationsForAdmin } from '../../api/organisations.ts';
import type { MyOrganisation, Organisation } from '../../api/organisations.ts';
import { ArrowRightIcon, BuildingIcon, Card, CheckCircleIcon, EmptyState, ErrorState, LoadingState, Notice, PageHeader, ShieldCheckIcon } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { errorReference } from '../../i18n/error-messages.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { useIsAdmin } from './dashboard-gate.tsx';
import { OrganisationCard } from './organisation-summary.tsx';
import { RequestOrganisationForm } from './request-organisation-form.tsx';
import { useResource } from './use-resource.ts';
import './dashboard.css';

/** For admins: how many organisations wait for a decision, with a way to the queue. */
function PendingForAdmin() {
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

/** The dashboard's landing page: my organisations with their status, and a request form. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { session, account } = useSession();
  const isAdmin = useIsAdmin();
  const listTitleId = useId();
  const formTitleId = useId();
  const organisations = useResource(`mine:${account?.id ?? ''}`, (signal) => listMyOrganisations(session, signal));
  const [requested, setRequested] = useState<Organisation | undefined>(undefined);

  function onRequested(organisation: Organisation) {
    setRequested(organisation);
    organisations.update((list) => [{ ...organisation, role: 'owner' } satisfies MyOrganisation, ...list.filter((o) => o.id !== organisation.id)]);
  }

  const { state } = organisations;
  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader eyebrow={t('dashboard.eyebrow')} title={t('dashboard.overview.title')} description={t('dashboard.overview.description')} />
      {isAdmin ? <PendingForAdmin /> : null}
      <div className="hb-dash-columns">
        <section className="hb-stack" aria-labelledby={listTitleId}>
          <h2 id={listTitleId} className="hb-dash-section-title">
            {t('dashboard.overview.yoursTitle')}
          </h2>
          {requested ? (
            <Notice tone="success" role="status" icon={<CheckCircleIcon />} title={t('dashboard.request.sentTitle', { name: requested.name })}>
              {t('dashboard.request.sentBody')}
            </Notice>
          ) : null}
          {state.kind === 'loading' ? <LoadingState label={t('dashboard.overview.loading')} /> : null}
          {state.kind === 'error' ? (
            <ErrorState title={t('dashboard.overview.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={organisations.reload}>
              <p>{dashboardErrorMessage(t, state.error)}</p>
            </ErrorState>
          ) : null}
          {state.kind === 'ready' && state.data.length === 0 ? (
            <EmptyState icon={<BuildingIcon size={32} />} title={t('dashboard.overview.emptyTitle')} headingLevel={3}>
              <p>{t('dashboard.overview.emptyBody')}</p>
            </EmptyState>
          ) : null}
          {state.kind === 'ready' && state.data.length > 0 ? (
            <ul className="hb-dash-org-list" aria-labelledby={listTitleId}>
              {state.data.map((organisation) => (
                <OrganisationCard key={organisation.id} organisation={organisation} highlight={organisation.id === requested?.id} />
              ))}
            </ul>
          ) : null}
        </section>
        <Card className="hb-stack hb-dash-side-card" aria-labelledby={formTitleId}>
          <div className="hb-dash-card-head">
            <h2 id={formTitleId} className="hb-card__title">
              {t('dashboard.request.title')}
            </h2>
            <p className="hb-dash-muted">{t('dashboard.request.description')}</p>
          </div>
          <RequestOrganisationForm onRequested={onRequested} />
        </Card>
      </div>
    </div>
  );
}
