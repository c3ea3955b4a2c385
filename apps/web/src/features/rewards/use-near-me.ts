import { useEffect, useState } from 'react';

/** Where "near me" is: off, finding the position, on with it, or refused (blocked or not found). */
export type NearMe = { status: 'off' } | { status: 'locating' } | { status: 'on'; at: { lat: number; lon: number }; accuracy: number } | { status: 'denied' } | { status: 'unavailable' };

/** The browser's error code for a refused permission (GeolocationPositionError.PERMISSION_DENIED). */
const permissionDenied = 1;

/** One position for a search while `wanted`; never followed, never sent anywhere but the offers search. */
export function useNearMe(wanted: boolean): NearMe {
  const [state, setState] = useState<NearMe>({ status: 'off' });
  useEffect(() => {
    if (!wanted) {
      setState({ status: 'off' });
      return undefined;
    }
    const geolocation = globalThis.navigator?.geolocation;
    if (!geolocation) {
      setState({ status: 'unavailable' });
      return undefined;
    }
    let live = true;
    setState({ status: 'locating' });
    geolocation.getCurrentPosition(
      (position) => {
        if (live) setState({ status: 'on', at: { lat: position.coords.latitude, lon: position.coords.longitude }, accuracy: position.coords.accuracy });
      },
      (error) => {
        if (live) setState({ status: error.code === permissionDenied ? 'denied' : 'unavailable' });
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 120_000 },
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return state;
}
