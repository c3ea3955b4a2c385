import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listRules } from '../../../api/partner-rewards.ts';
import { ButtonLink, CheckCircleIcon, EmptyState, LoadingState, Notice, PageHeader, PlusIcon, WrenchIcon } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { AdminOnly } from '../admin-only.tsx';
import { useResource } from '../use-resource.ts';
import { RewardsLoadError } from './rewards-load-error.tsx';
import { newRulePath, rewardsSettingsPath } from './rewards-paths.ts';
import { RulePreview } from './rule-preview.tsx';
import { RulesTable } from './rules-table.tsx';
import { savedRuleOf } from './rule-saved-state.ts';
import '../dashboard.css';
import './rewards.css';
import { ruleNameText } from '../../rewards/rule-name.ts';

/** The rules themselves, once the admin check has passed. */
function Rules() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  const saved = savedRuleOf(location.state);
  const rules = useResource('rewards-rules', (signal) => listRules(session, signal));
  const { state } = rules;
  const newButton = (
    <ButtonLink to={newRulePath} icon={<PlusIcon />}>
      {t('partnerRewards.rules.new')}
    </ButtonLink>
  );
  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader
        eyebrow={t('dashboard.nav.admin')}
        title={t('partnerRewards.rules.title')}
        description={t('partnerRewards.rules.description')}
        actions={
          <>
            <ButtonLink to={rewardsSettingsPath} variant="secondary" size="sm" icon={<WrenchIcon size={20} />}>
              {t('partnerRewards.settings.title')}
            </ButtonLink>
            {newButton}
          </>
        }
      />
      {saved ? (
        <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
          {t('partnerRewards.ruleEditor.created', { name: ruleNameText(t, saved.name) })}
        </Notice>
      ) : null}
      <div className="hb-pr-rules-columns">
        <section className="hb-stack" aria-label={t('partnerRewards.rules.title')}>
          {state.kind === 'loading' ? <LoadingState label={t('partnerRewards.rules.loading')} /> : null}
          {state.kind === 'error' ? <RewardsLoadError title={t('partnerRewards.rules.errorTitle')} error={state.error} onRetry={rules.reload} /> : null}
          {state.kind === 'ready' && state.data.length === 0 ? (
            <EmptyState icon={<WrenchIcon size={32} />} title={t('partnerRewards.rules.emptyTitle')} headingLevel={2} action={newButton}>
              <p>{t('partnerRewards.rules.emptyBody')}</p>
            </EmptyState>
          ) : null}
          {state.kind === 'ready' && state.data.length > 0 ? <RulesTable rules={state.data} /> : null}
          <p className="hb-dash-footnote">{t('partnerRewards.rules.versionsNote')}</p>
        </section>
        <RulePreview />
      </div>
    </div>
  );
}

/** `/dashboard/admin/rules`: every earning rule and a preview of what a connection would earn. */
export function RulesPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('partnerRewards.rules.title')}>
      <Rules />
    </AdminOnly>
  );
}
