import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { createRule } from '../../../api/partner-rewards.ts';
import type { RuleDefinition } from '../../../api/partner-rewards.ts';
import { ArrowLeftIcon, ButtonLink, PageHeader } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { AdminOnly } from '../admin-only.tsx';
import { rewardsErrorMessage } from './rewards-errors.ts';
import { rulesPath } from './rewards-paths.ts';
import { RuleForm } from './rule-form.tsx';
import { emptyRuleForm } from './rule-form-model.ts';
import { savedRuleState } from './rule-saved-state.ts';
import '../dashboard.css';
import './rewards.css';

/** The form for a rule that does not exist yet; saving it goes back to the list. */
function NewRule() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();

  async function save(definition: RuleDefinition) {
    try {
      const rule = await createRule(session, definition);
      void navigate(rulesPath, { state: savedRuleState(rule.name, rule.version) });
    } catch (cause) {
      throw new Error(rewardsErrorMessage(t, toApiError(cause)), { cause });
    }
  }

  return (
    <div className="hb-stack hb-dash-page">
      <PageHeader
        eyebrow={t('partnerRewards.rules.title')}
        title={t('partnerRewards.ruleEditor.newTitle')}
        description={t('partnerRewards.ruleEditor.newDescription')}
        actions={
          <ButtonLink to={rulesPath} variant="secondary" size="sm" icon={<ArrowLeftIcon />}>
            {t('partnerRewards.ruleEditor.back')}
          </ButtonLink>
        }
      />
      <RuleForm initial={emptyRuleForm()} onSave={save} submitLabel={t('partnerRewards.ruleEditor.create')} />
    </div>
  );
}

/** `/dashboard/admin/rules/new`: a new earning rule (version 1). */
export function NewRulePage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('partnerRewards.ruleEditor.newTitle')}>
      <NewRule />
    </AdminOnly>
  );
}
