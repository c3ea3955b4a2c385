import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { getDevOutbox } from '../../api/dev-outbox.ts';
import type { DevOutboxMessage } from '../../api/dev-outbox.ts';

export interface DevOutboxState {
  messages: DevOutboxMessage[] | undefined;
  error: ApiError | undefined;
  /** The first load or a refresh asked for by hand is running (polls run quietly). */
  loading: boolean;
  /** When the last answer arrived. */
  checkedAt: Date | undefined;
}

/**
 * Loads `GET /api/v1/dev/outbox` and polls it every `intervalMs` while the page is visible. A 404
 * (a production server) stops the polling until `refresh` is called.
 */
export function useDevOutbox(intervalMs: number): DevOutboxState & { refresh: () => void } {
  const [state, setState] = useState<DevOutboxState>({ messages: undefined, error: undefined, loading: true, checkedAt: undefined });
  const inflight = useRef<AbortController | undefined>(undefined);

  const load = useCallback(async (quiet: boolean) => {
    if (inflight.current) return;
    const controller = new AbortController();
    inflight.current = controller;
    if (!quiet) setState((previous) => ({ ...previous, loading: true }));
    try {
      const messages = await getDevOutbox(controller.signal);
      setState({ messages, error: undefined, loading: false, checkedAt: new Date() });
    } catch (cause) {
      if (controller.signal.aborted) return;
      setState((previous) => ({ ...previous, error: toApiError(cause), loading: false, checkedAt: new Date() }));
    } finally {
      if (inflight.current === controller) inflight.current = undefined;
    }
  }, []);

  useEffect(() => {
    void load(false);
    return () => {
      inflight.current?.abort();
      inflight.current = undefined;
    };
  }, [load]);

  const gone = state.error?.status === 404;
  useEffect(() => {
    if (gone) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load(true);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [gone, intervalMs, load]);

  const refresh = useCallback(() => void load(false), [load]);
  return { ...state, refresh };
}
