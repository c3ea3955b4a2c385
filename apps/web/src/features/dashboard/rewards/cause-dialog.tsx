import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { causeKinds, createCause, removeCauseImage, setCauseImage, updateCause } from '../../../api/partner-rewards.ts';
import type { Cause } from '../../../api/partner-rewards.ts';
import { AlertIcon, Button, Dialog, Notice, SegmentedControl, Switch, TextAreaField, TextField } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { causePatchOf, causeToForm, emptyCauseForm, readCauseForm } from './cause-form-model.ts';
import type { CauseFormErrors, CauseFormValues, CauseProblem } from './cause-form-model.ts';
import { FieldError } from './field-error.tsx';
import { PictureField } from './picture-field.tsx';
import type { PictureChange } from './picture-rules.ts';
import { causeKindLabel } from './rewards-labels.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';

export interface CauseDialogProps {
  organisationId: string;
  /** The cause to edit; undefined for a new one. */
  cause: Cause | undefined;
  open: boolean;
  onClose: () => void;
  /** The cause as saved; `pictureProblem` says why its picture was not, when the rest was. */
  onSaved: (cause: Cause, created: boolean, pictureProblem?: string) => void;
}

/** Creates or edits a cause (or a family in need) and its picture in a dialog. */
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
  const [picture, setPicture] = useState<PictureChange>({ kind: 'keep' });

  useEffect(() => {
    if (!open) return;
    const start = cause ? causeToForm(cause) : emptyCauseForm();
    setInitial(start);
    setValues(start);
    setErrors({});
    setFailure(undefined);
    setPicture({ kind: 'keep' });
  }, [open, cause]);

  /** Sends the picture's change for the saved cause: the cause after it, and why it failed if it did (the cause itself is saved). */
  async function savePicture(saved: Cause): Promise<{ cause: Cause; problem?: string }> {
    try {
      if (picture.kind === 'replace') return { cause: await setCauseImage(session, organisationId, saved.id, picture.file) };
      if (picture.kind === 'remove' && saved.imageUrl) return { cause: await removeCauseImage(session, organisationId, saved.id) };
      return { cause: saved };
    } catch (problem) {
      return { cause: saved, problem: rewardsErrorMessage(t, toApiError(problem)) };
    }
  }

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
      let saved: Cause;
      if (cause) {
        const patch = causePatchOf(initial, values, result.input);
        saved = Object.keys(patch).length === 0 ? cause : await updateCause(session, organisationId, cause.id, patch);
      } else {
        saved = await createCause(session, organisationId, result.input);
        // A new cause is open; one created closed is closed straight after.
        if (!result.active) saved = await updateCause(session, organisationId, saved.id, { active: false });
      }
      const pictured = await savePicture(saved);
      onSaved(pictured.cause, cause === undefined, pictured.problem);
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
        <PictureField currentUrl={cause?.imageUrl ?? null} change={picture} onChange={setPicture} art="cause" />
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
