import { useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { getPublicProfile } from '../../api/profiles.ts';
import { listColleagues } from '../../api/rewards.ts';
import type { RewardsApi } from '../../api/rewards.ts';

/** A colleague to gift to; `name` is undefined when their profile hides it (or could not be read). */
export interface Colleague {
  accountId: string;
  name: string | undefined;
}

export type ColleaguesState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; colleagues: Colleague[] };

/** The other verified officers of my precinct, with their public names. */
export function useColleagues(api: RewardsApi, attempt: number): ColleaguesState {
  const [state, setState] = useState<ColleaguesState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    (async () => {
      const ids = await listColleagues(api, controller.signal);
      const names = await Promise.all(ids.map((id) => getPublicProfile(id, controller.signal).then((p) => p.displayName, () => undefined)));
      return ids.map((accountId, index) => ({ accountId, name: names[index] }));
    })().then(
      (colleagues) => {
        if (!controller.signal.aborted) setState({ status: 'ready', colleagues });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);
  return state;
}
