import { useEffect, useState } from 'react';
import type { UnpaidReason } from '@heyblue/contracts/rewards';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../api/connections.ts';
import type { SocketClient } from '../../api/ws.ts';
import { Button, Dialog } from '../../ui/index.ts';
import { Avatar } from '../profile/avatar.tsx';
import { useSignedInConnections } from './connections-context.tsx';
import { pickQuote } from './quotes.ts';
import { usePersonName } from './use-public-profile.ts';
import './celebration-dialog.css';

/** The confetti pieces around the badge; their angle and colour come from CSS custom properties. */
const pieces = Array.from({ length: 12 }, (_, index) => index);

/** What this connection paid me, as rewards' pushes tell it: points as they arrive, or why there are none. */
function useConnectionPoints(socket: SocketClient | undefined, connectionId: string): { points: number; unpaid: UnpaidReason | undefined } {
  const [points, setPoints] = useState(0);
  const [unpaid, setUnpaid] = useState<UnpaidReason | undefined>(undefined);
  useEffect(() => {
    if (!socket) return undefined;
    const offs = [
      socket.on('points.awarded', (m) => (m.connectionId === connectionId ? setPoints((p) => p + m.points) : undefined)),
      socket.on('points.unpaid', (m) => (m.connectionId === connectionId ? setUnpaid(m.reason) : undefined)),
    ];
    return () => offs.forEach((off) => off());
  }, [socket, connectionId]);
  return { points, unpaid };
}

function CelebrationBody({ connection, me, socket, onDone }: { connection: Connection; me: string; socket: SocketClient | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const [quote] = useState(pickQuote);
  const { points, unpaid } = useConnectionPoints(socket, connection.id);
  const iAmOfficer = connection.officerId === me;
  const otherId = iAmOfficer ? connection.citizenId : connection.officerId;
  const { name, profile } = usePersonName(otherId, iAmOfficer ? 'citizen' : 'officer');
  return (
    <div className="hb-celebration" data-testid="celebration">
      <div className="hb-celebration__burst" aria-hidden="true">
        {pieces.map((piece) => (
          <span key={piece} className="hb-celebration__piece" ref={(element) => element?.style.setProperty('--hb-piece', String(piece))} />
        ))}
        <span className="hb-celebration__badge">
          <Avatar src={profile?.avatarUrl} name={name} size="md" />
        </span>
      </div>
      <p className="hb-celebration__with">{t('connections.celebration.with', { name })}</p>
      <p className="hb-celebration__points" role="status" data-testid="celebration-points">
        {points > 0 ? t('connections.celebration.earned', { count: points }) : unpaid ? t(`connections.celebration.unpaid.${unpaid}`) : null}
      </p>
      {connection.meetUntil ? <p>{t('connections.celebration.meet')}</p> : null}
      <figure className="hb-celebration__quote">
        <figcaption className="hb-visually-hidden">{t('connections.celebration.quote')}</figcaption>
        <blockquote>
          <p>{t(`connections.quotes.${quote}.text`)}</p>
        </blockquote>
        <p className="hb-celebration__author">— {t(`connections.quotes.${quote}.author`)}</p>
      </figure>
      <Button block onClick={onDone} data-autofocus>
        {t('connections.celebration.done')}
      </Button>
    </div>
  );
}

/** Celebrates a connection the moment it is made, wherever the person is in the app. */
export function CelebrationDialog() {
  const { t } = useTranslation();
  const { state, dispatch, me, socket } = useSignedInConnections();
  const connection = state.celebration;
  const close = () => dispatch({ type: 'celebration-dismissed' });
  return (
    <Dialog open={connection !== null} title={t('connections.celebration.title')} onClose={close} closeLabel={t('connections.celebration.close')}>
      {connection ? <CelebrationBody key={connection.id} connection={connection} me={me} socket={socket} onDone={close} /> : null}
    </Dialog>
  );
}
