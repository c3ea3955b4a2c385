import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { requestPhoneCode, verifyPhone } from '../../api/account.ts';
import type { CodeChallenge } from '../../api/auth.ts';
import type { Session } from '../../api/session.ts';
import { AlertIcon, Button, CheckCircleIcon, Notice, PhoneIcon, TextField } from '../../ui/index.ts';
import { authErrorMessage, deadCodeErrors } from '../auth/auth-messages.ts';
import './phone-section.css';

const codeLength = 6;

function phoneErrorMessage(t: TFunction, error: ApiError): string {
  switch (error.code) {
    case 'IDENTITY_CHANNEL_UNAVAILABLE':
      return t('phone.errors.unavailable');
    default:
      return authErrorMessage(t, error, 'sms');
  }
}

type Step = { kind: 'closed' } | { kind: 'number' } | { kind: 'code'; challenge: CodeChallenge; phone: string };

export interface PhoneSectionProps {
  session: Session;
  phone: string | null;
}

/**
 * Add or change the account's phone: a number, then the code texted to it. Verifying makes this
 * device the account's only device, which the person is told before they send the code and again
 * before they confirm it.
 */
export function PhoneSection({ session, phone }: PhoneSectionProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field: boolean } | undefined>(undefined);
  const [done, setDone] = useState(false);
  const errorId = useId();
  const warningId = useId();
  const numberInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (step.kind === 'number') numberInput.current?.focus();
    if (step.kind === 'code') codeInput.current?.focus();
  }, [step.kind]);

  function open() {
    setStep({ kind: 'number' });
    setError(undefined);
    setDone(false);
  }

  function close() {
    setStep({ kind: 'closed' });
    setError(undefined);
    setCode('');
    requestAnimationFrame(() => openButton.current?.focus());
  }

  async function send(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (pending) return;
    const value = step.kind === 'code' ? step.phone : number.trim();
    if (!value) {
      setError({ message: t('auth.signIn.phoneRequired'), field: true });
      numberInput.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const challenge = await requestPhoneCode(session, value);
      setCode('');
      setStep({ kind: 'code', challenge, phone: value });
    } catch (cause) {
      const apiError = toApiError(cause);
      setError({ message: phoneErrorMessage(t, apiError), field: apiError.code === 'IDENTITY_ADDRESS_INVALID' || apiError.code === 'PLATFORM_VALIDATION_FAILED' });
    } finally {
      setPending(false);
    }
  }

  async function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || step.kind !== 'code') return;
    if (code.length !== codeLength) {
      setError({ message: t('auth.code.required'), field: true });
      codeInput.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await verifyPhone(session, step.challenge.challengeId, code);
      await session.reloadAccount().catch(() => undefined);
      setDone(true);
      setStep({ kind: 'closed' });
      setNumber('');
      setCode('');
      requestAnimationFrame(() => openButton.current?.focus());
    } catch (cause) {
      const apiError = toApiError(cause);
      setCode('');
      setError({ message: phoneErrorMessage(t, apiError), field: !deadCodeErrors.has(apiError.code) && apiError.code !== 'IDENTITY_PHONE_TAKEN' });
      codeInput.current?.focus();
    } finally {
      setPending(false);
    }
  }

  const errorNotice = error ? (
    <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
      {error.message}
    </Notice>
  ) : null;

  return (
    <div className="hb-phone">
      {done ? (
        <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
          {t('phone.verified')}
        </Notice>
      ) : null}
      {step.kind === 'closed' ? (
        <div>
          <Button ref={openButton} size="sm" variant="secondary" icon={<PhoneIcon size={18} />} onClick={open}>
            {phone ? t('phone.change') : t('phone.add')}
          </Button>
        </div>
      ) : null}
      {step.kind === 'number' ? (
        <form className="hb-phone__form" noValidate onSubmit={(event) => void send(event)} aria-busy={pending}>
          <Notice tone="warning" id={warningId} icon={<AlertIcon />} title={t('phone.warningTitle')}>
            {t('phone.warningBody')}
          </Notice>
          <TextField
            ref={numberInput}
            label={t('phone.numberLabel')}
            hint={t('auth.signIn.phoneHint')}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            enterKeyHint="send"
            placeholder="+1 202 555 0143"
            value={number}
            onChange={(event) => setNumber(event.target.value)}
            invalid={error?.field ?? false}
            errorId={errorId}
          />
          {errorNotice}
          <div className="hb-phone__actions">
            <Button type="submit" size="sm" loading={pending}>
              {pending ? t('auth.signIn.sending') : t('phone.sendCode')}
            </Button>
            <Button size="sm" variant="ghost" onClick={close}>
              {t('phone.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {step.kind === 'code' ? (
        <form className="hb-phone__form" noValidate onSubmit={(event) => void verify(event)} aria-busy={pending}>
          <p>
            {t('phone.codeSent', { phone: step.phone })}
          </p>
          <TextField
            ref={codeInput}
            look="code"
            label={t('auth.code.label')}
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            enterKeyHint="done"
            pattern="[0-9]*"
            maxLength={codeLength}
            placeholder="••••••"
            value={code}
            onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, codeLength))}
            invalid={error?.field ?? false}
            errorId={errorId}
          />
          <Notice tone="warning" icon={<AlertIcon />}>
            {t('phone.confirmWarning')}
          </Notice>
          {errorNotice}
          <Button type="submit" block loading={pending}>
            {pending ? t('phone.verifying') : t('phone.verify')}
          </Button>
          <div className="hb-phone__actions hb-phone__actions--secondary">
            <Button size="sm" variant="secondary" aria-disabled={pending || undefined} onClick={() => void send()}>
              {t('auth.code.resend')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setStep({ kind: 'number' })}>
              {t('phone.otherNumber')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
