import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listMyOrganisations } from '../../api/organisations.ts';
import type { Organisation } from '../../api/organisations.ts';
import { BuildingIcon, Button, CheckCircleIcon, DataTable, Dialog, EmptyState, ErrorState, LoadingState, Notice, PageHeader, PlusIcon } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { errorReference } from '../../i18n/error-messages.ts';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { formatDate } from './format.ts';
import { OrganisationBadges, organisationPath } from './organisation-summary.tsx';
import { RequestOrganisationForm } from './request-organisation-form.tsx';
import { typeLabel } from './labels.ts';
import { useResource } from './use-resource.ts';
import './dashboard.css';

/** The organisations I belong to, as a table, and a dialog to request another. */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const { session, account } = useSession();
  const organisations = useResource(`mine:${account?.id ?? ''}`, (signal) => listMyOrganisations(session, signal));
  const [dialogOpen, setDialogOpen] = useState(false);
  const [requested, setRequested] = useState<Organisation | undefined>(undefined);
  const close = useCallback(() => setDialogOpen(false), []);

  function onRequested(organisation: Organisation) {
    setRequested(organisation);
    setDialogOpen(false);
    organisations.update((list) => [{ ...organisation, role: 'owner' as const }, ...list.filter((o) => o.id !== organisation.id)]);
  }

  const { state } = organisations;
  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader
        eyebrow={t('dashboard.eyebrow')}
        title={t('dashboard.organisations.title')}
        description={t('dashboard.organisations.description')}
        actions={
          <Button icon={<PlusIcon />} onClick={() => setDialogOpen(true)}>
            {t('dashboard.request.title')}
          </Button>
        }
      />
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
        <EmptyState icon={<BuildingIcon size={32} />} title={t('dashboard.overview.emptyTitle')}>
          <p>{t('dashboard.overview.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {state.kind === 'ready' && state.data.length > 0 ? (
        <DataTable caption={t('dashboard.organisations.caption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.organisations.columns.name')}</th>
              <th scope="col">{t('dashboard.organisations.columns.type')}</th>
              <th scope="col">{t('dashboard.organisations.columns.status')}</th>
              <th scope="col">{t('dashboard.organisations.columns.requested')}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((organisation) => (
              <tr key={organisation.id}>
                <th scope="row" className="hb-dash-cell-strong">
                  <Link to={organisationPath(organisation.id)}>{organisation.name}</Link>
                </th>
                <td>{typeLabel(t, organisation.type)}</td>
                <td>
                  <OrganisationBadges status={organisation.status} role={organisation.role} />
                </td>
                <td>
                  <time dateTime={organisation.createdAt}>{formatDate(organisation.createdAt, i18n.language)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <Dialog open={dialogOpen} title={t('dashboard.request.title')} description={t('dashboard.request.description')} closeLabel={t('dashboard.common.close')} onClose={close}>
        <RequestOrganisationForm onRequested={onRequested} autoFocus />
      </Dialog>
    </div>
  );
}
