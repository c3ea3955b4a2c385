import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionKinds, locationChecks, ruleBonuses } from '../../../api/partner-rewards.ts';
import type { RuleDefinition } from '../../../api/partner-rewards.ts';
import { AlertIcon, Button, Card, CheckIcon, Notice, SegmentedControl, SelectField, Switch, TextAreaField, TextField } from '../../../ui/index.ts';
import { CheckboxGroup } from './checkbox-group.tsx';
import { FieldError } from './field-error.tsx';
import { readRuleForm } from './rule-form-model.ts';
import type { RuleField, RuleFormValues, RuleProblem } from './rule-form-model.ts';
import { RuleTimeWindowFields } from './rule-time-window-fields.tsx';

/** The fields typed as whole numbers. */
type NumberField = 'citizenPoints' | 'officerPoints' | 'capPerPairPerDay' | 'capPerUserPerDay' | 'budget';

export interface RuleFormProps {
  initial: RuleFormValues;
  /** Saves the definition; resolves when saved, rejects with a sentence to show. */
  onSave: (definition: RuleDefinition) => Promise<void>;
  submitLabel: string;
}

/** Every part of an earning rule: what it is, which connections it counts, the points, when, where, bonus and caps. */
export function RuleForm({ initial, onSave, submitLabel }: RuleFormProps) {
  const { t } = useTranslation();
  const base = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<RuleField, RuleProblem>>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const problemText = (problem: RuleProblem | undefined) => (problem ? t(`partnerRewards.ruleForm.problems.${problem}`) : undefined);
  const errorId = (field: RuleField) => `${base}-${field}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const result = readRuleForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      setFailure(t('partnerRewards.ruleForm.fixFields'));
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input')?.focus());
      return;
    }
    setErrors({});
    setFailure(undefined);
    setPending(true);
    try {
      await onSave(result.definition);
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setPending(false);
    }
  }

  const text = (field: NumberField, label: string, hint?: string) => (
    <div>
      <TextField
        label={label}
        hint={hint}
        inputMode="numeric"
        value={values[field]}
        onChange={(event) => setValues({ ...values, [field]: event.target.value })}
        invalid={errors[field] !== undefined}
        errorId={errorId(field)}
      />
      <FieldError id={errorId(field)} message={problemText(errors[field])} />
    </div>
  );

  return (
    <form ref={form} className="hb-dash-form hb-pr-rule-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
      <Card className="hb-stack">
        <div>
          <TextField
            label={t('partnerRewards.ruleForm.name')}
            maxLength={80}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
            invalid={errors.name !== undefined}
            errorId={errorId('name')}
          />
          <FieldError id={errorId('name')} message={problemText(errors.name)} />
        </div>
        <Switch
          label={t('partnerRewards.ruleForm.active')}
          description={t('partnerRewards.ruleForm.activeHint')}
          checked={values.active}
          onChange={(active) => setValues({ ...values, active })}
          stateLabels={{ on: t('partnerRewards.ruleStatuses.active'), off: t('partnerRewards.ruleStatuses.inactive') }}
        />
      </Card>
      <Card className="hb-stack">
        <div>
          <CheckboxGroup
            legend={t('partnerRewards.ruleForm.kinds')}
            hint={t('partnerRewards.ruleForm.kindsHint')}
            options={connectionKinds.map((kind) => ({ value: kind, label: t(`partnerRewards.connectionKinds.${kind}`) }))}
            selected={values.kinds}
            onChange={(kinds) => setValues({ ...values, kinds })}
            invalid={errors.kinds !== undefined}
            errorId={errorId('kinds')}
          />
          <FieldError id={errorId('kinds')} message={problemText(errors.kinds)} />
        </div>
        <SegmentedControl
          legend={t('partnerRewards.ruleForm.locationVerified')}
          value={values.locationVerified}
          onChange={(locationVerified) => setValues({ ...values, locationVerified })}
          options={locationChecks.map((check) => ({ value: check, label: t(`partnerRewards.locationChecks.${check}`) }))}
        />
      </Card>
      <Card className="hb-stack">
        <h2 className="hb-dash-subtitle">{t('partnerRewards.ruleForm.points')}</h2>
        <div className="hb-pr-form-grid">
          {text('citizenPoints', t('partnerRewards.ruleForm.citizenPoints'), t('partnerRewards.ruleForm.pointsHint'))}
          {text('officerPoints', t('partnerRewards.ruleForm.officerPoints'), t('partnerRewards.ruleForm.pointsHint'))}
        </div>
        <SelectField
          label={t('partnerRewards.ruleForm.bonus')}
          hint={t(`partnerRewards.ruleForm.bonusHints.${values.bonus}`)}
          value={values.bonus}
          onChange={(event) => setValues({ ...values, bonus: ruleBonuses.find((bonus) => bonus === event.target.value) ?? 'none' })}
          options={ruleBonuses.map((bonus) => ({ value: bonus, label: t(`partnerRewards.bonuses.${bonus}`) }))}
        />
      </Card>
      <Card className="hb-stack">
        <RuleTimeWindowFields values={values} errors={errors} onChange={setValues} problemText={problemText} idBase={base} />
      </Card>
      <Card className="hb-stack">
        <fieldset className="hb-pr-fieldset">
          <legend className="hb-pr-legend">{t('partnerRewards.ruleForm.where')}</legend>
          <p className="hb-field__hint">{t('partnerRewards.ruleForm.whereHint')}</p>
          <div>
            <TextAreaField
              label={t('partnerRewards.ruleForm.cells')}
              hint={t('partnerRewards.ruleForm.cellsHint')}
              rows={2}
              spellCheck={false}
              autoCapitalize="none"
              value={values.cells}
              onChange={(event) => setValues({ ...values, cells: event.target.value })}
              invalid={errors.cells !== undefined}
              errorId={errorId('cells')}
            />
            <FieldError id={errorId('cells')} message={problemText(errors.cells)} />
          </div>
          <div>
            <TextAreaField
              label={t('partnerRewards.ruleForm.zips')}
              hint={t('partnerRewards.ruleForm.zipsHint')}
              rows={2}
              spellCheck={false}
              value={values.zips}
              onChange={(event) => setValues({ ...values, zips: event.target.value })}
              invalid={errors.zips !== undefined}
              errorId={errorId('zips')}
            />
            <FieldError id={errorId('zips')} message={problemText(errors.zips)} />
          </div>
        </fieldset>
      </Card>
      <Card className="hb-stack">
        <fieldset className="hb-pr-fieldset">
          <legend className="hb-pr-legend">{t('partnerRewards.ruleForm.caps')}</legend>
          <p className="hb-field__hint">{t('partnerRewards.ruleForm.capsHint')}</p>
          <div className="hb-pr-form-grid">
            {text('capPerPairPerDay', t('partnerRewards.ruleForm.capPerPairPerDay'))}
            {text('capPerUserPerDay', t('partnerRewards.ruleForm.capPerUserPerDay'))}
            {text('budget', t('partnerRewards.ruleForm.budget'))}
          </div>
        </fieldset>
      </Card>
      {failure ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {failure}
        </Notice>
      ) : null}
      <div className="hb-dash-actions">
        <Button type="submit" icon={pending ? undefined : <CheckIcon />} loading={pending}>
          {pending ? t('partnerRewards.common.saving') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
