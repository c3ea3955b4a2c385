import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ClipboardIcon, GiftIcon, LoadingState, ShieldCheckIcon, SignOutIcon, WrenchIcon } from '../../ui/index.ts';
import { accountLabel } from '../auth/account-label.ts';
import { useSession } from '../auth/session-context.tsx';
import { DashboardSignIn } from './dashboard-sign-in.tsx';
import { rewardsSettingsPath, rulesPath } from './rewards/rewards-paths.ts';

/** Whether the signed-in account is a Hey Blue! admin. */
export function useIsAdmin(): boolean {
  const { account } = useSession();
  return account?.roles.includes('admin') ?? false;
}

export interface DashboardGateProps {
  /** The layout's main element: focus moves to its h1 once the person has signed in. */
  main: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/** The dashboard needs a session: while it is restored, a spinner; signed out, the sign-in screen. */
export function DashboardGate({ main, children }: DashboardGateProps) {
  const { t } = useTranslation();
  const { status } = useSession();
  const previous = useRef(status);

  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    // Signing in or out replaced the controls that had focus; start again from the new page's h1.
    if ((before === 'signed-out' && status === 'signed-in') || (before === 'signed-in' && status === 'signed-out')) {
      requestAnimationFrame(() => main.current?.querySelector<HTMLElement>('h1')?.focus());
    }
  }, [status, main]);

  if (status === 'restoring') return <LoadingState label={t('auth.restoring')} />;
  if (status === 'signed-out') return <DashboardSignIn />;
  return children;
}

/** Who is signed in, and signing out, in the top bar. */
export function DashboardAccount() {
  const { t } = useTranslation();
  const { status, account, session } = useSession();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  if (status !== 'signed-in' || !account) return null;

  async function signOut() {
    if (pending) return;
    setPending(true);
    setFailed(false);
    try {
      await session.signOut();
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="hb-dash__account">
      <span className="hb-dash__account-email" data-testid="dashboard-account" title={accountLabel(account)}>
        {accountLabel(account)}
      </span>
      <button type="button" className="hb-dash__sign-out" aria-disabled={pending || undefined} onClick={() => void signOut()}>
        <SignOutIcon />
        <span className="hb-dash__sign-out-label">{pending ? t('dashboard.account.signingOut') : t('dashboard.account.signOut')}</span>
      </button>
      <span className="hb-visually-hidden" role="alert">
        {failed ? t('dashboard.account.signOutFailed') : ''}
      </span>
    </div>
  );
}

/** The admin part of the sidebar, for admins only. */
export function AdminNav() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const labelId = useId();
  if (!isAdmin) return null;
  return (
    <>
      <p id={labelId} className="hb-dash__nav-group">
        {t('dashboard.nav.admin')}
      </p>
      <ul className="hb-dash__nav-list" aria-labelledby={labelId}>
        <li>
          <NavLink to="/dashboard/admin/approvals" className="hb-dash__nav-link">
            <ShieldCheckIcon size={20} />
            {t('dashboard.nav.approvals')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/dashboard/admin/audit" className="hb-dash__nav-link">
            <ClipboardIcon size={20} />
            {t('dashboard.nav.audit')}
          </NavLink>
        </li>
        <li>
          <NavLink to={rulesPath} className="hb-dash__nav-link">
            <GiftIcon size={20} />
            {t('partnerRewards.nav.rules')}
          </NavLink>
        </li>
        <li>
          <NavLink to={rewardsSettingsPath} className="hb-dash__nav-link">
            <WrenchIcon size={20} />
            {t('partnerRewards.nav.settings')}
          </NavLink>
        </li>
      </ul>
    </>
  );
}
