import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { organisationTypes, requestOrganisation } from '../../api/organisations.ts';
import type { Organisation, OrganisationType } from '../../api/organisations.ts';
import { AlertIcon, ArrowRightIcon, Button, Notice, SelectField, TextField } from '../../ui/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { dashboardErrorMessage } from './dashboard-errors.ts';
import { typeLabel } from './labels.ts';

export interface RequestOrganisationFormProps {
  /** The request was sent; the organisation is pending. */
  onRequested: (organisation: Organisation) => void;
  /** Mark the name field to take focus when a dialog opens. */
  autoFocus?: boolean;
}

/** Type and name of a new organisation; an admin approves it and the requester becomes its owner. */
export function RequestOrganisationForm({ onRequested, autoFocus = false }: RequestOrganisationFormProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [type, setType] = useState<OrganisationType>('retailer');
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field: boolean } | undefined>(undefined);
  const errorId = useId();
  const nameInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const trimmed = name.trim();
    if (trimmed.length < 2) {
      setError({ message: trimmed ? t('dashboard.request.nameTooShort') : t('dashboard.request.nameRequired'), field: true });
      nameInput.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const organisation = await requestOrganisation(session, { type, name: trimmed });
      setName('');
      onRequested(organisation);
    } catch (cause) {
      const apiError = toApiError(cause);
      const field = apiError.code === 'PLATFORM_VALIDATION_FAILED';
      setError({ message: dashboardErrorMessage(t, apiError), field });
      if (field) nameInput.current?.focus();
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="hb-dash-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
      <SelectField
        label={t('dashboard.request.typeLabel')}
        hint={t(`dashboard.request.typeHints.${type}`)}
        name="type"
        value={type}
        onChange={(event) => setType(organisationTypes.find((option) => option === event.target.value) ?? 'retailer')}
        options={organisationTypes.map((option) => ({ value: option, label: typeLabel(t, option) }))}
      />
      <TextField
        ref={nameInput}
        label={t('dashboard.request.nameLabel')}
        hint={t('dashboard.request.nameHint')}
        name="organisation-name"
        autoComplete="organization"
        maxLength={120}
        value={name}
        data-autofocus={autoFocus || undefined}
        onChange={(event) => setName(event.target.value)}
        invalid={error?.field ?? false}
        errorId={errorId}
      />
      {error ? (
        <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
          {error.message}
        </Notice>
      ) : null}
      <div>
        <Button type="submit" loading={pending}>
          {pending ? t('dashboard.request.sending') : t('dashboard.request.submit')}
          {pending ? null : <ArrowRightIcon />}
        </Button>
      </div>
    </form>
  );
}
