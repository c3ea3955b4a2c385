import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { causeKinds, createCause, updateCause } from '../../../api/partner-rewards.ts';
import type { Cause } from '../../../api/partner-rewards.ts';
import { AlertIcon, Button, Dialog, Notice, SegmentedControl, Switch, TextAreaField, TextField } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { causePatchOf, causeToForm, emptyCauseForm, readCauseForm } from './cause-form-model.ts';
import type { CauseFormErrors, CauseFormValues, CauseProblem } from './cause-form-model.ts';
import { FieldError } from './field-error.tsx';
import { causeKindLabel } from './rewards-labels.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';

export interface CauseDialogProps {
  organisationId: string;
  /** The cause to edit; undefined for a new one. */
  cause: Cause | undefined;
  open: boolean;
  onClose: () => void;
  onSaved: (cause: Cause, created: boolean) => void;
}

/** Creates or edits a cause (or a family in need) in a dialog. */
export function CauseDialog({ organisationId, cause, open, onClose, onSaved }: CauseDialogProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const base = useId();
  const form = useRef<HTMLFormElement>(null);
  const [initial, setInitial] = useState<CauseFormValues>(emptyCauseForm);
  const [values, setValues] = useState<CauseFormValues>(emptyCauseForm);
  const [errors, setErrors] = useState<CauseFormErrors>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    const start = cause ? causeToForm(cause) : emptyCauseForm();
    setInitial(start);
    setValues(start);
    setErrors({});
    setFailure(undefined);
  }, [open, cause]);

  const problemText = (problem: CauseProblem | undefined) => (problem ? t(`partnerRewards.causeForm.problems.${problem}`) : undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const result = readCauseForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      setFailure(undefined);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setFailure(undefined);
    setPending(true);
    try {
      if (cause) {
        const patch = causePatchOf(initial, values, result.input);
        onSaved(Object.keys(patch).length === 0 ? cause : await updateCause(session, organisationId, cause.id, patch), false);
      } else {
        let created = await createCause(session, organisationId, result.input);
        // A new cause is open; one created closed is closed straight after.
        if (!result.active) created = await updateCause(session, organisationId, created.id, { active: false });
        onSaved(created, true);
      }
    } catch (cause) {
      setFailure(rewardsErrorMessage(t, toApiError(cause)));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} title={cause ? t('partnerRewards.causeForm.editTitle', { title: cause.title }) : t('partnerRewards.causeForm.newTitle')} onClose={onClose} closeLabel={t('dashboard.common.close')}>
      <form ref={form} className="hb-dash-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <SegmentedControl
          legend={t('partnerRewards.causeForm.kind')}
          value={values.kind}
          onChange={(kind) => setValues({ ...values, kind })}
          options={causeKinds.map((kind) => ({ value: kind, label: causeKindLabel(t, kind) }))}
        />
        <p className="hb-field__hint">{values.kind === 'family' ? t('partnerRewards.causeForm.familyHint') : t('partnerRewards.causeForm.causeHint')}</p>
        <div>
          <TextField
            label={t('partnerRewards.causeForm.title')}
            value={values.title}
            maxLength={120}
            onChange={(event) => setValues({ ...values, title: event.target.value })}
            invalid={errors.title !== undefined}
            errorId={`${base}-title`}
            data-autofocus
          />
          <FieldError id={`${base}-title`} message={problemText(errors.title)} />
        </div>
        <div>
          <TextAreaField
            label={t('partnerRewards.causeForm.description')}
            rows={4}
            value={values.description}
            onChange={(event) => setValues({ ...values, description: event.target.value })}
            invalid={errors.description !== undefined}
            errorId={`${base}-description`}
          />
          <FieldError id={`${base}-description`} message={problemText(errors.description)} />
        </div>
        <div>
          <TextField
            label={t('partnerRewards.causeForm.goalPoints')}
            hint={t('partnerRewards.causeForm.goalPointsHint')}
            inputMode="numeric"
            value={values.goalPoints}
            onChange={(event) => setValues({ ...values, goalPoints: event.target.value })}
            invalid={errors.goalPoints !== undefined}
            errorId={`${base}-goal`}
          />
          <FieldError id={`${base}-goal`} message={problemText(errors.goalPoints)} />
        </div>
        <Switch
          label={t('partnerRewards.causeForm.active')}
          description={t('partnerRewards.causeForm.activeHint')}
          checked={values.active}
          onChange={(active) => setValues({ ...values, active })}
          stateLabels={{ on: t('partnerRewards.causeStatuses.open'), off: t('partnerRewards.causeStatuses.closed') }}
        />
        {failure ? (
          <Notice tone="error" role="alert" icon={<AlertIcon />}>
            {failure}
          </Notice>
        ) : null}
        <div className="hb-dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('dashboard.common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {pending ? t('partnerRewards.common.saving') : cause ? t('partnerRewards.common.saveChanges') : t('partnerRewards.causeForm.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
