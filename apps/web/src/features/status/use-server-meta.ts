import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { getServerMeta } from '../../api/meta.ts';
import type { ServerMeta } from '../../api/meta.ts';

/** The three honest states of a server call. */
export type ServerMetaState =
  | { kind: 'loading' }
  | { kind: 'ready'; meta: ServerMeta }
  | { kind: 'error'; error: ApiError };

/** Loads `GET /api/v1/meta`; `retry` loads it again. */
export function useServerMeta(): { state: ServerMetaState; retry: () => void } {
  const [state, setState] = useState<ServerMetaState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    getServerMeta(controller.signal).then(
      (meta) => setState({ kind: 'ready', meta }),
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
