import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startAuthentication } from '@simplewebauthn/browser';
import { finishPasskeySignIn, startPasskeySignIn } from '../../api/passkeys.ts';
import type { VerifiedSignIn } from '../../api/auth.ts';
import { AlertIcon, Button, KeyIcon, Notice } from '../../ui/index.ts';
import { classifyPasskeyError, passkeyErrorMessage, passkeysSupported } from './passkey-errors.ts';

export interface PasskeySignInProps {
  /** Finishes signing in (as after a code); a rejection is shown like a refused passkey. */
  onVerified: (result: VerifiedSignIn) => Promise<void>;
}

/** "Sign in with a passkey": the browser offers this site's passkeys, no address needed. Hidden without WebAuthn. */
export function PasskeySignIn({ onVerified }: PasskeySignInProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  if (!passkeysSupported()) return null;

  async function signIn() {
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      const { ceremonyId, options } = await startPasskeySignIn();
      const response = await startAuthentication({ optionsJSON: options });
      await onVerified(await finishPasskeySignIn(ceremonyId, response));
    } catch (cause) {
      setError(passkeyErrorMessage(t, classifyPasskeyError(cause), 'sign-in'));
      setPending(false);
    }
  }

  return (
    <>
      <Button variant="secondary" block icon={<KeyIcon size={20} />} loading={pending} onClick={() => void signIn()}>
        {pending ? t('passkeys.signingIn') : t('passkeys.signIn')}
      </Button>
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {error}
        </Notice>
      ) : null}
    </>
  );
}
