import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Dialog } from '../../ui/index.ts';
import { QrScan } from './qr-scan.tsx';
import { QrShow } from './qr-show.tsx';
import './qr.css';

/** Which QR dialog is open. */
export type QrMode = 'show' | 'scan' | null;

export interface QrCardProps {
  mode: QrMode;
  onMode: (mode: QrMode) => void;
}

/** Connect face to face: show my code, or scan theirs (camera or short code). */
export function QrCard({ mode, onMode }: QrCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const close = () => onMode(null);
  return (
    <Card className="hb-connections__card" aria-labelledby={titleId} data-testid="qr-card">
      <h2 id={titleId} className="hb-card__title">
        {t('connections.qr.title')}
      </h2>
      <p className="hb-connections__muted">{t('connections.qr.intro')}</p>
      <div className="hb-connections__actions">
        <Button variant="secondary" onClick={() => onMode('show')}>
          {t('connections.qr.show')}
        </Button>
        <Button variant="secondary" onClick={() => onMode('scan')}>
          {t('connections.qr.scan')}
        </Button>
      </div>
      <Dialog open={mode === 'show'} title={t('connections.qr.showTitle')} description={t('connections.qr.showDescription')} onClose={close} closeLabel={t('connections.qr.close')}>
        {mode === 'show' ? <QrShow /> : null}
      </Dialog>
      <Dialog open={mode === 'scan'} title={t('connections.qr.scanTitle')} description={t('connections.qr.scanDescription')} onClose={close} closeLabel={t('connections.qr.close')}>
        {mode === 'scan' ? <QrScan onConnected={close} /> : null}
      </Dialog>
    </Card>
  );
}
