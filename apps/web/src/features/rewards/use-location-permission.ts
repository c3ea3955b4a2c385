import { useEffect, useState } from 'react';

/** Whether the browser already lets this site read the position: granted, not (yet), or still being asked of the browser. */
export type LocationPermission = 'granted' | 'not-granted' | 'checking';

/**
 * The site's geolocation permission as the browser holds it, followed while the page is open. It only
 * asks the Permissions API, which never shows a prompt: a page can then use the position when it was
 * already allowed, and otherwise wait for the person to ask for it.
 */
export function useLocationPermission(): LocationPermission {
  const [permission, setPermission] = useState<LocationPermission>('checking');
  useEffect(() => {
    const permissions = globalThis.navigator?.permissions;
    if (!permissions || !globalThis.navigator?.geolocation) {
      setPermission('not-granted');
      return undefined;
    }
    let status: PermissionStatus | undefined;
    let live = true;
    const follow = () => {
      if (live && status) setPermission(status.state === 'granted' ? 'granted' : 'not-granted');
    };
    permissions.query({ name: 'geolocation' }).then(
      (answer) => {
        status = answer;
        follow();
        answer.addEventListener('change', follow);
      },
      () => {
        if (live) setPermission('not-granted');
      },
    );
    return () => {
      live = false;
      status?.removeEventListener('change', follow);
    };
  }, []);
  return permission;
}
