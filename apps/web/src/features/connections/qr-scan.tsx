import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { scanQrCode } from '../../api/connections.ts';
import { AlertIcon, Button, LoadingState, Notice, RefreshIcon, TextField } from '../../ui/index.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useSignedInConnections } from './connections-context.tsx';
import type { CameraProblem } from './qr-scanner.ts';
import { normaliseShortCode } from './qr-timing.ts';

type Camera = 'starting' | 'scanning' | 'found' | 'stopped' | CameraProblem;

export interface QrScanProps {
  /** Called once the connection is made (the celebration takes over). */
  onConnected: () => void;
}

/** Reads the other person's code with the camera, or takes the short code typed in. */
export function QrScan({ onConnected }: QrScanProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const { dispatch, session } = useSignedInConnections();
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<Camera>('starting');
  const [run, setRun] = useState(0);
  const [shortCode, setShortCode] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const latest = useRef({ onConnected });
  useEffect(() => {
    latest.current = { onConnected };
  });

  async function connect(code: { token: string } | { shortCode: string }) {
    setSubmitting(true);
    setError(undefined);
    try {
      const connection = await scanQrCode(session, code);
      dispatch({ type: 'connection-made', connection });
      latest.current.onConnected();
    } catch (cause) {
      setError(toApiError(cause));
      setCamera((current) => (current === 'found' ? 'stopped' : current));
    } finally {
      setSubmitting(false);
    }
  }
  const connectRef = useRef(connect);
  useEffect(() => {
    connectRef.current = connect;
  });

  useEffect(() => {
    const element = video.current;
    if (!element) return undefined;
    let live = true;
    let stop: (() => void) | undefined;
    setCamera('starting');
    import('./qr-scanner.ts').then(
      ({ startQrScanner }) => {
        if (!live) return;
        stop = startQrScanner({
          video: element,
          onStarted: () => setCamera('scanning'),
          onProblem: setCamera,
          onCode: (token) => {
            setCamera('found');
            void connectRef.current({ token });
          },
        });
      },
      () => {
        if (live) setCamera('unsupported');
      },
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [run]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = normaliseShortCode(shortCode);
    if (code !== '') void connect({ shortCode: code });
  }

  const cameraProblem = camera === 'denied' || camera === 'unavailable' || camera === 'unsupported';
  return (
    <div className="hb-qr-scan" data-testid="qr-scan" data-camera={camera}>
      <div className="hb-qr-scan__viewport" hidden={cameraProblem || camera === 'stopped'}>
        <video ref={video} className="hb-qr-scan__video" muted playsInline aria-label={t('connections.qr.camera')} />
        {camera === 'starting' ? (
          <div className="hb-qr-scan__overlay">
            <LoadingState label={t('connections.qr.cameraStarting')} />
          </div>
        ) : null}
        {camera === 'scanning' ? <span className="hb-qr-scan__frame" aria-hidden="true" /> : null}
      </div>
      {camera === 'found' ? <LoadingState label={t('connections.qr.found')} /> : null}
      {camera === 'denied' ? <Notice tone="warning" icon={<AlertIcon />}>{t('connections.qr.cameraDenied')}</Notice> : null}
      {camera === 'unavailable' ? <Notice tone="warning" icon={<AlertIcon />}>{t('connections.qr.cameraUnavailable')}</Notice> : null}
      {camera === 'unsupported' ? <Notice tone="warning" icon={<AlertIcon />}>{t('connections.qr.cameraUnsupported')}</Notice> : null}
      {error ? (
        <Notice tone="error" role="alert" id={errorId} icon={<AlertIcon />}>
          {errorMessage(t, error)}
        </Notice>
      ) : null}
      {camera === 'stopped' ? (
        <div className="hb-connections__actions">
          <Button variant="secondary" icon={<RefreshIcon />} onClick={() => setRun((n) => n + 1)}>
            {t('connections.qr.scanAgain')}
          </Button>
        </div>
      ) : null}
      <form className="hb-qr-scan__form" onSubmit={submit} noValidate>
        <TextField
          label={t('connections.qr.typeCode')}
          hint={t('connections.qr.typeCodeHint')}
          look="code"
          value={shortCode}
          onChange={(event) => setShortCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          invalid={error !== undefined && camera !== 'found'}
          errorId={errorId}
        />
        <Button type="submit" loading={submitting}>
          {submitting ? t('connections.qr.connecting') : t('connections.qr.connect')}
        </Button>
      </form>
    </div>
  );
}
