import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../api/connections.ts';
import { Button, Dialog } from '../../ui/index.ts';
import { Avatar } from '../profile/avatar.tsx';
import { useSignedInConnections } from './connections-context.tsx';
import { pickQuote } from './quotes.ts';
import { usePersonName } from './use-public-profile.ts';
import './celebration-dialog.css';

/** The confetti pieces around the badge; their angle and colour come from CSS custom properties. */
const pieces = Array.from({ length: 12 }, (_, index) => index);

function CelebrationBody({ connection, me, onDone }: { connection: Connection; me: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [quote] = useState(pickQuote);
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
      <p className="hb-celebration__points">{t('connections.celebration.points')}</p>
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
  const { state, dispatch, me } = useSignedInConnections();
  const connection = state.celebration;
  const close = () => dispatch({ type: 'celebration-dismissed' });
  return (
    <Dialog open={connection !== null} title={t('connections.celebration.title')} onClose={close} closeLabel={t('connections.celebration.close')}>
      {connection ? <CelebrationBody key={connection.id} connection={connection} me={me} onDone={close} /> : null}
    </Dialog>
  );
}
