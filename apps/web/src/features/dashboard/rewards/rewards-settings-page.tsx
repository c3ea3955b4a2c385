import { useTranslation } from 'react-i18next';
import { getRewardsSettings } from '../../../api/partner-rewards.ts';
import { ArrowLeftIcon, ButtonLink, LoadingState, PageHeader } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { AdminOnly } from '../admin-only.tsx';
import { useResource } from '../use-resource.ts';
import { RewardsLoadError } from './rewards-load-error.tsx';
import { rulesPath } from './rewards-paths.ts';
import { SettingsForm } from './settings-form.tsx';
import '../dashboard.css';
import './rewards.css';

/** The settings, loaded, then their form. */
function Settings() {
  const { t } = useTranslation();
  const { session } = useSession();
  const settings = useResource('rewards-settings', (signal) => getRewardsSettings(session, signal));
  const { state } = settings;
  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader
        eyebrow={t('dashboard.nav.admin')}
        title={t('partnerRewards.settings.title')}
        description={t('partnerRewards.settings.description')}
        actions={
          <ButtonLink to={rulesPath} variant="secondary" size="sm" icon={<ArrowLeftIcon />}>
            {t('partnerRewards.rules.title')}
          </ButtonLink>
        }
      />
      {state.kind === 'loading' ? <LoadingState label={t('partnerRewards.settings.loading')} /> : null}
      {state.kind === 'error' ? <RewardsLoadError title={t('partnerRewards.settings.errorTitle')} error={state.error} onRetry={settings.reload} /> : null}
      {state.kind === 'ready' ? <SettingsForm saved={state.data} onSaved={(next) => settings.update(() => next)} /> : null}
    </div>
  );
}

/** `/dashboard/admin/rewards-settings`: citizens' gifts, the daily giving caps, and what a point is worth. */
export function RewardsSettingsPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('partnerRewards.settings.title')}>
      <Settings />
    </AdminOnly>
  );
}
