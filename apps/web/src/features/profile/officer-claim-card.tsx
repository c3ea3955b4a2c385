import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorReference } from '../../i18n/error-messages.ts';
import type { ApiError } from '../../api/api-error.ts';
import { toApiError } from '../../api/api-error.ts';
import { claimOfficerEntry, listPrecincts } from '../../api/officer-claims.ts';
import type { Precinct } from '../../api/officer-claims.ts';
import type { Session } from '../../api/session.ts';
import { AlertIcon, Button, Card, CheckCircleIcon, ErrorState, LoadingState, Notice, SelectField, TextField } from '../../ui/index.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';
import { useLoad } from './use-load.ts';
import './officer-claim-card.css';

type Field = 'precinct' | 'badge' | 'department';

/** A friendly, translated sentence for a failed claim, by its code. */
export function claimErrorMessage(t: TFunction, error: ApiError): string {
  switch (error.code) {
    case 'IDENTITY_ORGANISATION_NOT_FOUND':
      return t('officerClaim.errors.precinctNotFound');
    case 'PLATFORM_VALIDATION_FAILED':
      return t('officerClaim.errors.invalid');
    default:
      return authErrorMessage(t, error);
  }
}

/**
 * "Are you a police officer?": a citizen whose precinct lists them under another email claims their
 * roster entry by badge number and department; the precinct confirms it.
 */
export function OfficerClaimCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  const titleId = useId();
  const errorId = useId();
  const precincts = useLoad((signal) => listPrecincts(session, signal), 'precincts');
  const [precinctId, setPrecinctId] = useState('');
  const [badge, setBadge] = useState('');
  const [department, setDepartment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; field: Field | undefined } | undefined>(undefined);
  const [sent, setSent] = useState<Precinct | undefined>(undefined);
  const fields = { precinct: useRef<HTMLSelectElement>(null), badge: useRef<HTMLInputElement>(null), department: useRef<HTMLInputElement>(null) };

  function invalid(field: Field, message: string) {
    setError({ message, field });
    fields[field].current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending || precincts.state.status !== 'ready') return;
    const precinct = precincts.state.data.find((p) => p.id === precinctId);
    const badgeNumber = badge.trim();
    const dept = department.trim();
    if (!precinct) return invalid('precinct', t('officerClaim.errors.precinctRequired'));
    if (badgeNumber.length < 1 || badgeNumber.length > 32) return invalid('badge', t('officerClaim.errors.badgeInvalid'));
    if (dept.length < 1 || dept.length > 100) return invalid('department', t('officerClaim.errors.departmentInvalid'));
    setSending(true);
    setError(undefined);
    try {
      await claimOfficerEntry(session, { organisationId: precinct.id, badgeNumber, department: dept });
      setSent(precinct);
    } catch (cause) {
      const apiError = toApiError(cause);
      setError({ message: claimErrorMessage(t, apiError), field: apiError.code === 'IDENTITY_ORGANISATION_NOT_FOUND' ? 'precinct' : undefined });
      if (apiError.code === 'IDENTITY_ORGANISATION_NOT_FOUND') precincts.reload();
    } finally {
      setSending(false);
    }
  }

  const { state } = precincts;
  return (
    <Card className="hb-stack hb-officer-claim" aria-labelledby={titleId} data-testid="officer-claim">
      <div className="hb-officer-claim__head">
        <h2 id={titleId} className="hb-card__title">
          {t('officerClaim.title')}
        </h2>
        <p className="hb-officer-claim__lead">{t('officerClaim.lead')}</p>
      </div>
      {sent ? (
        <Notice tone="success" role="status" icon={<CheckCircleIcon />} title={t('officerClaim.sentTitle')}>
          {t('officerClaim.sentBody', { precinct: sent.name })}
        </Notice>
      ) : null}
      {!sent && state.status === 'loading' ? <LoadingState label={t('officerClaim.loading')} /> : null}
      {!sent && state.status === 'error' ? (
        <ErrorState
          title={t('officerClaim.loadFailed')}
          details={errorReference(t, state.error)}
          retryLabel={t('officerClaim.retry')}
          onRetry={precincts.reload}
        >
          <p>{authErrorMessage(t, state.error)}</p>
        </ErrorState>
      ) : null}
      {!sent && state.status === 'ready' && state.data.length === 0 ? <p className="hb-officer-claim__empty">{t('officerClaim.empty')}</p> : null}
      {!sent && state.status === 'ready' && state.data.length > 0 ? (
        <form className="hb-officer-claim__form" noValidate onSubmit={(event) => void submit(event)} aria-busy={sending}>
          <SelectField
            ref={fields.precinct}
            label={t('officerClaim.precinct')}
            name="precinct"
            value={precinctId}
            onChange={(event) => setPrecinctId(event.target.value)}
            options={[{ value: '', label: t('officerClaim.precinctPlaceholder') }, ...state.data.map((p) => ({ value: p.id, label: p.name }))]}
            invalid={error?.field === 'precinct'}
            errorId={errorId}
          />
          <TextField
            ref={fields.badge}
            label={t('officerClaim.badge')}
            hint={t('officerClaim.badgeHint')}
            name="badge-number"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={32}
            value={badge}
            onChange={(event) => setBadge(event.target.value)}
            invalid={error?.field === 'badge'}
            errorId={errorId}
          />
          <TextField
            ref={fields.department}
            label={t('officerClaim.department')}
            hint={t('officerClaim.departmentHint')}
            name="department"
            autoComplete="off"
            maxLength={100}
            value={department}
            onChange={(event) => setDepartment(event.target.value)}
            invalid={error?.field === 'department'}
            errorId={errorId}
          />
          {error ? (
            <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
              {error.message}
            </Notice>
          ) : null}
          <div>
            <Button type="submit" loading={sending}>
              {sending ? t('officerClaim.sending') : t('officerClaim.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
