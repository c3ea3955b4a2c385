import { useRef } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Brand, GiftIcon, HomeIcon, LanguageSwitch, SkipLink, UserIcon } from '../ui/index.ts';
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

/** The mobile-first shell for citizens and officers: brand header, content, bottom tab bar. */
export function PwaLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);

  return (
    <div className="hb-pwa">
      <SkipLink targetId="main" label={t('app.skipToContent')} />
      <header className="hb-pwa__header">
        <div className="hb-pwa__header-inner">
          <Link to="/" className="hb-pwa__brand">
            <Brand />
          </Link>
          <LanguageSwitch tone="onDark" />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="hb-pwa__main">
        <Outlet />
      </main>
      <nav className="hb-tabbar" aria-label={t('nav.label')}>
        <ul className="hb-tabbar__list">
          <Tab to="/" end icon={<HomeIcon />} label={t('nav.home')} />
          <Tab to="/rewards" icon={<GiftIcon />} label={t('nav.rewards')} />
          <Tab to="/profile" icon={<UserIcon />} label={t('nav.profile')} />
        </ul>
      </nav>
    </div>
  );
}
