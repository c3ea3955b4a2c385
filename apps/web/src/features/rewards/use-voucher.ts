import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { getVoucher } from '../../api/rewards.ts';
import type { RewardsApi, Voucher } from '../../api/rewards.ts';
import type { SocketClient } from '../../api/ws.ts';

export type VoucherState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; voucher: Voucher };

/** How often a pending voucher is asked about, in case the push is missed. */
export const pendingPollMs = 3000;

/**
 * One voucher. While it is pending it is read again when the `voucher.changed` push for it arrives,
 * and every few seconds as a fallback (a push can be missed while the socket reconnects).
 */
export function useVoucher(api: RewardsApi, socket: SocketClient | undefined, voucherId: string): { state: VoucherState; reload: () => void; set: (voucher: Voucher) => void } {
  const [state, setState] = useState<VoucherState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const pending = state.status === 'ready' && state.voucher.status === 'pending';

  useEffect(() => {
    const controller = new AbortController();
    getVoucher(api, voucherId, controller.signal).then(
      (voucher) => {
        if (!controller.signal.aborted) setState({ status: 'ready', voucher });
      },
      (cause: unknown) => {
        // A failed poll keeps the voucher on screen; only a first load shows the error.
        if (!controller.signal.aborted) setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', error: toApiError(cause) }));
      },
    );
    return () => controller.abort();
  }, [api, voucherId, attempt]);

  useEffect(() => {
    if (!pending) return undefined;
    const timer = setInterval(reload, pendingPollMs);
    return () => clearInterval(timer);
  }, [pending, reload]);

  useEffect(() => {
    if (!socket) return undefined;
    return socket.on('voucher.changed', (message) => {
      if (message.voucherId === voucherId) reload();
    });
  }, [socket, voucherId, reload]);

  const set = useCallback((voucher: Voucher) => setState({ status: 'ready', voucher }), []);
  return { state, reload, set };
}
