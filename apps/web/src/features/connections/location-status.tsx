import { useTranslation } from 'react-i18next';
import { AlertIcon, CompassIcon, Notice } from '../../ui/index.ts';
import { locationRejectionMessage } from './connection-messages.ts';
import type { LocationFix } from './location-throttle.ts';
import { useConnections } from './connections-context.tsx';
import { poorAccuracyM } from './use-location-sharing.ts';
import type { SharingStatus } from './use-location-sharing.ts';

export interface LocationStatusProps {
  status: SharingStatus;
  fix: LocationFix | undefined;
  /** The last fix the server did not use. */
  rejection: { code: string; message: string } | null;
}

/** Says where location sharing stands: asking, sharing (and how precisely), paused, or why it cannot. */
export function LocationStatus({ status, fix, rejection }: LocationStatusProps) {
  const { t } = useTranslation();
  const limit = useConnections()?.settings?.maxAccuracyM ?? poorAccuracyM;
  const metres = fix ? Math.round(fix.accuracy) : 0;
  return (
    <div className="hb-stack" data-testid="location-status" data-status={status}>
      {status === 'asking' ? (
        <Notice tone="info" role="status" icon={<CompassIcon />}>
          {t('connections.location.asking')}
        </Notice>
      ) : null}
      {status === 'sharing' ? (
        <p className="hb-connections__muted">
          {/* Announced once; the accuracy beside it changes with every fix and is not. */}
          <span role="status">{t('connections.location.sharing')}</span> {fix ? t('connections.location.accuracy', { metres }) : null}
        </p>
      ) : null}
      {status === 'sharing' && fix && fix.accuracy > limit ? (
        <Notice tone="warning" icon={<AlertIcon />} title={t('connections.location.poorAccuracy.title')}>
          {t('connections.location.poorAccuracy.body', { metres })}
        </Notice>
      ) : null}
      {status === 'paused' ? <p className="hb-connections__muted">{t('connections.location.paused')}</p> : null}
      {status === 'denied' ? (
        <Notice tone="warning" role="alert" icon={<AlertIcon />} title={t('connections.location.denied.title')}>
          {t('connections.location.denied.body')}
        </Notice>
      ) : null}
      {status === 'unavailable' ? (
        <Notice tone="warning" role="alert" icon={<AlertIcon />} title={t('connections.location.unavailable.title')}>
          {t('connections.location.unavailable.body')}
        </Notice>
      ) : null}
      {status === 'unsupported' ? (
        <Notice tone="warning" icon={<AlertIcon />} title={t('connections.location.unsupported.title')}>
          {t('connections.location.unsupported.body')}
        </Notice>
      ) : null}
      {rejection && status === 'sharing' ? (
        <Notice tone="warning" role="status" icon={<AlertIcon />}>
          {locationRejectionMessage(t, rejection)}
        </Notice>
      ) : null}
    </div>
  );
}
