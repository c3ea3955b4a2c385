import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/index.ts';
import { accountLabel } from '../auth/account-label.ts';
import { useSession } from '../auth/session-context.tsx';
import { splitAround } from '../../i18n/split-around.ts';
import { ConnectionsHome } from '../connections/connections-home.tsx';
import { useOwnProfile } from '../profile/own-profile-context.tsx';
import { ServerStatusCard } from '../status/server-status-card.tsx';
import './home-page.css';

/**
 * The citizen/officer start page: a greeting, who is nearby (or, for officers, their availability
 * and requests); admins also see whether the service is up, which means nothing to anyone else.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const { profile, settled } = useOwnProfile();
  // Their own name; the address only when the profile cannot be read, and nothing while it loads (no flash of an email).
  const name = !account ? undefined : profile ? profile.displayName : settled ? accountLabel(account) : undefined;
  const isAdmin = account?.roles.includes('admin') ?? false;
  const title = name ? t('home.titleSignedIn', { name }) : t('home.title');
  const [before, after] = name ? splitAround(title, name) : [title, ''];
  return (
    <div className="hb-stack">
      <PageHeader
        title={title}
        titleContent={
          name ? (
            <>
              {before}
              <span className="hb-home__name">{name}</span>
              {after}
            </>
          ) : undefined
        }
        description={account?.roles.includes('officer') ? t('home.descriptionOfficer') : t('home.description')}
      />
      <ConnectionsHome />
      {isAdmin ? <ServerStatusCard /> : null}
    </div>
  );
}
