import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The rewards sections as links (each its own address, so the back button and links work). */
export function RewardsNav() {
  const { t } = useTranslation();
  const sections = [
    { to: '/rewards', label: t('rewards.nav.wallet'), end: true },
    { to: '/rewards/offers', label: t('rewards.nav.offers'), end: false },
    { to: '/rewards/vouchers', label: t('rewards.nav.vouchers'), end: false },
    { to: '/rewards/give', label: t('rewards.nav.give'), end: false },
  ];
  return (
    <nav className="hb-rewards-nav" aria-label={t('rewards.nav.label')}>
      <ul className="hb-rewards-nav__list">
        {sections.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} end={section.end} className="hb-rewards-nav__link">
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
