import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { updateRewardsSettings } from '../../../api/partner-rewards.ts';
import type { RewardsSettings } from '../../../api/partner-rewards.ts';
import { Button, Card, CheckIcon, Switch, TextField } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { FieldError } from './field-error.tsx';
import { OutcomeNotice } from './outcome-notice.tsx';
import type { Outcome } from './outcome-notice.tsx';
import { rewardsErrorMessage } from './rewards-errors.ts';
import { readSettingsForm, settingsToForm } from './settings-form-model.ts';
import type { SettingsField, SettingsProblem } from './settings-form-model.ts';

export interface SettingsFormProps {
  saved: RewardsSettings;
  onSaved: (settings: RewardsSettings) => void;
}

/** The rewards settings as a form: who may gift, how much people may give a day, and a point's money value. */
export function SettingsForm({ saved, onSaved }: SettingsFormProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const base = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => settingsToForm(saved));
  const [errors, setErrors] = useState<Partial<Record<SettingsField, SettingsProblem>>>({});
  const [result, setResult] = useState<Outcome | undefined>(undefined);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const read = readSettingsForm(values);
    setResult(undefined);
    if (!read.ok) {
      setErrors(read.errors);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const next = await updateRewardsSettings(session, read.settings);
      setValues(settingsToForm(next));
      onSaved(next);
      setResult({ ok: true });
    } catch (cause) {
      setResult({ ok: false, message: rewardsErrorMessage(t, toApiError(cause)) });
    } finally {
      setPending(false);
    }
  }

  const number = (field: SettingsField, hint: string) => (
    <div>
      <TextField
        label={t(`partnerRewards.settings.${field}`)}
        hint={hint}
        inputMode="numeric"
        name={field}
        value={values[field]}
        onChange={(event) => setValues({ ...values, [field]: event.target.value })}
        invalid={errors[field] !== undefined}
        errorId={`${base}-${field}`}
      />
      <FieldError id={`${base}-${field}`} message={errors[field] ? t(`partnerRewards.settings.problems.${errors[field]}`) : undefined} />
    </div>
  );

  return (
    <form ref={form} className="hb-dash-form hb-pr-settings-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
      <Card className="hb-stack">
        <h2 className="hb-dash-subtitle">{t('partnerRewards.settings.givingTitle')}</h2>
        <Switch
          label={t('partnerRewards.settings.citizenGiftsEnabled')}
          description={t('partnerRewards.settings.citizenGiftsHint')}
          checked={values.citizenGiftsEnabled}
          onChange={(citizenGiftsEnabled) => setValues({ ...values, citizenGiftsEnabled })}
          stateLabels={{ on: t('partnerRewards.settings.on'), off: t('partnerRewards.settings.off') }}
        />
        <div className="hb-pr-form-grid">
          {number('giftDailyCap', t('partnerRewards.settings.giftDailyCapHint'))}
          {number('donationDailyCap', t('partnerRewards.settings.donationDailyCapHint'))}
        </div>
      </Card>
      <Card className="hb-stack">
        <h2 className="hb-dash-subtitle">{t('partnerRewards.settings.connectionsTitle')}</h2>
        <div className="hb-pr-form-grid hb-pr-form-grid--fill">{number('pairConnectionsPerDay', t('partnerRewards.settings.pairConnectionsPerDayHint'))}</div>
      </Card>
      <Card className="hb-stack">
        <h2 className="hb-dash-subtitle">{t('partnerRewards.settings.valueTitle')}</h2>
        <div className="hb-pr-form-grid hb-pr-form-grid--fill">{number('pointValueCents', t('partnerRewards.settings.pointValueCentsHint'))}</div>
      </Card>
      <OutcomeNotice outcome={result} success={() => t('partnerRewards.settings.saved')} />
      <div className="hb-dash-actions">
        <Button type="submit" icon={pending ? undefined : <CheckIcon />} loading={pending}>
          {pending ? t('partnerRewards.common.saving') : t('partnerRewards.settings.save')}
        </Button>
      </div>
    </form>
  );
}
