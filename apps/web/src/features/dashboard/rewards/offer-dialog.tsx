import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error.ts';
import { createOffer, updateOffer } from '../../../api/partner-rewards.ts';
import type { Offer } from '../../../api/partner-rewards.ts';
import { AlertIcon, Button, Dialog, Notice } from '../../../ui/index.ts';
import { useSession } from '../../auth/session-context.tsx';
import { OfferFormFields } from './offer-form-fields.tsx';
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
  onSaved: (offer: Offer, created: boolean) => void;
}

const noErrors: OfferFormErrors = { fields: {}, locations: {} };

/** Creates or edits an offer in a dialog; on edit only the changed fields are sent. */
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

  useEffect(() => {
    if (!open) return;
    const start = offer ? offerToForm(offer) : emptyOfferForm(new Date());
    setInitial(start);
    setValues(start);
    setErrors(noErrors);
    setFailure(undefined);
  }, [open, offer]);

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
      if (offer) {
        const patch = offerPatchOf(initial, values, result.input);
        const saved = Object.keys(patch).length === 0 ? offer : await updateOffer(session, organisationId, offer.id, patch);
        onSaved(saved, false);
      } else {
        onSaved(await createOffer(session, organisationId, result.input), true);
      }
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
