import { useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import { askToConnect } from '../../api/connections.ts';
import type { RequestKind } from '../../api/connections.ts';
import { useSignedInConnections } from './connections-context.tsx';
import { pendingRequestTo } from './connections-state.ts';
import { usePersonName } from './use-public-profile.ts';

/** Asking one officer to connect: their shown name, the pending request if any, and the ask itself with its busy and error states. */
export function useAskToConnect(officerId: string, kind: RequestKind) {
  const { state, dispatch, session } = useSignedInConnections();
  const { name } = usePersonName(officerId, 'officer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const pending = pendingRequestTo(state, officerId);

  async function ask(): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      dispatch({ type: 'request-changed', request: await askToConnect(session, officerId, kind) });
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  return { name, pending, busy, error, ask };
}
