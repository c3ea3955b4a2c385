import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorReference } from '../../i18n/error-messages.ts';
import { getOwnProfile } from '../../api/profiles.ts';
import type { OwnProfile } from '../../api/profiles.ts';
import type { Session } from '../../api/session.ts';
import {
  AlertIcon,
  ArrowRightIcon,
  ButtonLink,
  Card,
  CheckCircleIcon,
  EmptyState,
  ErrorState,
  KeyIcon,
  LoadingState,
  Notice,
  PageHeader,
  UserIcon,
} from '../../ui/index.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';
import { useSession } from '../auth/session-context.tsx';
import { PasskeysCard } from '../passkeys/passkeys-card.tsx';
import { AccountCard } from './account-card.tsx';
import { OfficerClaimDisclosure } from './officer-claim-disclosure.tsx';
import { PrivacyCard } from './privacy-card.tsx';
import { ProfileCard } from './profile-card.tsx';
import { ProfileForm } from './profile-form.tsx';
import { SessionsCard } from './sessions-card.tsx';
import { useOwnProfile } from './own-profile-context.tsx';
import { useLoad } from './use-load.ts';
import { YourDataCard } from './your-data-card.tsx';
import './profile-page.css';

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

/** The public profile: picture, name and bio, the edit form and the privacy switches, once loaded. */
function OwnProfileSections({ session }: { session: Session }) {
  const { t } = useTranslation();
  const profile = useLoad((signal) => getOwnProfile(session, signal), 'own-profile');
  const shell = useOwnProfile();
  if (profile.state.status === 'loading') {
    return (
      <Card>
        <LoadingState label={t('profileEdit.loading')} />
      </Card>
    );
  }
  if (profile.state.status === 'error') {
    const { error } = profile.state;
    return (
      <Card>
        <ErrorState
          title={t('profileEdit.loadFailed')}
          details={errorReference(t, error)}
          retryLabel={t('profileEdit.retry')}
          onRetry={profile.reload}
        >
          <p>{authErrorMessage(t, error)}</p>
        </ErrorState>
      </Card>
    );
  }
  const { data } = profile.state;
  // The header and the home greeting show the name too: they follow every change made here.
  const changed = (next: OwnProfile) => {
    profile.set(next);
    shell.setProfile(next);
  };
  return (
    <>
      <ProfileCard session={session} profile={data} onProfile={changed} />
      <ProfileForm session={session} profile={data} onProfile={changed} />
      <PrivacyCard session={session} profile={data} onProfile={changed} />
    </>
  );
}

/** The Profile tab: a sign-in call to action when signed out; the profile, account and data when signed in. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { status, account, restoreError, session } = useSession();
  const [deleted, setDeleted] = useState(false);
  const heading = useRef<HTMLDivElement>(null);

  function signedOut() {
    // The buttons that had focus are gone; start again from the page's heading.
    requestAnimationFrame(() => heading.current?.querySelector('h1')?.focus());
  }

  function accountDeleted() {
    setDeleted(true);
    signedOut();
  }

  return (
    <div className="hb-stack hb-profile-page">
      <div ref={heading}>
        <PageHeader title={t('profile.title')} description={t('profile.description')} />
      </div>
      {status === 'restoring' ? <LoadingState label={t('profile.loading')} /> : null}
      {status === 'signed-out' ? (
        <>
          {deleted ? (
            <Notice tone="success" role="status" icon={<CheckCircleIcon />} title={t('data.delete.doneTitle')}>
              {t('data.delete.doneBody')}
            </Notice>
          ) : null}
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
          <OwnProfileSections key={account.id} session={session} />
          <AccountCard session={session} account={account} />
          {account.roles.includes('officer') ? null : <OfficerClaimDisclosure key={account.id} session={session} />}
          <PasskeysCard session={session} />
          <SessionsCard session={session} onSignedOut={signedOut} />
          <YourDataCard session={session} onDeleted={accountDeleted} />
        </>
      ) : null}
      <PartnerCard />
    </div>
  );
}
