import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import type { Session } from '../../api/session.ts';
import { AlertIcon, Button, Card, Notice, SignOutIcon } from '../../ui/index.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';

/** Sign out here, or everywhere after a confirmation. */
export function SessionsCard({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const confirmTitleId = useId();
  const [pending, setPending] = useState<'here' | 'everywhere' | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const everywhereButton = useRef<HTMLButtonElement>(null);
  const confirmTitle = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmTitle.current?.focus();
  }, [confirming]);

  async function run(which: 'here' | 'everywhere') {
    if (pending) return;
    setPending(which);
    setError(undefined);
    try {
      await (which === 'here' ? session.signOut() : session.signOutEverywhere());
      onSignedOut();
    } catch (cause) {
      setError(authErrorMessage(t, toApiError(cause)));
      setPending(undefined);
    }
  }

  function cancel() {
    setConfirming(false);
    setError(undefined);
    requestAnimationFrame(() => everywhereButton.current?.focus());
  }

  return (
    <Card className="hb-sessions" aria-labelledby={titleId}>
      <h2 id={titleId} className="hb-card__title">
        {t('profile.sessions.title')}
      </h2>
      <p className="hb-sessions__text">{t('profile.sessions.body')}</p>
      <div>
        <Button variant="secondary" icon={<SignOutIcon />} loading={pending === 'here'} onClick={() => void run('here')}>
          {pending === 'here' ? t('profile.sessions.signingOut') : t('profile.sessions.signOut')}
        </Button>
      </div>
      <hr className="hb-sessions__rule" />
      {confirming ? (
        <div className="hb-sessions__confirm" role="group" aria-labelledby={confirmTitleId}>
          <h3 id={confirmTitleId} ref={confirmTitle} tabIndex={-1} className="hb-sessions__confirm-title">
            {t('profile.sessions.confirmTitle')}
          </h3>
          <p>{t('profile.sessions.confirmBody')}</p>
          <div className="hb-sessions__confirm-actions">
            <Button variant="danger" loading={pending === 'everywhere'} onClick={() => void run('everywhere')}>
              {pending === 'everywhere' ? t('profile.sessions.confirming') : t('profile.sessions.confirm')}
            </Button>
            <Button variant="secondary" onClick={cancel} aria-disabled={pending !== undefined || undefined}>
              {t('profile.sessions.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p className="hb-sessions__text">{t('profile.sessions.everywhereBody')}</p>
          <div>
            <Button ref={everywhereButton} variant="ghost" className="hb-sessions__everywhere" onClick={() => setConfirming(true)}>
              {t('profile.sessions.everywhere')}
            </Button>
          </div>
        </>
      )}
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {error}
        </Notice>
      ) : null}
    </Card>
  );
}
