import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, LoadingState, Notice } from '../../../ui/index.ts';
import type { CameraProblem } from '../../connections/qr-scanner.ts';

type Camera = 'starting' | 'scanning' | CameraProblem;

export interface TillCameraProps {
  /** Called once with the first code read; the camera stops then. */
  onCode: (text: string) => void;
}

/**
 * The camera view that reads a voucher's QR code. The decoder (jsQR) loads only when the camera is
 * first opened; unmounting stops the camera.
 */
export function TillCamera({ onCode }: TillCameraProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<Camera>('starting');
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });

  useEffect(() => {
    const element = video.current;
    if (!element) return undefined;
    let live = true;
    let stop: (() => void) | undefined;
    import('../../connections/qr-scanner.ts').then(
      ({ startQrScanner }) => {
        if (!live) return;
        stop = startQrScanner({ video: element, onStarted: () => setCamera('scanning'), onProblem: setCamera, onCode: (text) => latest.current(text) });
      },
      () => {
        if (live) setCamera('unsupported');
      },
    );
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  const problem = camera === 'denied' || camera === 'unavailable' || camera === 'unsupported';
  return (
    <div className="hb-pr-camera" data-testid="till-camera" data-camera={camera}>
      <div className="hb-pr-camera__viewport" hidden={problem}>
        <video ref={video} className="hb-pr-camera__video" muted playsInline aria-label={t('partnerRewards.till.cameraLabel')} />
        {camera === 'starting' ? (
          <div className="hb-pr-camera__overlay">
            <LoadingState label={t('partnerRewards.till.cameraStarting')} />
          </div>
        ) : null}
        {camera === 'scanning' ? <span className="hb-pr-camera__frame" aria-hidden="true" /> : null}
      </div>
      {camera === 'scanning' ? <p className="hb-dash-muted">{t('partnerRewards.till.cameraScanning')}</p> : null}
      {problem ? (
        <Notice tone="warning" icon={<AlertIcon />}>
          {t(`partnerRewards.till.camera.${camera}`)}
        </Notice>
      ) : null}
    </div>
  );
}
