import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { createOffer, removeOfferImage, setOfferImage, updateOffer } from '../../../api/partner-rewards.ts';
import type { Offer } from '../../../api/partner-rewards.ts';
import { AlertIcon, Button, Dialog, Notice } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { OfferFormFields } from './offer-form-fields.tsx';
import { PictureField } from './picture-field.tsx';
import type { PictureChange } from './picture-rules.ts';
import { emptyOfferForm, offerPatchOf, offerToForm, readOfferForm } from './offer-form-model.ts';
import type { OfferFormErrors, OfferFormValues } from './offer-form-model.ts';
import { rewardsErrorMessage } from './rewards-errors.ts';

export interface OfferDialogProps {
  organisationId: string;
  /** The offer to edit; undefined for a new one. */
  offer: Offer | undefined;
  open: boolean;
  scheme: boolean;
  onClose: () => void;
  /** The offer as saved; `pictureProblem` says why its picture was not, when the rest was. */
  onSaved: (offer: Offer, created: boolean, pictureProblem?: string) => void;
}

const noErrors: OfferFormErrors = { fields: {}, locations: {} };

/** Creates or edits an offer and its picture in a dialog; on edit only the changed fields are sent, then the picture if it changed. */
export function OfferDialog({ organisationId, offer, open, scheme, onClose, onSaved }: OfferDialogProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const alertId = useId();
  const [initial, setInitial] = useState<OfferFormValues>(() => (offer ? offerToForm(offer) : emptyOfferForm(new Date())));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<OfferFormErrors>(noErrors);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [picture, setPicture] = useState<PictureChange>({ kind: 'keep' });

  useEffect(() => {
    if (!open) return;
    const start = offer ? offerToForm(offer) : emptyOfferForm(new Date());
    setInitial(start);
    setValues(start);
    setErrors(noErrors);
    setFailure(undefined);
    setPicture({ kind: 'keep' });
  }, [open, offer]);

  /** Sends the picture's change for the saved offer: the offer after it, and why it failed if it did (the offer itself is saved). */
  async function savePicture(saved: Offer): Promise<{ offer: Offer; problem?: string }> {
    try {
      if (picture.kind === 'replace') return { offer: await setOfferImage(session, organisationId, saved.id, picture.file) };
      if (picture.kind === 'remove' && saved.imageUrl) return { offer: await removeOfferImage(session, organisationId, saved.id) };
      return { offer: saved };
    } catch (cause) {
      return { offer: saved, problem: rewardsErrorMessage(t, toApiError(cause)) };
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const result = readOfferForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      setFailure(t('partnerRewards.offerForm.fixFields'));
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors(noErrors);
    setFailure(undefined);
    setPending(true);
    try {
      const patch = offer ? offerPatchOf(initial, values, result.input) : undefined;
      const saved = offer ? (patch && Object.keys(patch).length > 0 ? await updateOffer(session, organisationId, offer.id, patch) : offer) : await createOffer(session, organisationId, result.input);
      const pictured = await savePicture(saved);
      onSaved(pictured.offer, offer === undefined, pictured.problem);
    } catch (cause) {
      setFailure(rewardsErrorMessage(t, toApiError(cause)));
    } finally {
      setPending(false);
    }
  }

  const title = offer
    ? t('partnerRewards.offerForm.editTitle', { title: offer.title })
    : scheme
      ? t('partnerRewards.offerForm.newSchemeTitle')
      : t('partnerRewards.offerForm.newTitle');
  return (
    <Dialog open={open} title={title} onClose={onClose} closeLabel={t('dashboard.common.close')}>
      <form ref={form} className="hb-dash-form hb-pr-wide-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <OfferFormFields values={values} errors={errors} onChange={setValues} editing={offer !== undefined} scheme={scheme} issuerSecret={offer?.issuerSecret ?? undefined} />
        <PictureField currentUrl={offer?.imageUrl ?? null} change={picture} onChange={setPicture} art={values.category || 'other'} />
        {failure ? (
          <Notice tone="error" role="alert" id={alertId} icon={<AlertIcon />}>
            {failure}
          </Notice>
        ) : null}
        <div className="hb-dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('dashboard.common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {pending ? t('partnerRewards.common.saving') : offer ? t('partnerRewards.common.saveChanges') : scheme ? t('partnerRewards.offerForm.publishScheme') : t('partnerRewards.offerForm.publish')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
