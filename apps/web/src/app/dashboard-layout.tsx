import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ArrowRightIcon,
  Brand,
  BuildingIcon,
  CloseIcon,
  LanguageSwitch,
  MenuIcon,
  OverviewIcon,
  SkipLink,
  TagIcon,
} from '../ui/index.ts';
import { useSession } from '../features/auth/session-context.tsx';
import { AdminNav, DashboardAccount, DashboardGate } from '../features/dashboard/dashboard-gate.tsx';
import { PartnerRewardsNav } from '../features/dashboard/rewards/partner-rewards-nav.tsx';
import { useFocusOnNavigate } from './use-focus-on-navigate.ts';
import './dashboard-layout.css';

const navId = 'dashboard-nav';

/** The desktop-first shell for partners and admins: top bar, sidebar (a menu on narrow screens). */
export function DashboardLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const { status } = useSession();
  const signedIn = status === 'signed-in';
  useFocusOnNavigate(main);

  useEffect(() => setMenuOpen(false), [pathname]);

  useEffect(() => {
    if (!menuOpen) return undefined;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  const links = [
    { to: '/dashboard', end: true, icon: <OverviewIcon size={20} />, label: t('dashboard.nav.overview') },
    { to: '/dashboard/organisations', end: false, icon: <BuildingIcon size={20} />, label: t('dashboard.nav.organisations') },
    { to: '/dashboard/catalogue', end: false, icon: <TagIcon size={20} />, label: t('dashboard.nav.catalogue') },
  ];

  return (
    <div className="hb-dash" data-menu-open={menuOpen} data-signed-in={signedIn}>
      <SkipLink targetId="main" label={t('app.skipToContent')} />
      <header className="hb-dash__topbar">
        {signedIn ? (
          <button
            ref={menuButton}
            type="button"
            className="hb-dash__menu-button"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <CloseIcon /> : <MenuIcon />}
            <span className="hb-visually-hidden">{menuOpen ? t('dashboard.menuClose') : t('dashboard.menuOpen')}</span>
          </button>
        ) : null}
        <Link to="/dashboard" className="hb-dash__brand">
          <Brand tagline={t('app.partners')} />
        </Link>
        <div className="hb-dash__topbar-actions">
          <Link to="/" className="hb-dash__app-link">
            {t('dashboard.openApp')}
            <ArrowRightIcon />
          </Link>
          <DashboardAccount />
          <LanguageSwitch tone="onDark" />
        </div>
      </header>
      {signedIn ? (
        <nav id={navId} className="hb-dash__sidebar" aria-label={t('dashboard.navLabel')}>
          <ul className="hb-dash__nav-list">
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end} className="hb-dash__nav-link">
                  {link.icon}
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <PartnerRewardsNav />
          <AdminNav />
        </nav>
      ) : null}
      {/* Clicking beside the open menu closes it; keyboard users have Escape and the button. */}
      <div className="hb-dash__scrim" aria-hidden="true" onClick={() => setMenuOpen(false)} />
      <main id="main" ref={main} tabIndex={-1} className="hb-dash__main">
        <DashboardGate main={main}>
          <Outlet />
        </DashboardGate>
      </main>
    </div>
  );
}
