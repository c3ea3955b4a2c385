import { useCallback, useEffect, useMemo, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { getWallet } from '../../api/rewards.ts';
import type { RewardsApi, Wallet } from '../../api/rewards.ts';

/** The wallet as the page knows it. */
export type WalletState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; wallet: Wallet };

export interface UseWallet {
  state: WalletState;
  /** Reads it again (what is shown stays meanwhile). */
  reload: () => void;
  /** Applies a change the server already confirmed (a new balance after a redemption, today's donations…). */
  update: (change: (wallet: Wallet) => Wallet) => void;
}

/** Loads the signed-in person's wallet and keeps it while the rewards pages are open. */
export function useWallet(api: RewardsApi): UseWallet {
  const [state, setState] = useState<WalletState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    getWallet(api, controller.signal).then(
      (wallet) => {
        if (!controller.signal.aborted) setState({ status: 'ready', wallet });
      },
      (cause: unknown) => {
        // A failed refresh keeps the wallet already shown; only a first load shows the error.
        if (!controller.signal.aborted) setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', error: toApiError(cause) }));
      },
    );
    return () => controller.abort();
  }, [api, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (wallet: Wallet) => Wallet) => {
    setState((previous) => (previous.status === 'ready' ? { status: 'ready', wallet: change(previous.wallet) } : previous));
  }, []);
  return useMemo(() => ({ state, reload, update }), [state, reload, update]);
}
