import { useEffect, useState } from 'react';

/** What the browser says about location permission; `unknown` where it cannot tell (Safari before 16). */
export type GeolocationPermission = 'granted' | 'denied' | 'prompt' | 'unknown';

/** The current permission for location, kept up to date when the person changes it in the browser. */
export function useGeolocationPermission(): GeolocationPermission {
  const [permission, setPermission] = useState<GeolocationPermission>('unknown');
  useEffect(() => {
    const permissions = globalThis.navigator?.permissions;
    if (!permissions) return undefined;
    let status: PermissionStatus | undefined;
    let live = true;
    const update = () => {
      if (status && live) setPermission(status.state);
    };
    permissions.query({ name: 'geolocation' }).then(
      (answer) => {
        status = answer;
        update();
        answer.addEventListener('change', update);
      },
      () => {
        // Not supported: stay unknown and ask with a button.
      },
    );
    return () => {
      live = false;
      status?.removeEventListener('change', update);
    };
  }, []);
  return permission;
}
