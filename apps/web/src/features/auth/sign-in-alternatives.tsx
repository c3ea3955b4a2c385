import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { VerifiedSignIn } from '../../api/auth.ts';
import { getOidcOffer, oidcStartPath } from '../../api/oidc.ts';
import type { OidcOffer } from '../../api/oidc.ts';
import { localStorageHint } from '../../api/session.ts';
import { errorMessage, isKnownErrorCode } from '../../i18n/error-messages.ts';
import { buttonClassName, BuildingIcon } from '../../ui/index.ts';
import { PasskeySignIn } from '../passkeys/passkey-sign-in.tsx';
import { passkeysSupported } from '../passkeys/passkey-errors.ts';

/** The server's default button text, which the app can say in the reader's language. */
const defaultOidcLabel = 'Sign in with your organisation';

/** A sentence for the error a sign-in redirect brought back (`/sign-in?error=CODE`). */
export function redirectErrorMessage(t: TFunction, code: string): string {
  return isKnownErrorCode(code) ? errorMessage(t, { code }) : t('errors.IDENTITY_OIDC_FAILED');
}

/** Whether the server offers OpenID Connect; undefined until it has answered (or when it could not). */
function useOidcOffer(): OidcOffer | undefined {
  const [offer, setOffer] = useState<OidcOffer | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    getOidcOffer(controller.signal).then(
      (answer) => setOffer(answer),
      () => {
        // Without an answer the code and passkey ways remain; the button just stays away.
      },
    );
    return () => controller.abort();
  }, []);
  return offer;
}

/** Other ways in, under the code form: a passkey, and the organisation's sign-in when offered. */
export function SignInAlternatives({ onVerified }: { onVerified: (result: VerifiedSignIn) => Promise<void> }) {
  const { t } = useTranslation();
  const offer = useOidcOffer();
  const passkeys = passkeysSupported();
  const oidc = offer?.enabled === true;
  if (!passkeys && !oidc) return null;
  const label = !offer?.label || offer.label === defaultOidcLabel ? t('auth.oidc.defaultLabel') : offer.label;
  return (
    <div className="hb-sign-in__alternatives">
      <p className="hb-sign-in__or">
        <span>{t('auth.signIn.or')}</span>
      </p>
      {passkeys ? <PasskeySignIn onVerified={onVerified} /> : null}
      {oidc ? (
        <a
          href={oidcStartPath}
          className={buttonClassName({ variant: 'secondary', block: true })}
          // The server brings the browser back signed in by cookie: make sure the app looks for it.
          onClick={() => localStorageHint.set(true)}
        >
          <BuildingIcon size={20} />
          {label}
        </a>
      ) : null}
    </div>
  );
}
