import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/index.ts';
import { CheckboxField } from './checkbox-field.tsx';
import { CheckboxGroup } from './checkbox-group.tsx';
import { FieldError } from './field-error.tsx';
import { weekDays } from './rule-form-model.ts';
import type { RuleField, RuleFormValues, RuleProblem } from './rule-form-model.ts';

export interface RuleTimeWindowFieldsProps {
  values: RuleFormValues;
  errors: Partial<Record<RuleField, RuleProblem>>;
  onChange: (values: RuleFormValues) => void;
  problemText: (problem: RuleProblem | undefined) => string | undefined;
  idBase: string;
}

/** "Weekdays" in the reader's language, Sunday = 0 (2030-01-06 was a Sunday). */
function dayName(day: number, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short' }).format(new Date(2030, 0, 6 + day));
}

/** When the rule pays: always, or on some days between two times (a window from 22:00 to 06:00 spans midnight). */
export function RuleTimeWindowFields({ values, errors, onChange, problemText, idBase }: RuleTimeWindowFieldsProps) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="hb-pr-fieldset">
      <legend className="hb-pr-legend">{t('partnerRewards.ruleForm.when')}</legend>
      <CheckboxField label={t('partnerRewards.ruleForm.windowOn')} hint={t('partnerRewards.ruleForm.windowHint')} checked={values.windowOn} onChange={(windowOn) => onChange({ ...values, windowOn })} />
      {values.windowOn ? (
        <>
          <div>
            <CheckboxGroup
              legend={t('partnerRewards.ruleForm.days')}
              inline
              options={weekDays.map((day) => ({ value: day, label: dayName(day, i18n.language) }))}
              selected={values.days}
              onChange={(days) => onChange({ ...values, days })}
              invalid={errors.days !== undefined}
              errorId={`${idBase}-days`}
            />
            <FieldError id={`${idBase}-days`} message={problemText(errors.days)} />
          </div>
          <div className="hb-pr-form-grid">
            <div>
              <TextField label={t('partnerRewards.ruleForm.from')} type="time" value={values.from} onChange={(event) => onChange({ ...values, from: event.target.value })} invalid={errors.from !== undefined} errorId={`${idBase}-from`} />
              <FieldError id={`${idBase}-from`} message={problemText(errors.from)} />
            </div>
            <div>
              <TextField label={t('partnerRewards.ruleForm.to')} type="time" value={values.to} onChange={(event) => onChange({ ...values, to: event.target.value })} invalid={errors.to !== undefined} errorId={`${idBase}-to`} />
              <FieldError id={`${idBase}-to`} message={problemText(errors.to)} />
            </div>
          </div>
          <p className="hb-field__hint">{t('partnerRewards.ruleForm.timeZoneHint')}</p>
        </>
      ) : null}
    </fieldset>
  );
}
