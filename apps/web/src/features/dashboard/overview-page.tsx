import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listMyOrganisations } from '../../api/organisations.ts';
import type { MyOrganisation, Organisation } from '../../api/organisations.ts';
import { errorReference } from '../../i18n/error-messages.ts';
import { BuildingIcon, Card, CheckCircleIcon, EmptyState, ErrorState, LoadingState, Notice, PageHeader } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { ApprovedOrganisations, PendingForAdmin } from './admin-overview.tsx';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { useIsAdmin } from './dashboard-gate.tsx';
import { OrganisationCard } from './organisation-summary.tsx';
import { RequestOrganisationForm } from './request-organisation-form.tsx';
import { useResource } from './use-resource.ts';
import './dashboard.css';

/**
 * The dashboard's landing page. A partner sees their organisations with their status, and a form to
 * request one; an admin sees what waits for a decision, the newest approved organisations, and their
 * own organisations only if they belong to some (an admin is not asked to request one).
 */
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
  const mine = state.kind === 'ready' ? state.data : [];
  const showMine = !isAdmin || mine.length > 0 || state.kind === 'error';
  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader eyebrow={t('dashboard.eyebrow')} title={t('dashboard.overview.title')} description={t(isAdmin ? 'dashboard.overview.adminDescription' : 'dashboard.overview.description')} />
      {isAdmin ? <PendingForAdmin /> : null}
      <div className={isAdmin ? 'hb-stack' : 'hb-dash-columns'}>
        {showMine ? (
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
            {state.kind === 'ready' && mine.length === 0 ? (
              <EmptyState icon={<BuildingIcon size={32} />} title={t('dashboard.overview.emptyTitle')} headingLevel={3}>
                <p>{t('dashboard.overview.emptyBody')}</p>
              </EmptyState>
            ) : null}
            {mine.length > 0 ? (
              <ul className="hb-dash-org-list" aria-labelledby={listTitleId}>
                {mine.map((organisation) => (
                  <OrganisationCard key={organisation.id} organisation={organisation} highlight={organisation.id === requested?.id} />
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
        {isAdmin ? (
          <ApprovedOrganisations />
        ) : (
          <Card className="hb-stack hb-dash-side-card" aria-labelledby={formTitleId}>
            <div className="hb-dash-card-head">
              <h2 id={formTitleId} className="hb-card__title">
                {t('dashboard.request.title')}
              </h2>
              <p className="hb-dash-muted">{t('dashboard.request.description')}</p>
            </div>
            <RequestOrganisationForm onRequested={onRequested} />
          </Card>
        )}
      </div>
    </div>
  );
}
