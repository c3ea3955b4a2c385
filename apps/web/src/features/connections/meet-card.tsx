import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CompassIcon } from '../../ui/index.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { ConnectionsMap } from './connections-map.tsx';
import { msUntil } from './countdown.ts';
import { CountdownTimer } from './countdown-timer.tsx';
import type { LocationFix } from './location-throttle.ts';
import { useNow } from './use-now.ts';
import { usePersonName } from './use-public-profile.ts';

/**
 * After an officer accepts an in-person request, for a few minutes each sees where the other is, to
 * find each other: the one time a citizen sees an officer's position.
 */
export function MeetCard({ ownFix }: { ownFix: LocationFix | undefined }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { state, me } = useSignedInConnections();
  const now = useNow(state.meeting !== null);
  const meeting = state.meeting;
  const iAmOfficer = meeting?.officerId === me;
  const otherId = meeting ? (iAmOfficer ? meeting.citizenId : meeting.officerId) : '';
  const { name } = usePersonName(otherId, iAmOfficer ? 'citizen' : 'officer');
  const position = state.meetPosition;

  const own = useMemo(() => (ownFix ? { ...ownFix, label: t('connections.map.you') } : undefined), [ownFix, t]);
  const other = useMemo(
    () => (position ? { lat: position.lat, lon: position.lon, accuracy: position.accuracy, label: name } : undefined),
    [position, name],
  );

  if (!meeting?.meetUntil || msUntil(meeting.meetUntil, now) === 0) return null;
  return (
    <Card className="hb-connections__card" aria-labelledby={titleId} data-testid="meet-card">
      <h2 id={titleId} className="hb-card__title hb-connections__title">
        <CompassIcon size={20} />
        {t('connections.meet.title')}
      </h2>
      <p>{t('connections.meet.body', { name })}</p>
      <CountdownTimer until={meeting.meetUntil} label={t('connections.meet.timeLeft')} />
      <ConnectionsMap
        label={t('connections.map.meetLabel', { name })}
        own={own}
        other={other}
      />
      <p className="hb-connections__muted">
        {position ? t('connections.meet.accuracy', { name, metres: Math.round(position.accuracy) }) : t('connections.meet.waiting', { name })}
      </p>
    </Card>
  );
}
