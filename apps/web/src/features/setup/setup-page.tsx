import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import { redeemFirstAdminLink } from '../../api/first-admin.ts';
import { AlertIcon, ArrowRightIcon, Button, Card, Notice, PageHeader, ShieldCheckIcon, TextField } from '../../ui/index.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';
import { useSession } from '../auth/session-context.tsx';
import './setup-page.css';

/**
 * `/setup/:token`: the one-time link a new development server prints. Whoever opens it names the
 * email of the first administrator, who is signed in at once and taken to the dashboard.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { session } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field: boolean; dead: boolean } | undefined>(undefined);
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const value = email.trim();
    if (!value) {
      setError({ message: t('auth.signIn.emailRequired'), field: true, dead: false });
      input.current?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await session.signIn(await redeemFirstAdminLink(token, value));
      void navigate('/dashboard', { replace: true });
    } catch (cause) {
      const apiError = toApiError(cause);
      setPending(false);
      if (apiError.code === 'IDENTITY_BOOTSTRAP_INVALID' || (apiError.code === 'PLATFORM_VALIDATION_FAILED' && token.length < 20)) {
        setError({ message: t('setup.invalid'), field: false, dead: true });
        return;
      }
      const field = apiError.code === 'IDENTITY_ADDRESS_INVALID' || apiError.code === 'PLATFORM_VALIDATION_FAILED';
      setError({ message: authErrorMessage(t, apiError, 'email'), field, dead: false });
      if (field) input.current?.focus();
    }
  }

  return (
    <div className="hb-stack hb-setup">
      <PageHeader eyebrow={t('setup.eyebrow')} title={t('setup.title')} description={t('setup.description')} />
      <Card className="hb-setup__card">
        {error?.dead ? (
          <Notice tone="error" role="alert" icon={<AlertIcon />} title={t('setup.invalidTitle')}>
            {error.message}
          </Notice>
        ) : (
          <form className="hb-setup__form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
            <Notice tone="info" icon={<ShieldCheckIcon size={20} />}>
              {t('setup.explain')}
            </Notice>
            <TextField
              ref={input}
              label={t('setup.emailLabel')}
              hint={t('setup.emailHint')}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="email"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              placeholder={t('auth.signIn.emailPlaceholder')}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              invalid={error?.field ?? false}
              errorId={errorId}
            />
            {error ? (
              <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
                {error.message}
              </Notice>
            ) : null}
            <Button type="submit" block loading={pending}>
              {pending ? t('setup.working') : t('setup.submit')}
              {pending ? null : <ArrowRightIcon />}
            </Button>
          </form>
        )}
      </Card>
    </div>
  );
}
