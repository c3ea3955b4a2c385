import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnProfile } from '../../api/profiles.ts';
import type { Session } from '../../api/session.ts';
import { formatNumber } from '../../i18n/format-date.ts';
import { Badge, Card } from '../../ui/index.ts';
import { AvatarEditor } from './avatar-editor.tsx';
import './profile-card.css';

export interface ProfileCardProps {
  session: Session;
  profile: OwnProfile;
  onProfile: (profile: OwnProfile) => void;
}

/** The person as others know them: picture, name, bio, and what they have done so far. */
export function ProfileCard({ session, profile, onProfile }: ProfileCardProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const stats = [
    { key: 'connections', value: profile.counts.connectionsMade, label: t('profileEdit.card.connections', { count: profile.counts.connectionsMade }) },
    { key: 'points', value: profile.counts.pointsEarned, label: t('profileEdit.card.points', { count: profile.counts.pointsEarned }) },
    { key: 'trophies', value: profile.counts.trophies, label: t('profileEdit.card.trophies', { count: profile.counts.trophies }) },
  ];
  return (
    <Card className="hb-profile-card" aria-labelledby={titleId}>
      <AvatarEditor session={session} profile={profile} onProfile={onProfile}>
        <div className="hb-profile-card__who">
          <h2 id={titleId} className="hb-profile-card__name" data-testid="profile-name">
            {profile.displayName}
          </h2>
          {profile.precinct ? <Badge tone="primary">{t('profileEdit.card.precinct', { precinct: profile.precinct })}</Badge> : null}
          {profile.bio ? (
            <p className="hb-profile-card__bio" data-testid="profile-bio">
              {profile.bio}
            </p>
          ) : (
            <p className="hb-profile-card__bio hb-profile-card__bio--empty">{t('profileEdit.card.noBio')}</p>
          )}
        </div>
      </AvatarEditor>
      <dl className="hb-profile-card__stats">
        {stats.map((stat) => (
          <div key={stat.key}>
            <dt>{stat.label}</dt>
            <dd>{formatNumber(stat.value, i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
