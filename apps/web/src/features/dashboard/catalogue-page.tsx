import { useTranslation } from 'react-i18next';
import { listMyOrganisations } from '../../api/organisations.ts';
import { EmptyState, ErrorState, LoadingState, PageHeader, TagIcon } from '../../ui/index.ts';
import { errorReference } from '../../i18n/error-messages.ts';
import { useSession } from '../auth/session-context.tsx';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { catalogueKindOf } from './rewards/catalogue-list.tsx';
import { CatalogueSection } from './rewards/catalogue-section.tsx';
import { useResource } from './use-resource.ts';
import './dashboard.css';

/**
 * `/dashboard/catalogue`: what people can spend points on at my approved organisations — a shop's
 * offers, a municipality's schemes, a charity's causes — each with the way to its management.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const { session, account } = useSession();
  const organisations = useResource(`mine:${account?.id ?? ''}`, (signal) => listMyOrganisations(session, signal));
  const { state } = organisations;
  const sections =
    state.kind === 'ready'
      ? state.data.flatMap((organisation) => {
          const kind = catalogueKindOf(organisation.type);
          return organisation.status === 'active' && kind ? [{ organisation, kind }] : [];
        })
      : [];
  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader eyebrow={t('dashboard.eyebrow')} title={t('dashboard.catalogue.title')} description={t('dashboard.catalogue.description')} />
      {state.kind === 'loading' ? <LoadingState label={t('dashboard.catalogue.loading')} /> : null}
      {state.kind === 'error' ? (
        <ErrorState title={t('dashboard.catalogue.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={organisations.reload}>
          <p>{dashboardErrorMessage(t, state.error)}</p>
        </ErrorState>
      ) : null}
      {state.kind === 'ready' && sections.length === 0 ? (
        <EmptyState icon={<TagIcon size={32} />} title={t('dashboard.catalogue.emptyTitle')}>
          <p>{t('dashboard.catalogue.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {sections.map(({ organisation, kind }) => (
        <CatalogueSection key={organisation.id} organisation={organisation} kind={kind} />
      ))}
    </div>
  );
}
