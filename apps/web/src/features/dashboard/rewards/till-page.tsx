import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getOrganisation } from '../../../api/organisations.ts';
import { AlertIcon, ArrowLeftIcon, ButtonLink, ErrorState, LoadingState, Notice, PageHeader } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { errorReference } from '../../../i18n/error-messages.ts';
import { dashboardErrorMessage } from '../dashboard-errors.ts';
import { useResource } from '../use-resource.ts';
import { hasTill, organisationTabPath } from './rewards-paths.ts';
import { Till } from './till.tsx';
import '../dashboard.css';
import './rewards.css';

/**
 * `/dashboard/organisations/:organisationId/till`: the till, made for a phone at the counter. The
 * organisation is read from identity first, so someone who is not a member is told so, and a shop not
 * yet approved is told when its till opens.
 */
export function TillPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const { session } = useSession();
  const organisation = useResource(`till:${organisationId}`, (signal) => getOrganisation(session, organisationId, signal));
  const { state } = organisation;
  const name = state.kind === 'ready' ? state.data.name : undefined;

  return (
    <div className="hb-stack hb-dash-page hb-pr-till-page">
      <PageHeader
        eyebrow={name ?? t('partnerRewards.till.eyebrow')}
        title={t('partnerRewards.till.title')}
        description={t('partnerRewards.till.description')}
        actions={
          <ButtonLink to={organisationTabPath(organisationId, 'redemptions')} variant="secondary" size="sm" icon={<ArrowLeftIcon />}>
            {t('partnerRewards.till.back')}
          </ButtonLink>
        }
      />
      {state.kind === 'loading' ? <LoadingState label={t('partnerRewards.till.loading')} /> : null}
      {state.kind === 'error' ? (
        <ErrorState title={t('partnerRewards.till.errorTitle')} details={errorReference(t, state.error)} retryLabel={t('dashboard.common.retry')} onRetry={organisation.reload}>
          <p>{dashboardErrorMessage(t, state.error)}</p>
        </ErrorState>
      ) : null}
      {state.kind === 'ready' && !hasTill(state.data.type) ? (
        <Notice tone="info" icon={<AlertIcon />}>
          {t('partnerRewards.till.noOffers')}
        </Notice>
      ) : null}
      {state.kind === 'ready' && hasTill(state.data.type) && state.data.status !== 'active' ? (
        <Notice tone="info" icon={<AlertIcon />}>
          {t('partnerRewards.till.notApproved')}
        </Notice>
      ) : null}
      {state.kind === 'ready' && hasTill(state.data.type) && state.data.status === 'active' ? <Till organisationId={organisationId} /> : null}
    </div>
  );
}
