import { useCallback, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { createActionKey } from './action-key.ts';

/** Where a points-moving action is. */
export type ActionState<R> = { status: 'idle' } | { status: 'running' } | { status: 'failed'; error: ApiError } | { status: 'done'; result: R };

export interface PointsAction<R> {
  state: ActionState<R>;
  /**
   * Runs the action named by `fingerprint` with its Idempotency-Key: the same action retried after a
   * transient failure sends the same key, so it never pays twice. A second run while one is under way is ignored.
   */
  run: (fingerprint: string, call: (idempotencyKey: string) => Promise<R>) => Promise<R | undefined>;
  /** Back to idle (e.g. when its dialog closes). */
  reset: () => void;
}

/** One user action that moves points (redeem, cancel, donate, gift). */
export function usePointsAction<R>(): PointsAction<R> {
  const [state, setState] = useState<ActionState<R>>({ status: 'idle' });
  const key = useRef(createActionKey());
  const running = useRef(false);

  const run = useCallback(async (fingerprint: string, call: (idempotencyKey: string) => Promise<R>) => {
    if (running.current) return undefined;
    running.current = true;
    setState({ status: 'running' });
    try {
      const result = await call(key.current.keyFor(fingerprint));
      key.current.settle();
      setState({ status: 'done', result });
      return result;
    } catch (cause) {
      key.current.settle(cause);
      setState({ status: 'failed', error: toApiError(cause) });
      return undefined;
    } finally {
      running.current = false;
    }
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}
