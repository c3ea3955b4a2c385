import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, ButtonLink, EmptyState, NearbyIcon, Notice, UserIcon } from '../../ui/index.ts';
import { useConnections, useSignedInConnections } from './connections-context.tsx';
import { ConnectionHistory } from './connection-history.tsx';
import { AvailabilityCard } from './availability-card.tsx';
import { IncomingRequests } from './incoming-requests.tsx';
import { MeetCard } from './meet-card.tsx';
import { NearbyCard } from './nearby-card.tsx';
import { OutgoingRequests } from './outgoing-requests.tsx';
import { QrCard } from './qr-card.tsx';
import type { QrMode } from './qr-card.tsx';
import { useGeolocationPermission } from './use-geolocation-permission.ts';
import { useLocationSharing } from './use-location-sharing.ts';
import { VirtualOfficersCard } from './virtual-officers-card.tsx';
import './connections.css';

/** Says when live updates are interrupted (they come back by themselves). */
function LiveStatus() {
  const { t } = useTranslation();
  const { socketStatus } = useSignedInConnections();
  if (socketStatus === 'reconnecting') {
    return (
      <Notice tone="warning" role="status" icon={<AlertIcon />}>
        {t('connections.live.reconnecting')}
      </Notice>
    );
  }
  if (socketStatus === 'closed') {
    return (
      <Notice tone="error" role="alert" icon={<AlertIcon />}>
        {t('connections.live.closed')}
      </Notice>
    );
  }
  return null;
}

/** A citizen: who is near (location while the page is open), requests, chat with officers, QR, history. */
function CitizenHome() {
  const { dispatch, send, socket } = useSignedInConnections();
  const permission = useGeolocationPermission();
  const [wanted, setWanted] = useState(false);
  const [qr, setQr] = useState<QrMode>(null);

  // Location already allowed: share at once, as the page promises. Otherwise wait for the button.
  useEffect(() => {
    if (permission === 'granted') setWanted(true);
  }, [permission]);

  const onStop = useCallback(() => dispatch({ type: 'location-stopped' }), [dispatch]);
  const sharing = useLocationSharing({ active: wanted, send, socket, onStop });
  const status = !wanted && permission === 'denied' ? 'denied' : sharing.status;

  return (
    <>
      <LiveStatus />
      <OutgoingRequests />
      <MeetCard ownFix={sharing.fix} />
      <NearbyCard sharing={sharing} status={status} wanted={wanted} onWantedChange={setWanted} onScan={() => setQr('scan')} />
      <VirtualOfficersCard />
      <QrCard mode={qr} onMode={setQr} />
      <ConnectionHistory />
    </>
  );
}

/** An officer: availability (location streamed while available in person), requests, QR, history. */
function OfficerHome() {
  const { state, send, socket } = useSignedInConnections();
  const [qr, setQr] = useState<QrMode>(null);
  const sharing = useLocationSharing({ active: state.window?.inPerson === true, send, socket });
  return (
    <>
      <LiveStatus />
      <AvailabilityCard sharing={sharing} />
      <IncomingRequests />
      <MeetCard ownFix={sharing.fix} />
      <QrCard mode={qr} onMode={setQr} />
      <ConnectionHistory />
    </>
  );
}

/** The home page's connections section: the officer's or the citizen's view, or a sign-in invitation. */
export function ConnectionsHome() {
  const { t } = useTranslation();
  const connections = useConnections();
  if (!connections) {
    return (
      <EmptyState
        icon={<NearbyIcon size={32} />}
        title={t('connections.signedOut.title')}
        action={
          <ButtonLink to="/sign-in?next=%2F" icon={<UserIcon size={20} />}>
            {t('connections.signedOut.action')}
          </ButtonLink>
        }
      >
        <p>{t('connections.signedOut.body')}</p>
      </EmptyState>
    );
  }
  return connections.isOfficer ? <OfficerHome /> : <CitizenHome />;
}
