import { useRef } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Brand, GiftIcon, HomeIcon, LanguageSwitch, SkipLink, UserIcon } from '../ui/index.ts';
import { accountInitial, accountLabel } from '../features/auth/account-label.ts';
import { signInPath } from '../features/auth/next-path.ts';
import { useSession } from '../features/auth/session-context.tsx';
import { ConnectionsProvider } from '../features/connections/connections-context.tsx';
import { OwnProfileProvider, useOwnProfile } from '../features/profile/own-profile-context.tsx';
import { WelcomeGate } from '../features/welcome/welcome-gate.tsx';
import { RewardsToasts } from '../features/rewards/rewards-toasts.tsx';
import { useFocusOnNavigate } from './use-focus-on-navigate.ts';
import './pwa-layout.css';

function Tab({ to, icon, label, end = false }: { to: string; icon: ReactNode; label: string; end?: boolean }) {
  return (
    <li>
      <NavLink to={to} end={end} className="hb-tabbar__link">
        {icon}
        <span>{label}</span>
      </NavLink>
    </li>
  );
}

/** Who is signed in (a link to the profile), or a sign-in link; nothing while that is unknown. */
function AccountIndicator() {
  const { t } = useTranslation();
  const { status, account } = useSession();
  const { profile } = useOwnProfile();
  const { pathname, search } = useLocation();
  if (status === 'signed-in' && account) {
    // Their own name once the profile is read (the address until then, or if it cannot be).
    const name = profile?.displayName ?? accountLabel(account);
    const initial = profile ? ([...profile.displayName.trim()][0] ?? '#').toLocaleUpperCase() : accountInitial(account);
    return (
      <Link to="/profile" className="hb-pwa__account">
        <span className="hb-pwa__avatar" aria-hidden="true">
          {initial}
        </span>
        <span className="hb-visually-hidden">{t('app.account', { address: name })}</span>
      </Link>
    );
  }
  if (status === 'signed-out' && pathname !== '/sign-in') {
    return (
      <Link to={signInPath(`${pathname}${search}`)} className="hb-pwa__sign-in">
        <UserIcon size={18} />
        {t('app.signIn')}
      </Link>
    );
  }
  return null;
}

/** The mobile-first shell for citizens and officers: brand header, content, bottom tab bar. */
export function PwaLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);

  return (
    <OwnProfileProvider>
    <div className="hb-pwa">
      <WelcomeGate />
      <SkipLink targetId="main" label={t('app.skipToContent')} />
      <header className="hb-pwa__header">
        <div className="hb-pwa__header-inner">
          <Link to="/" className="hb-pwa__brand">
            <Brand />
          </Link>
          <div className="hb-pwa__header-actions">
            <AccountIndicator />
            <LanguageSwitch tone="onDark" />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="hb-pwa__main">
        {/* The connections socket lives across tabs: requests and celebrations reach every page. */}
        <ConnectionsProvider>
          <Outlet />
          {/* Points arriving are told on every page: they are earned on the home page, at the meeting. */}
          <RewardsToasts />
        </ConnectionsProvider>
      </main>
      <nav className="hb-tabbar" aria-label={t('nav.label')}>
        <ul className="hb-tabbar__list">
          <Tab to="/" end icon={<HomeIcon />} label={t('nav.home')} />
          <Tab to="/rewards" icon={<GiftIcon />} label={t('nav.rewards')} />
          <Tab to="/profile" icon={<UserIcon />} label={t('nav.profile')} />
        </ul>
      </nav>
    </div>
    </OwnProfileProvider>
  );
}
