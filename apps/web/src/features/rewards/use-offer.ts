import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { getOffer } from '../../api/rewards.ts';
import type { Offer, RewardsApi } from '../../api/rewards.ts';

export type OfferState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; offer: Offer };

/** One offer, read again on `reload` (after a redemption the stock changed). */
export function useOffer(api: RewardsApi, offerId: string): { state: OfferState; reload: () => void } {
  const [state, setState] = useState<OfferState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    getOffer(api, offerId, controller.signal).then(
      (offer) => {
        if (!controller.signal.aborted) setState({ status: 'ready', offer });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [api, offerId, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
