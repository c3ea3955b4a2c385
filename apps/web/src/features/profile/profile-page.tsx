import { useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error.ts';
import type { Account } from '../../api/auth.ts';
import {
  AlertIcon,
  ArrowRightIcon,
  Badge,
  Button,
  ButtonLink,
  Card,
  CheckCircleIcon,
  EmptyState,
  KeyIcon,
  LoadingState,
  Notice,
  PageHeader,
  SignOutIcon,
  UserIcon,
} from '../../ui/index.ts';
import { accountInitial } from '../auth/account-label.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';
import { useSession } from '../auth/session-context.tsx';
import type { Session } from '../../api/session.ts';
import './profile-page.css';

function roleName(t: TFunction, role: string): string {
  switch (role) {
    case 'citizen':
      return t('profile.roles.citizen');
    case 'officer':
      return t('profile.roles.officer');
    case 'admin':
      return t('profile.roles.admin');
    default:
      return role;
  }
}

function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
}

function isWelcome(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'welcome' in state && state.welcome === true;
}

/** Who is signed in: email, phone, roles and since when. */
function AccountCard({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <Card className="hb-account" aria-labelledby={titleId}>
      <div className="hb-account__head">
        <span className="hb-account__avatar" aria-hidden="true">
          {accountInitial(account)}
        </span>
        <div className="hb-account__who">
          <h2 id={titleId} className="hb-card__title">
            {t('profile.account.title')}
          </h2>
          <p className="hb-account__since">
            {t('profile.account.memberSince')}{' '}
            <time dateTime={account.createdAt}>{formatDate(account.createdAt, i18n.language)}</time>
          </p>
        </div>
      </div>
      <dl className="hb-account__facts">
        <div>
          <dt>{t('profile.account.email')}</dt>
          <dd data-testid="account-email">{account.email ?? <span className="hb-account__missing">{t('profile.account.notAdded')}</span>}</dd>
        </div>
        <div>
          <dt>{t('profile.account.phone')}</dt>
          <dd data-testid="account-phone">{account.phone ?? <span className="hb-account__missing">{t('profile.account.notAdded')}</span>}</dd>
        </div>
        <div>
          <dt>{t('profile.account.roles')}</dt>
          <dd>
            <ul className="hb-account__roles">
              {account.roles.map((role) => (
                <li key={role}>
                  <Badge tone="primary">{roleName(t, role)}</Badge>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/** Sign out here, or everywhere after a confirmation. */
function SessionsCard({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
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

function PartnerCard() {
  const { t } = useTranslation();
  return (
    <Card className="hb-partner-card">
      <h2 className="hb-card__title">{t('profile.partnerTitle')}</h2>
      <p className="hb-partner-card__body">{t('profile.partnerBody')}</p>
      <div>
        <ButtonLink to="/dashboard" variant="secondary" size="sm">
          {t('profile.partnerLink')}
          <ArrowRightIcon />
        </ButtonLink>
      </div>
    </Card>
  );
}

/** The account page: a sign-in call to action when signed out, the account and sign-out when signed in. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { status, account, restoreError, session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [welcome, setWelcome] = useState(() => isWelcome(location.state));
  const heading = useRef<HTMLDivElement>(null);

  // Say welcome once: a reload or coming back later should not say it again.
  useEffect(() => {
    if (isWelcome(location.state)) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location, navigate]);

  function signedOut() {
    setWelcome(false);
    // The buttons that had focus are gone; start again from the page's heading.
    requestAnimationFrame(() => heading.current?.querySelector('h1')?.focus());
  }

  return (
    <div className="hb-stack">
      <div ref={heading}>
        <PageHeader title={t('profile.title')} description={t('profile.description')} />
      </div>
      {status === 'restoring' ? <LoadingState label={t('profile.loading')} /> : null}
      {status === 'signed-out' ? (
        <>
          {restoreError ? (
            <Notice tone="warning" icon={<AlertIcon />}>
              {t('profile.restoreFailed')}
            </Notice>
          ) : null}
          <EmptyState
            icon={<KeyIcon size={32} />}
            title={t('profile.signedOut.title')}
            action={
              <ButtonLink to="/sign-in?next=%2Fprofile" icon={<UserIcon size={20} />}>
                {t('profile.signedOut.action')}
              </ButtonLink>
            }
          >
            <p>{t('profile.signedOut.body')}</p>
          </EmptyState>
        </>
      ) : null}
      {status === 'signed-in' && account ? (
        <>
          {welcome ? (
            <Notice tone="success" role="status" icon={<CheckCircleIcon />} title={t('profile.welcome.title')}>
              {t('profile.welcome.body')}
            </Notice>
          ) : null}
          <AccountCard account={account} />
          <EmptyState
            icon={<UserIcon size={32} />}
            title={t('profile.placeholder.title')}
            badge={t('profile.placeholder.badge')}
          >
            <p>{t('profile.placeholder.body')}</p>
          </EmptyState>
          <SessionsCard session={session} onSignedOut={signedOut} />
        </>
      ) : null}
      <PartnerCard />
    </div>
  );
}
