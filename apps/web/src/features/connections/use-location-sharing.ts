import { useEffect, useRef, useState } from 'react';
import type { ClientMessage, SocketClient } from '../../api/ws.ts';
import { createLocationThrottle } from './location-throttle.ts';
import type { LocationFix } from './location-throttle.ts';
import { usePageVisible } from './use-page-visible.ts';

/** Where sharing stands: not asked, waiting for the first fix, sharing, paused in the background, or why it cannot. */
export type SharingStatus = 'off' | 'asking' | 'sharing' | 'paused' | 'denied' | 'unavailable' | 'unsupported';

/** Past this many metres (until the server's settings say otherwise: its default `LOCATION_MAX_ACCURACY_M`) a fix is too vague to use: the app says so. */
export const poorAccuracyM = 150;

/** With no new fix for this long (a phone lying still), a fresh one is asked for, so the server's copy stays current. */
const refreshAfterMs = 15_000;

/** A fix younger than this is sent again after a reconnect rather than waiting for a new one. */
const resendWithinMs = 10_000;

const PERMISSION_DENIED = 1;

export interface LocationSharingOptions {
  /** Share while true (and the page is visible). */
  active: boolean;
  send: (message: ClientMessage) => boolean;
  /** The socket, to send the last fix again after a reconnect. */
  socket: SocketClient | undefined;
  /** Called when sharing stops (unmount, hidden, turned off). */
  onStop?: () => void;
}

export interface LocationSharing {
  status: SharingStatus;
  /** The last fix, while sharing. */
  fix: LocationFix | undefined;
}

function toFix(position: GeolocationPosition): LocationFix {
  return { lat: position.coords.latitude, lon: position.coords.longitude, accuracy: position.coords.accuracy, at: position.timestamp };
}

/**
 * Watches the device's position while active and the page is visible, and sends it on the socket at
 * most once a second; sends `location.stop` when it stops.
 */
export function useLocationSharing({ active, send, socket, onStop }: LocationSharingOptions): LocationSharing {
  const visible = usePageVisible();
  const [status, setStatus] = useState<SharingStatus>('off');
  const [fix, setFix] = useState<LocationFix | undefined>(undefined);
  const latest = useRef({ send, onStop });
  useEffect(() => {
    latest.current = { send, onStop };
  });

  useEffect(() => {
    if (!active) {
      setStatus('off');
      setFix(undefined);
      return undefined;
    }
    const geolocation = globalThis.navigator?.geolocation;
    if (!geolocation) {
      setStatus('unsupported');
      return undefined;
    }
    if (!visible) {
      setStatus('paused');
      return undefined;
    }
    setStatus('asking');
    let last: LocationFix | undefined;
    const throttle = createLocationThrottle({ send: (next) => latest.current.send({ type: 'location', ...next }) });

    function onPosition(position: GeolocationPosition) {
      last = toFix(position);
      setFix(last);
      setStatus('sharing');
      throttle.push(last);
    }
    function onError(error: GeolocationPositionError) {
      if (error.code === PERMISSION_DENIED) setStatus('denied');
      // A timeout or a lost signal after a good fix is usually brief: keep showing the last state.
      else if (!last) setStatus('unavailable');
    }
    const options: PositionOptions = { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 };
    const watch = geolocation.watchPosition(onPosition, onError, options);
    const refresh = setInterval(() => {
      if (last && Date.now() - last.at > refreshAfterMs) geolocation.getCurrentPosition(onPosition, onError, { ...options, maximumAge: 0 });
    }, refreshAfterMs / 3);
    const offWelcome = socket?.on('welcome', () => {
      if (last && Date.now() - last.at < resendWithinMs) throttle.push(last);
      else geolocation.getCurrentPosition(onPosition, onError, { ...options, maximumAge: 0 });
    });

    return () => {
      geolocation.clearWatch(watch);
      clearInterval(refresh);
      offWelcome?.();
      throttle.stop();
      latest.current.send({ type: 'location.stop' });
      latest.current.onStop?.();
    };
  }, [active, visible, socket]);

  return { status, fix: active ? fix : undefined };
}
