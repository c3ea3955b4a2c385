import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorReference } from '../../i18n/error-messages.ts';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { acceptInvitation, getInvitation } from '../../api/invitations.ts';
import type { Invitation } from '../../api/invitations.ts';
import { splitAround } from '../../i18n/split-around.ts';
import {
  AlertIcon,
  ArrowRightIcon,
  Button,
  ButtonLink,
  Card,
  CheckCircleIcon,
  EmptyState,
  ErrorState,
  LoadingState,
  MailIcon,
  Notice,
  PageHeader,
  SignOutIcon,
  UserIcon,
} from '../../ui/index.ts';
import { authErrorMessage } from '../auth/auth-messages.ts';
import { signInPath } from '../auth/next-path.ts';
import { useSession } from '../auth/session-context.tsx';
import { useLoad } from '../profile/use-load.ts';
import './invitation-page.css';

function roleName(t: TFunction, role: Invitation['role']): string {
  return role === 'owner' ? t('invitation.roles.owner') : t('invitation.roles.staff');
}

function acceptErrorMessage(t: TFunction, error: ApiError, email: string): string {
  switch (error.code) {
    case 'IDENTITY_INVITATION_WRONG_ACCOUNT':
      return t('invitation.errors.wrongAccount', { email });
    case 'IDENTITY_ALREADY_MEMBER':
      return t('invitation.errors.alreadyMember');
    default:
      return authErrorMessage(t, error);
  }
}

/** A sentence with the email address in bold, whatever the word order of the language. */
function WithEmail({ text, email }: { text: string; email: string }) {
  const [before, after] = splitAround(text, email);
  return (
    <>
      {before}
      <strong className="hb-invitation__email">{email}</strong>
      {after}
    </>
  );
}

/** What to do with a readable invitation: sign in with the right address, switch accounts, or join. */
function InvitationCard({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const { status, account, session } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [pending, setPending] = useState<'join' | 'sign-out' | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const rightAccount = account?.email !== null && account?.email !== undefined && account.email.toLowerCase() === invitation.email.toLowerCase();

  async function join() {
    if (pending) return;
    setPending('join');
    setError(undefined);
    try {
      await acceptInvitation(session, token);
      void navigate('/dashboard');
    } catch (cause) {
      setError(acceptErrorMessage(t, toApiError(cause), invitation.email));
      setPending(undefined);
    }
  }

  async function switchAccount() {
    if (pending) return;
    setPending('sign-out');
    setError(undefined);
    try {
      await session.signOut();
    } catch (cause) {
      setError(authErrorMessage(t, toApiError(cause)));
    } finally {
      setPending(undefined);
    }
  }

  let body;
  if (invitation.accepted) {
    body = (
      <>
        <Notice tone="info" icon={<CheckCircleIcon />}>
          {t('invitation.accepted')}
        </Notice>
        <ButtonLink to="/dashboard" variant="secondary" block>
          {t('invitation.openDashboard')}
          <ArrowRightIcon />
        </ButtonLink>
      </>
    );
  } else if (status === 'restoring') {
    body = <LoadingState label={t('auth.restoring')} />;
  } else if (status === 'signed-out') {
    body = (
      <>
        <p>
          <WithEmail text={t('invitation.signInFirst', { email: invitation.email })} email={invitation.email} />
        </p>
        <ButtonLink to={signInPath(pathname)} block icon={<UserIcon size={20} />}>
          {t('invitation.signIn')}
        </ButtonLink>
      </>
    );
  } else if (!rightAccount) {
    const current = account?.email ?? account?.phone ?? '';
    body = (
      <>
        <Notice tone="warning" icon={<AlertIcon />} title={t('invitation.wrongAccountTitle')}>
          <WithEmail text={t('invitation.wrongAccountBody', { current, email: invitation.email })} email={invitation.email} />
        </Notice>
        <Button variant="secondary" block icon={<SignOutIcon />} loading={pending === 'sign-out'} onClick={() => void switchAccount()}>
          {pending === 'sign-out' ? t('profile.sessions.signingOut') : t('invitation.switchAccount')}
        </Button>
      </>
    );
  } else {
    body = (
      <>
        <p>
          <WithEmail text={t('invitation.signedInAs', { email: invitation.email })} email={invitation.email} />
        </p>
        <Button block loading={pending === 'join'} onClick={() => void join()}>
          {pending === 'join' ? t('invitation.joining') : t('invitation.join', { organisation: invitation.organisationName })}
          {pending === 'join' ? null : <ArrowRightIcon />}
        </Button>
      </>
    );
  }

  return (
    <Card className="hb-invitation">
      <div className="hb-invitation__head">
        <span className="hb-invitation__icon" aria-hidden="true">
          <MailIcon size={28} />
        </span>
        <div className="hb-invitation__what">
          <h2 className="hb-invitation__org">{invitation.organisationName}</h2>
          <p className="hb-invitation__role">{t('invitation.asRole', { role: roleName(t, invitation.role) })}</p>
        </div>
      </div>
      {body}
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {error}
        </Notice>
      ) : null}
    </Card>
  );
}

/** `/invitations/:token`: the link in an invitation email, to join a partner organisation. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useLoad((signal) => getInvitation(token, signal), token);
  const state = invitation.state;
  const missing = state.status === 'error' && (state.error.code === 'IDENTITY_INVITATION_NOT_FOUND' || state.error.status === 400 || state.error.status === 404);
  return (
    <div className="hb-stack">
      <PageHeader eyebrow={t('invitation.eyebrow')} title={t('invitation.title')} description={t('invitation.description')} />
      {state.status === 'loading' ? <LoadingState label={t('invitation.loading')} /> : null}
      {missing ? (
        <EmptyState icon={<MailIcon size={32} />} title={t('invitation.notFoundTitle')}>
          <p>{t('invitation.notFoundBody')}</p>
        </EmptyState>
      ) : state.status === 'error' ? (
        <Card>
          <ErrorState
            title={t('invitation.loadFailed')}
            details={errorReference(t, state.error)}
            retryLabel={t('invitation.retry')}
            onRetry={invitation.reload}
          >
            <p>{authErrorMessage(t, state.error)}</p>
          </ErrorState>
        </Card>
      ) : null}
      {state.status === 'ready' ? <InvitationCard token={token} invitation={state.data} /> : null}
    </div>
  );
}
