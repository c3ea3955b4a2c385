import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { listRuleVersions, updateRule } from '../../../api/partner-rewards.ts';
import type { Rule, RuleDefinition } from '../../../api/partner-rewards.ts';
import { ArrowLeftIcon, Badge, ButtonLink, CheckCircleIcon, LoadingState, Notice, PageHeader } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { AdminOnly } from '../admin-only.tsx';
import { useResource } from '../use-resource.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';
import { RewardsLoadError } from './rewards-load-error.tsx';
import { rulesPath } from './rewards-paths.ts';
import { RuleForm } from './rule-form.tsx';
import { ruleToForm } from './rule-form-model.ts';
import { RulePreview } from './rule-preview.tsx';
import { RuleVersions } from './rule-versions.tsx';
import '../dashboard.css';
import './rewards.css';
import { ruleNameText } from '../../rewards/rule-name.ts';

const back = (label: string) => (
  <ButtonLink to={rulesPath} variant="secondary" size="sm" icon={<ArrowLeftIcon />}>
    {label}
  </ButtonLink>
);

/** One rule: its form at the current version, its earlier versions, and the preview. */
function EditRule({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const versions = useResource(`rule-versions:${ruleId}`, (signal) => listRuleVersions(session, ruleId, signal));
  const [saved, setSaved] = useState<Rule | undefined>(undefined);
  const savedNotice = useRef<HTMLDivElement>(null);
  const { state } = versions;
  // Saving happens at the foot of a long form; the news is at its head, so focus (and the view) go there.
  useEffect(() => {
    if (saved) savedNotice.current?.focus();
  }, [saved]);

  if (state.kind !== 'ready') {
    return (
      <div className="hb-stack hb-dash-page">
        <PageHeader eyebrow={t('partnerRewards.rules.title')} title={t('partnerRewards.ruleEditor.loadingTitle')} actions={back(t('partnerRewards.ruleEditor.back'))} />
        {state.kind === 'loading' ? <LoadingState label={t('partnerRewards.ruleEditor.loading')} /> : null}
        {state.kind === 'error' ? <RewardsLoadError title={t('partnerRewards.ruleEditor.errorTitle')} error={state.error} onRetry={versions.reload} /> : null}
      </div>
    );
  }
  const [current] = state.data;
  if (!current) return null;

  async function save(definition: RuleDefinition) {
    try {
      const rule = await updateRule(session, ruleId, definition);
      versions.update((list) => [rule, ...list.filter((version) => version.version !== rule.version)]);
      setSaved(rule);
    } catch (cause) {
      throw new Error(rewardsErrorMessage(t, toApiError(cause)), { cause });
    }
  }

  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader
        eyebrow={t('partnerRewards.rules.title')}
        title={ruleNameText(t, current.name)}
        description={t('partnerRewards.ruleEditor.editDescription')}
        actions={
          <>
            <Badge tone="neutral">{t('partnerRewards.rules.version', { version: current.version })}</Badge>
            <Badge tone={current.active ? 'success' : 'neutral'}>{current.active ? t('partnerRewards.ruleStatuses.active') : t('partnerRewards.ruleStatuses.inactive')}</Badge>
            {back(t('partnerRewards.ruleEditor.back'))}
          </>
        }
      />
      {saved ? (
        <div ref={savedNotice} tabIndex={-1} className="hb-pr-saved">
          <Notice tone="success" role="status" icon={<CheckCircleIcon />} title={t('partnerRewards.ruleEditor.savedTitle', { version: saved.version })}>
            {t('partnerRewards.ruleEditor.savedBody')}
          </Notice>
        </div>
      ) : null}
      <div className="hb-dash-columns">
        {/* A new version starts the form again from what was saved. */}
        <RuleForm key={current.version} initial={ruleToForm(current)} onSave={save} submitLabel={t('partnerRewards.ruleEditor.saveVersion', { version: current.version + 1 })} />
        <div className="hb-stack">
          <RulePreview />
          <RuleVersions versions={state.data} />
        </div>
      </div>
    </div>
  );
}

/** `/dashboard/admin/rules/:ruleId`: edits a rule; each save is a new version, and awards keep the version that paid them. */
export function RuleEditPage() {
  const { t } = useTranslation();
  const { ruleId = '' } = useParams();
  return (
    <AdminOnly title={t('partnerRewards.rules.title')}>
      <EditRule key={ruleId} ruleId={ruleId} />
    </AdminOnly>
  );
}
