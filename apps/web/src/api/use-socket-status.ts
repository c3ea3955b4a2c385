import { useEffect, useState } from 'react';
import { createSocketClient } from './ws.ts';
import type { ServerMessageMap, SocketStatus } from './ws.ts';

export interface SocketState {
  status: SocketStatus;
  /** The id the server gave this connection in its welcome. */
  connectionId: string | undefined;
  /** The last error message the server sent. */
  lastError: ServerMessageMap['error'] | undefined;
}

export interface UseSocketStatusOptions {
  /** Connect only while true (e.g. once signed in). */
  enabled: boolean;
  /** Reads the current token; keep it stable (useCallback), a new function reconnects. */
  token?: () => string | undefined;
}

/** Keeps a `/ws` connection open while enabled and reports its state. */
export function useSocketStatus({ enabled, token }: UseSocketStatusOptions): SocketState {
  const [state, setState] = useState<SocketState>({ status: 'idle', connectionId: undefined, lastError: undefined });

  useEffect(() => {
    if (!enabled) return undefined;
    const client = createSocketClient({
      ...(token ? { token } : {}),
      onStatus: (status) => setState((previous) => ({ ...previous, status })),
    });
    const offWelcome = client.on('welcome', ({ connectionId }) => setState((previous) => ({ ...previous, connectionId })));
    const offError = client.on('error', (lastError) => setState((previous) => ({ ...previous, lastError })));
    client.connect();
    return () => {
      offWelcome();
      offError();
      client.close();
    };
  }, [enabled, token]);

  return state;
}
