import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../profile/avatar.tsx';
import { usePersonName } from './use-public-profile.ts';
import type { PersonRole } from './use-public-profile.ts';
import './person.css';

export interface PersonProps {
  accountId: string;
  role: PersonRole;
  /** Lines under the name (precinct, distance band…). */
  children?: ReactNode;
  size?: 'sm' | 'md';
}

/** Someone's picture and public name, with details under the name. */
export function Person({ accountId, role, children, size = 'sm' }: PersonProps) {
  const { t } = useTranslation();
  const { name, profile } = usePersonName(accountId, role);
  const avatarUrl = profile?.avatarUrl;
  return (
    <div className="hb-person">
      <Avatar src={avatarUrl} name={name} size={size} alt={avatarUrl ? t('connections.person.photoAlt', { name }) : ''} />
      <div className="hb-person__text">
        <p className="hb-person__name">{name}</p>
        {children}
      </div>
    </div>
  );
}
