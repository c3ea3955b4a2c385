import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { connectionKinds, previewRules } from '../../../api/partner-rewards.ts';
import type { Preview } from '../../../api/partner-rewards.ts';
import { AlertIcon, Button, Card, Notice, SelectField, TextField } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { CheckboxField } from './checkbox-field.tsx';
import { PreviewResult } from './preview-result.tsx';
import { emptyPreviewForm, previewInputOf } from './preview-form-model.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';

/** Tries the current rules on a made-up connection: what each side would earn and which rules match. */
export function RulePreview() {
  const { t } = useTranslation();
  const { session } = useSession();
  const titleId = useId();
  const [values, setValues] = useState(emptyPreviewForm);
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<Preview | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setFailure(undefined);
    try {
      setPreview(await previewRules(session, previewInputOf(values)));
    } catch (cause) {
      setFailure(rewardsErrorMessage(t, toApiError(cause)));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="hb-stack hb-dash-side-card" aria-labelledby={titleId}>
      <div className="hb-dash-card-head">
        <h2 id={titleId} className="hb-card__title">
          {t('partnerRewards.preview.title')}
        </h2>
        <p className="hb-dash-muted">{t('partnerRewards.preview.description')}</p>
      </div>
      <form className="hb-dash-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <SelectField
          label={t('partnerRewards.preview.kind')}
          value={values.kind}
          onChange={(event) => setValues({ ...values, kind: connectionKinds.find((kind) => kind === event.target.value) ?? 'proximity' })}
          options={connectionKinds.map((kind) => ({ value: kind, label: t(`partnerRewards.connectionKinds.${kind}`) }))}
        />
        <CheckboxField label={t('partnerRewards.preview.locationVerified')} checked={values.locationVerified} onChange={(locationVerified) => setValues({ ...values, locationVerified })} />
        <TextField label={t('partnerRewards.preview.madeAt')} hint={t('partnerRewards.preview.madeAtHint')} type="datetime-local" value={values.madeAt} onChange={(event) => setValues({ ...values, madeAt: event.target.value })} />
        <div className="hb-pr-form-grid">
          <TextField label={t('partnerRewards.preview.cell')} spellCheck={false} autoCapitalize="none" value={values.cell} onChange={(event) => setValues({ ...values, cell: event.target.value })} />
          <TextField label={t('partnerRewards.preview.zip')} inputMode="numeric" value={values.zip} onChange={(event) => setValues({ ...values, zip: event.target.value })} />
        </div>
        <CheckboxField label={t('partnerRewards.preview.firstEver')} checked={values.firstEver} onChange={(firstEver) => setValues({ ...values, firstEver })} />
        <CheckboxField label={t('partnerRewards.preview.firstWithThisOfficer')} checked={values.firstWithThisOfficer} onChange={(firstWithThisOfficer) => setValues({ ...values, firstWithThisOfficer })} />
        <div>
          <Button type="submit" variant="secondary" loading={pending}>
            {pending ? t('partnerRewards.preview.working') : t('partnerRewards.preview.submit')}
          </Button>
        </div>
      </form>
      {failure ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {failure}
        </Notice>
      ) : null}
      {preview ? <PreviewResult preview={preview} /> : null}
    </Card>
  );
}
