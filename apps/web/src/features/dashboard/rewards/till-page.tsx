import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getOrganisationSummary } from '../../../api/partner-rewards.ts';
import { ArrowLeftIcon, ButtonLink, LoadingState, Notice, PageHeader, AlertIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useResource } from '../use-resource.ts';
import { RewardsLoadError } from './rewards-load-error.tsx';
import { hasTill, organisationTabPath } from './rewards-paths.ts';
import { Till } from './till.tsx';
import '../dashboard.css';
import './rewards.css';

/** `/dashboard/organisations/:organisationId/till`: the till, made for a phone at the counter. */
export function TillPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const { session } = useSession();
  const summary = useResource(`till:${organisationId}`, (signal) => getOrganisationSummary(session, organisationId, signal));
  const { state } = summary;
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
      {state.kind === 'error' ? <RewardsLoadError title={t('partnerRewards.till.errorTitle')} error={state.error} onRetry={summary.reload} /> : null}
      {state.kind === 'ready' && !hasTill(state.data.type) ? (
        <Notice tone="info" icon={<AlertIcon />}>
          {t('partnerRewards.till.noOffers')}
        </Notice>
      ) : null}
      {state.kind === 'ready' && hasTill(state.data.type) ? <Till organisationId={organisationId} /> : null}
    </div>
  );
}
