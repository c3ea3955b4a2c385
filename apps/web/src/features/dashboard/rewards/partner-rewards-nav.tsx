import { useId } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listMyOrganisations } from '../../../api/organisations.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useResource } from '../use-resource.ts';
import { QrCodeIcon } from './qr-code-icon.tsx';
import { hasTill, tillPath } from './rewards-paths.ts';

/**
 * The sidebar's tills: one link for each approved shop or municipality I belong to, so staff at the
 * counter are one tap from checking a voucher. Nothing for people with no till.
 */
export function PartnerRewardsNav() {
  const { t } = useTranslation();
  const { session, account } = useSession();
  const labelId = useId();
  const organisations = useResource(`nav-tills:${account?.id ?? ''}`, (signal) => listMyOrganisations(session, signal));
  if (organisations.state.kind !== 'ready') return null;
  const tills = organisations.state.data.filter((organisation) => organisation.status === 'active' && hasTill(organisation.type));
  if (tills.length === 0) return null;
  return (
    <>
      <p id={labelId} className="hb-dash__nav-group">
        {t('partnerRewards.nav.tills')}
      </p>
      <ul className="hb-dash__nav-list" aria-labelledby={labelId}>
        {tills.map((organisation) => (
          <li key={organisation.id}>
            <NavLink to={tillPath(organisation.id)} className="hb-dash__nav-link" aria-label={t('partnerRewards.nav.tillOf', { name: organisation.name })}>
              <QrCodeIcon size={20} />
              <span className="hb-pr-nav-name">{organisation.name}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </>
  );
}
