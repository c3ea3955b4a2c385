import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Account } from '../../api/auth.ts';
import type { Session } from '../../api/session.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { Badge, Card } from '../../ui/index.ts';
import { PhoneSection } from './phone-section.tsx';

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

/** How the person signs in: email, phone (which they can add or change here), roles, and since when. */
export function AccountCard({ session, account }: { session: Session; account: Account }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <Card className="hb-account" aria-labelledby={titleId}>
      <div className="hb-account__who">
        <h2 id={titleId} className="hb-card__title">
          {t('profile.account.title')}
        </h2>
        <p className="hb-account__since">
          {t('profile.account.memberSince')} <time dateTime={account.createdAt}>{formatDate(account.createdAt, i18n.language)}</time>
        </p>
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
      <PhoneSection session={session} phone={account.phone} />
    </Card>
  );
}
