import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { extendAvailability, getAvailability, startAvailability, stopAvailability } from '../../api/connections.ts';
import type { AvailabilityWindow } from '../../api/connections.ts';
import type { AvailabilityCloseReason } from '../../api/ws-messages.ts';
import { AlertIcon, Button, Card, CheckCircleIcon, ErrorState, LoadingState, Notice, ShieldCheckIcon, Switch } from '../../ui/index.ts';
import { errorMessage } from '../../i18n/error-messages.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { CountdownTimer } from './countdown-timer.tsx';
import { LocationStatus } from './location-status.tsx';
import type { LocationSharing } from './use-location-sharing.ts';

type Busy = 'start' | 'extend' | 'stop' | null;

function closedMessage(t: TFunction, reason: AvailabilityCloseReason): string {
  switch (reason) {
    case 'stopped':
      return t('connections.availability.closedStopped');
    case 'expired':
      return t('connections.availability.closedExpired');
    case 'disconnected':
      return t('connections.availability.closedDisconnected');
  }
}

function modesText(t: TFunction, open: AvailabilityWindow): string {
  const modes = [open.inPerson ? t('connections.availability.modeInPerson') : '', open.virtual ? t('connections.availability.modeVirtual') : ''];
  return t('connections.availability.modes', { modes: modes.filter(Boolean).join(' · ') });
}

/** The officer's availability: choose how, go available, watch the time left, extend or stop. */
export function AvailabilityCard({ sharing }: { sharing: LocationSharing }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { state, dispatch, session, settings } = useSignedInConnections();
  const [load, setLoad] = useState<'loading' | 'ready' | ApiError>('loading');
  const [attempt, setAttempt] = useState(0);
  const [inPerson, setInPerson] = useState(true);
  const [virtual, setVirtual] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [chooseOne, setChooseOne] = useState(false);
  const [extended, setExtended] = useState(false);
  const openHeading = useRef<HTMLHeadingElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const openWindow = state.window;

  useEffect(() => {
    const controller = new AbortController();
    setLoad('loading');
    getAvailability(session, controller.signal).then(
      (loaded) => {
        dispatch({ type: 'window-loaded', window: loaded, now: Date.now() });
        setLoad('ready');
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setLoad(toApiError(cause));
      },
    );
    return () => controller.abort();
  }, [session, dispatch, attempt]);

  async function act(kind: Exclude<Busy, null>) {
    setBusy(kind);
    setError(undefined);
    setExtended(false);
    try {
      if (kind === 'start') {
        dispatch({ type: 'window-loaded', window: await startAvailability(session, { inPerson, virtual }) });
        requestAnimationFrame(() => openHeading.current?.focus());
      } else if (kind === 'extend') {
        dispatch({ type: 'window-loaded', window: await extendAvailability(session) });
        setExtended(true);
      } else {
        await stopAvailability(session);
        dispatch({ type: 'window-stopped' });
        requestAnimationFrame(() => title.current?.focus());
      }
    } catch (cause) {
      const failure = toApiError(cause);
      setError(failure);
      // The server knows better: show the window as it is.
      if (failure.code === 'CONNECTIONS_WINDOW_ALREADY_OPEN') setAttempt((n) => n + 1);
      if (failure.code === 'CONNECTIONS_NO_OPEN_WINDOW') dispatch({ type: 'window-loaded', window: null, now: Date.now() });
    } finally {
      setBusy(null);
    }
  }

  function start() {
    if (!inPerson && !virtual) {
      setChooseOne(true);
      return;
    }
    setChooseOne(false);
    void act('start');
  }

  return (
    <Card className="hb-connections__card" aria-labelledby={titleId} data-testid="availability-card" data-open={openWindow ? 'true' : 'false'}>
      <h2 id={titleId} ref={title} tabIndex={-1} className="hb-card__title hb-connections__title">
        <ShieldCheckIcon size={20} />
        {t('connections.availability.title')}
      </h2>
      {load === 'loading' && !openWindow ? <LoadingState label={t('connections.availability.loading')} /> : null}
      {typeof load === 'object' && !openWindow ? (
        <ErrorState title={t('connections.availability.loadFailed')} retryLabel={t('connections.availability.retry')} onRetry={() => setAttempt((n) => n + 1)}>
          <p>{errorMessage(t, load)}</p>
        </ErrorState>
      ) : null}
      {openWindow ? (
        <div className="hb-availability__open">
          <h3 ref={openHeading} tabIndex={-1} className="hb-availability__status">
            <span className="hb-availability__dot" aria-hidden="true" />
            {t('connections.availability.open')}
          </h3>
          <p className="hb-connections__muted">{modesText(t, openWindow)}</p>
          <CountdownTimer until={openWindow.closesAt} label={t('connections.availability.closesIn')} />
          <div className="hb-connections__actions">
            <Button variant="secondary" loading={busy === 'extend'} onClick={() => void act('extend')}>
              {busy === 'extend' ? t('connections.availability.extending') : t('connections.availability.extend')}
            </Button>
            <Button variant="danger" loading={busy === 'stop'} onClick={() => void act('stop')}>
              {busy === 'stop' ? t('connections.availability.stopping') : t('connections.availability.stop')}
            </Button>
          </div>
          {extended ? (
            <Notice tone="success" role="status" icon={<CheckCircleIcon />}>
              {t('connections.availability.extended', { minutes: settings?.windowMinutes ?? 15 })}
            </Notice>
          ) : null}
          {openWindow.inPerson ? <LocationStatus status={sharing.status} fix={sharing.fix} rejection={state.rejection} /> : null}
        </div>
      ) : null}
      {!openWindow && load === 'ready' ? (
        <>
          {state.closedReason ? (
            <Notice
              tone={state.closedReason === 'stopped' ? 'info' : 'warning'}
              role="status"
              icon={state.closedReason === 'stopped' ? <CheckCircleIcon /> : <AlertIcon />}
            >
              {closedMessage(t, state.closedReason)}
            </Notice>
          ) : null}
          <p className="hb-connections__muted">{t('connections.availability.intro')}</p>
          <Switch
            label={t('connections.availability.inPerson')}
            description={t('connections.availability.inPersonHint')}
            checked={inPerson}
            onChange={setInPerson}
            stateLabels={{ on: t('connections.availability.on'), off: t('connections.availability.off') }}
          />
          <Switch
            label={t('connections.availability.virtual')}
            description={t('connections.availability.virtualHint')}
            checked={virtual}
            onChange={setVirtual}
            stateLabels={{ on: t('connections.availability.on'), off: t('connections.availability.off') }}
          />
          {chooseOne ? (
            <Notice tone="error" role="alert" icon={<AlertIcon />}>
              {t('connections.availability.chooseOne')}
            </Notice>
          ) : null}
          <div className="hb-connections__actions">
            <Button loading={busy === 'start'} onClick={start}>
              {busy === 'start' ? t('connections.availability.starting') : t('connections.availability.start')}
            </Button>
          </div>
        </>
      ) : null}
      {error ? (
        <Notice tone="error" role="alert" icon={<AlertIcon />}>
          {errorMessage(t, error)}
        </Notice>
      ) : null}
    </Card>
  );
}
