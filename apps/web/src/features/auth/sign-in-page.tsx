import { useEffect, useId, useRef, useState } from 'react';
import type { ClipboardEvent, FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { requestSignInCode, verifySignInCode } from '../../api/auth.ts';
import type { CodeChallenge, CodeChannel, VerifiedSignIn } from '../../api/auth.ts';
import {
  AlertIcon,
  ArrowLeftIcon,
  ArrowRightIcon,
  Button,
  Card,
  CheckCircleIcon,
  LoadingState,
  MailIcon,
  Notice,
  PageHeader,
  PhoneIcon,
  RefreshIcon,
  SegmentedControl,
  TextField,
} from '../../ui/index.ts';
import { splitAround } from '../../i18n/split-around.ts';
import { authErrorMessage, deadCodeErrors } from './auth-messages.ts';
import { safeNextPath } from './next-path.ts';
import { redirectErrorMessage, SignInAlternatives } from './sign-in-alternatives.tsx';
import { useSession } from './session-context.tsx';
import './sign-in-page.css';

/** How long after a code is sent before a new one can be asked for. */
const resendCooldownMs = 30_000;
const codeLength = 6;

/** Where the flow is: asking for the address, or for the code sent to it. */
type Step = { kind: 'address'; returning: boolean } | { kind: 'code'; challenge: CodeChallenge; address: string; sentAt: number };

/** What the person wrote for each channel, kept when they switch back and forth. */
type Addresses = Record<CodeChannel, string>;


/** Whole seconds until `deadline`, ticking down once a second. */
function useSecondsUntil(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

export interface AddressStepProps {
  channel: CodeChannel;
  addresses: Addresses;
  /** Focus the field on arrival (when coming back from the code step). */
  focusOnMount: boolean;
  onChannel: (channel: CodeChannel) => void;
  onAddress: (value: string) => void;
  onSent: (challenge: CodeChallenge, address: string) => void;
}

/** Step 1: email or phone, and where to send the code. */
export function AddressStep({ channel, addresses, focusOnMount, onChannel, onAddress, onSent }: AddressStepProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field: boolean } | undefined>(undefined);
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const address = addresses[channel];

  useEffect(() => {
    if (focusOnMount) input.current?.focus();
  }, [focusOnMount]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const value = address.trim();
    if (!value) {
      setError({ message: channel === 'email' ? t('auth.signIn.emailRequired') : t('auth.signIn.phoneRequired'), field: true });
      input.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      onSent(await requestSignInCode(channel, value), value);
    } catch (cause) {
      const apiError = toApiError(cause);
      const field = apiError.code === 'IDENTITY_ADDRESS_INVALID' || apiError.code === 'PLATFORM_VALIDATION_FAILED';
      setError({ message: authErrorMessage(t, apiError, channel), field });
      setPending(false);
      if (field) input.current?.focus();
    }
  }

  function choose(next: CodeChannel) {
    setError(undefined);
    onChannel(next);
  }

  return (
    <form className="hb-sign-in__form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
      <SegmentedControl
        legend={t('auth.signIn.channelLegend')}
        value={channel}
        onChange={choose}
        options={[
          { value: 'email', label: t('auth.signIn.email'), icon: <MailIcon size={20} /> },
          { value: 'sms', label: t('auth.signIn.phone'), icon: <PhoneIcon size={20} /> },
        ]}
      />
      {channel === 'email' ? (
        <TextField
          key="email"
          ref={input}
          label={t('auth.signIn.emailLabel')}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="send"
          placeholder={t('auth.signIn.emailPlaceholder')}
          value={address}
          onChange={(event) => onAddress(event.target.value)}
          invalid={error?.field ?? false}
          errorId={errorId}
        />
      ) : (
        <TextField
          key="sms"
          ref={input}
          label={t('auth.signIn.phoneLabel')}
          hint={t('auth.signIn.phoneHint')}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          enterKeyHint="send"
          placeholder="+1 202 555 0143"
          value={address}
          onChange={(event) => onAddress(event.target.value)}
          invalid={error?.field ?? false}
          errorId={errorId}
        />
      )}
      {error ? (
        <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
          {error.message}
        </Notice>
      ) : null}
      <Button type="submit" block loading={pending}>
        {pending ? t('auth.signIn.sending') : t('auth.signIn.send')}
        {pending ? null : <ArrowRightIcon />}
      </Button>
      <p className="hb-sign-in__footnote">{t('auth.signIn.newHere')}</p>
    </form>
  );
}

export interface CodeStepProps {
  channel: CodeChannel;
  address: string;
  challenge: CodeChallenge;
  sentAt: number;
  onResent: (challenge: CodeChallenge) => void;
  onChangeAddress: () => void;
  /** Finishes signing in; a rejection is shown like a failed code. */
  onVerified: (result: VerifiedSignIn) => Promise<void>;
}

/** Step 2: the 6-digit code, a new code, or a different address. */
export function CodeStep({ channel, address, challenge, sentAt, onResent, onChangeAddress, onVerified }: CodeStepProps) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState<'verify' | 'resend' | undefined>(undefined);
  const [error, setError] = useState<{ message: string; dead: boolean } | undefined>(undefined);
  const [resent, setResent] = useState(false);
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const resendButton = useRef<HTMLButtonElement>(null);
  const errorId = useId();
  const cooldown = useSecondsUntil(sentAt + resendCooldownMs);
  const dead = error?.dead ?? false;

  useEffect(() => {
    input.current?.focus();
  }, [challenge.challengeId]);

  async function verify(value: string) {
    if (busy.current || dead) return;
    if (value.length !== codeLength) {
      setError({ message: t('auth.code.required'), dead: false });
      input.current?.focus();
      return;
    }
    busy.current = true;
    setPending('verify');
    setError(undefined);
    setResent(false);
    try {
      await onVerified(await verifySignInCode(challenge.challengeId, value));
    } catch (cause) {
      const apiError = toApiError(cause);
      const isDead = deadCodeErrors.has(apiError.code);
      busy.current = false;
      setPending(undefined);
      setCode('');
      setError({ message: authErrorMessage(t, apiError, channel), dead: isDead });
      // After a dead code the next step is a new one; otherwise type the code again.
      if (isDead) requestAnimationFrame(() => resendButton.current?.focus());
      else input.current?.focus();
    }
  }

  async function resend() {
    if (busy.current) return;
    busy.current = true;
    setPending('resend');
    setResent(false);
    try {
      const next = await requestSignInCode(channel, address);
      setError(undefined);
      setCode('');
      setResent(true);
      onResent(next);
    } catch (cause) {
      setError({ message: authErrorMessage(t, toApiError(cause), channel), dead });
    } finally {
      busy.current = false;
      setPending(undefined);
    }
  }

  function type(value: string) {
    const digits = value.replace(/\D/g, '').slice(0, codeLength);
    setCode(digits);
    if (digits.length === codeLength) void verify(digits);
  }

  function paste(event: ClipboardEvent<HTMLInputElement>) {
    // "123 456" or "Your code: 123456" would be cut short by maxlength; take the digits instead.
    const digits = event.clipboardData.getData('text').replace(/\D/g, '');
    if (digits.length < codeLength) return;
    event.preventDefault();
    type(digits);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void verify(code);
  }

  const expiresAt = new Date(challenge.expiresAt);
  const expires = Number.isNaN(expiresAt.getTime())
    ? undefined
    : new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(expiresAt);
  const canResendNow = dead || cooldown === 0;

  return (
    <form className="hb-sign-in__form" noValidate onSubmit={submit} aria-busy={pending !== undefined}>
      {dead ? null : (
        <TextField
          ref={input}
          look="code"
          label={t('auth.code.label')}
          hint={expires ? t('auth.code.expires', { time: expires }) : undefined}
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          enterKeyHint="done"
          pattern="[0-9]*"
          maxLength={codeLength}
          placeholder="••••••"
          value={code}
          onChange={(event) => type(event.target.value)}
          onPaste={paste}
          invalid={error !== undefined}
          errorId={errorId}
        />
      )}
      {error ? (
        <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
          {error.message}
        </Notice>
      ) : null}
      {resent && !error ? (
        <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
          {t('auth.code.resent', { address })}
        </Notice>
      ) : null}
      {dead ? null : (
        <Button type="submit" block loading={pending === 'verify'}>
          {pending === 'verify' ? t('auth.code.checking') : t('auth.code.submit')}
          {pending === 'verify' ? null : <ArrowRightIcon />}
        </Button>
      )}
      <div className="hb-sign-in__secondary">
        <Button
          ref={resendButton}
          variant={dead ? 'primary' : 'secondary'}
          block={dead}
          size={dead ? 'md' : 'sm'}
          icon={<RefreshIcon />}
          loading={pending === 'resend'}
          aria-disabled={!canResendNow || undefined}
          onClick={() => void resend()}
        >
          {pending === 'resend'
            ? t('auth.code.resending')
            : canResendNow
              ? t('auth.code.resend')
              : t('auth.code.resendIn', { seconds: cooldown })}
        </Button>
        <Button variant="ghost" size="sm" icon={<ArrowLeftIcon />} onClick={onChangeAddress}>
          {t('auth.code.changeAddress')}
        </Button>
      </div>
      {import.meta.env.DEV ? (
        <p className="hb-sign-in__footnote">
          <Link to="/dev/outbox">{t('auth.code.devHint')}</Link>
        </p>
      ) : null}
    </form>
  );
}

/** `/sign-in`: a one-time code by email or text message, then back to where the person was going. */
export function SignInPage() {
  const { t } = useTranslation();
  const { status, session } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  /** Set when the person asked to come back somewhere (e.g. an invitation), even as a new account. */
  const explicitNext = safeNextPath(params.get('next'), '');
  /** Why signing in with the organisation failed, from the server's redirect (`?error=CODE`); kept after the URL is cleaned. */
  const [redirectError] = useState(() => params.get('error') ?? undefined);
  const [channel, setChannel] = useState<CodeChannel>('email');
  const [addresses, setAddresses] = useState<Addresses>({ email: '', sms: '' });
  const [step, setStep] = useState<Step>({ kind: 'address', returning: false });
  /** Set once a code is accepted, so becoming signed in does not redirect before we navigate. */
  const [completing, setCompleting] = useState(false);

  useEffect(() => {
    if (params.has('error')) {
      setParams(
        (current) => {
          current.delete('error');
          return current;
        },
        { replace: true },
      );
    }
  }, [params, setParams]);

  if (status === 'signed-in' && !completing) return <Navigate to={next} replace />;

  async function finish(result: VerifiedSignIn) {
    setCompleting(true);
    try {
      await session.signIn(result);
    } catch (error) {
      setCompleting(false);
      throw error;
    }
    if (result.account.isNew && !explicitNext) {
      // A new person is welcomed first: a name of their own, a language, a picture.
      void navigate('/welcome', { replace: true });
    } else {
      void navigate(next, { replace: true });
    }
  }

  let header;
  if (step.kind === 'code') {
    const description = t('auth.code.description', { address: step.address });
    const [before, after] = splitAround(description, step.address);
    header = (
      <PageHeader
        title={channel === 'email' ? t('auth.code.titleEmail') : t('auth.code.titlePhone')}
        description={
          <>
            {before}
            <strong className="hb-sign-in__address">{step.address}</strong>
            {after}
          </>
        }
      />
    );
  } else {
    header = <PageHeader title={t('auth.signIn.title')} description={t('auth.signIn.description')} />;
  }

  return (
    <div className="hb-stack hb-sign-in">
      {header}
      <Card className="hb-sign-in__card">
        {redirectError && step.kind === 'address' ? (
          <Notice tone="error" role="alert" icon={<AlertIcon />}>
            {redirectErrorMessage(t, redirectError)}
          </Notice>
        ) : null}
        {status === 'restoring' ? (
          <LoadingState label={t('auth.restoring')} />
        ) : step.kind === 'address' ? (
          <AddressStep
            channel={channel}
            addresses={addresses}
            focusOnMount={step.returning}
            onChannel={setChannel}
            onAddress={(value) => setAddresses((previous) => ({ ...previous, [channel]: value }))}
            onSent={(challenge, address) => setStep({ kind: 'code', challenge, address, sentAt: Date.now() })}
          />
        ) : (
          <CodeStep
            key={step.address}
            channel={channel}
            address={step.address}
            challenge={step.challenge}
            sentAt={step.sentAt}
            onResent={(challenge) => setStep({ ...step, challenge, sentAt: Date.now() })}
            onChangeAddress={() => setStep({ kind: 'address', returning: true })}
            onVerified={finish}
          />
        )}
        {status !== 'restoring' && step.kind === 'address' ? <SignInAlternatives onVerified={finish} /> : null}
      </Card>
    </div>
  );
}
