import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { createQrCode } from '../../api/connections.ts';
import type { QrCode } from '../../api/connections.ts';
import { ErrorState, LoadingState } from '../../ui/index.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { CountdownTimer } from './countdown-timer.tsx';
import { qrDataUrl } from './qr-image.ts';
import { refreshDelayMs } from './qr-timing.ts';

interface Shown {
  code: QrCode;
  image: string;
  /** When this device asks for the next code (its own clock). */
  nextAt: string;
}

/** Shows my current code as a QR with the short code under it, replaced by a fresh one in time. */
export function QrShow() {
  const { t } = useTranslation();
  const { session, settings } = useSignedInConnections();
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const refreshSeconds = settings?.qrRefreshSeconds;

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function next() {
      try {
        const code = await createQrCode(session, controller.signal);
        const image = await qrDataUrl(code.token);
        if (controller.signal.aborted) return;
        const delay = refreshDelayMs(code, Date.now(), refreshSeconds);
        setShown({ code, image, nextAt: new Date(Date.now() + delay).toISOString() });
        setError(undefined);
        timer = setTimeout(() => void next(), delay);
      } catch (cause) {
        if (controller.signal.aborted) return;
        setError(toApiError(cause));
        // The code on screen is no use once the next one is due: make way for the error.
        setShown(undefined);
      }
    }
    void next();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [session, attempt, refreshSeconds]);

  if (error) {
    return (
      <ErrorState title={t('connections.qr.failed')} retryLabel={t('connections.qr.retry')} onRetry={() => setAttempt((n) => n + 1)}>
        <p>{errorMessage(t, error)}</p>
      </ErrorState>
    );
  }
  if (!shown) return <LoadingState label={t('connections.qr.loading')} />;
  return (
    <div className="hb-qr" data-testid="qr-show">
      <img className="hb-qr__image" src={shown.image} alt={t('connections.qr.imageAlt')} width={256} height={256} data-token={shown.code.token} />
      <p className="hb-qr__short-label">{t('connections.qr.shortCode')}</p>
      <p className="hb-qr__short" data-testid="qr-short-code">
        {shown.code.shortCode}
      </p>
      <CountdownTimer until={shown.nextAt} label={t('connections.qr.newCodeIn')} />
    </div>
  );
}
