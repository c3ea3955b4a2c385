import { createContext, use, useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { Dispatch, ReactNode } from 'react';
import { getAvailability, getNearby, getSettings, listRequests } from '../../api/connections.ts';
import type { ConnectionSettings } from '../../api/connections.ts';
import type { Session } from '../../api/session.ts';
import { createSocketClient } from '../../api/ws.ts';
import type { ClientMessage, ServerMessageType, SocketClient, SocketStatus } from '../../api/ws.ts';
import { useSession } from '../auth/session-context.tsx';
import { AnnouncementRegion } from './announcement-region.tsx';
import { CelebrationDialog } from './celebration-dialog.tsx';
import { initialConnectionsState, reduceConnections } from './connections-state.ts';
import type { ConnectionsAction, ConnectionsState } from './connections-state.ts';

/** What the connections feature shares with its components. */
export interface ConnectionsContextValue {
  state: ConnectionsState;
  dispatch: Dispatch<ConnectionsAction>;
  /** Sends on the socket; false when it is not open. */
  send: (message: ClientMessage) => boolean;
  /** The socket, once created (to listen for `welcome` after a reconnect). */
  socket: SocketClient | undefined;
  socketStatus: SocketStatus;
  /** The feature's settings; undefined until loaded. */
  settings: ConnectionSettings | undefined;
  isOfficer: boolean;
  session: Session;
  me: string;
}

const ConnectionsContext = createContext<ConnectionsContextValue | undefined>(undefined);

/** The socket messages the feature's state follows. */
const followed: readonly ServerMessageType[] = [
  'location.rejected',
  'nearby.entered',
  'nearby.changed',
  'nearby.left',
  'availability.changed',
  'request.received',
  'request.updated',
  'connection.made',
  'meet.position',
];

/** Numbers the nearby requests, so an answer is matched with the socket messages that followed its request. */
let nearbyRequests = 0;

/** Catches up with what happened while the socket was away: pending requests, the window or who is near. */
function resync(session: Session, isOfficer: boolean, dispatch: Dispatch<ConnectionsAction>, signal: AbortSignal): void {
  const ignore = () => {
    // The socket's next messages (or the next reconnect) bring the state up to date; the cards offer their own retry.
  };
  listRequests(session, signal).then(({ incoming, outgoing }) => dispatch({ type: 'requests-loaded', incoming, outgoing }), ignore);
  if (isOfficer) {
    getAvailability(session, signal).then((window) => dispatch({ type: 'window-loaded', window, now: Date.now() }), ignore);
    return;
  }
  // The socket may say an officer entered while this answer, read before, is on its way: the reducer
  // puts what the socket said since this dispatch on top of the answer instead of losing it.
  const request = ++nearbyRequests;
  dispatch({ type: 'nearby-requested', request });
  getNearby(session, signal).then(
    (officers) => dispatch({ type: 'nearby-loaded', request, officers }),
    () => dispatch({ type: 'nearby-abandoned', request }),
  );
}

/** Runs the socket and the state for one signed-in account, handing the result up (it renders nothing, so the page below never remounts). */
function SignedInConnections({ session, me, isOfficer, onValue }: { session: Session; me: string; isOfficer: boolean; onValue: (value: ConnectionsContextValue | undefined) => void }) {
  const [state, dispatch] = useReducer(reduceConnections, me, initialConnectionsState);
  const [socket, setSocket] = useState<SocketClient | undefined>(undefined);
  const [socketStatus, setSocketStatus] = useState<SocketStatus>('idle');
  const [settings, setSettings] = useState<ConnectionSettings | undefined>(undefined);

  useEffect(() => {
    const client = createSocketClient({ token: () => session.accessToken(), onStatus: setSocketStatus });
    let sync = new AbortController();
    const offs = followed.map((type) => client.on(type, (message) => dispatch({ type: 'message', message })));
    offs.push(
      client.on('welcome', () => {
        sync.abort();
        sync = new AbortController();
        resync(session, isOfficer, dispatch, sync.signal);
      }),
    );
    setSocket(client);
    client.connect();
    return () => {
      for (const off of offs) off();
      sync.abort();
      client.close();
      setSocket(undefined);
    };
  }, [session, isOfficer]);

  useEffect(() => {
    if (settings || socketStatus !== 'open') return undefined;
    const controller = new AbortController();
    getSettings(session, controller.signal).then(setSettings, () => {
      // Without settings the map draws on a plain background; the next reconnect asks again.
    });
    return () => controller.abort();
  }, [session, settings, socketStatus]);

  const send = useCallback((message: ClientMessage) => socket?.send(message) ?? false, [socket]);
  const value = useMemo<ConnectionsContextValue>(
    () => ({ state, dispatch, send, socket, socketStatus, settings, isOfficer, session, me }),
    [state, send, socket, socketStatus, settings, isOfficer, session, me],
  );
  useEffect(() => onValue(value), [value, onValue]);
  useEffect(() => () => onValue(undefined), [onValue]);
  return null;
}

/**
 * Keeps the connections socket open while someone is signed in, wherever they are in the app, so
 * requests, availability changes and celebrations reach them on every tab.
 */
export function ConnectionsProvider({ children }: { children: ReactNode }) {
  const { status, account, session } = useSession();
  const [value, setValue] = useState<ConnectionsContextValue | undefined>(undefined);
  const signedIn = status === 'signed-in' && account ? account : undefined;
  const shared = signedIn && value?.me === signedIn.id ? value : undefined;
  // The page stays in the same place in the tree whether or not someone is signed in: signing in or
  // out must not remount it (it would lose what it was showing, e.g. "your account has been deleted").
  return (
    <ConnectionsContext value={shared}>
      {signedIn ? <SignedInConnections key={signedIn.id} session={session} me={signedIn.id} isOfficer={signedIn.roles.includes('officer')} onValue={setValue} /> : null}
      {children}
      {shared ? <AnnouncementRegion announcement={shared.state.announcement} /> : null}
      {shared ? <CelebrationDialog /> : null}
    </ConnectionsContext>
  );
}

/** The connections feature's state and actions; undefined when signed out. */
export function useConnections(): ConnectionsContextValue | undefined {
  return use(ConnectionsContext);
}

/** The same, for components that only render when signed in. */
export function useSignedInConnections(): ConnectionsContextValue {
  const value = use(ConnectionsContext);
  if (!value) throw new Error('useSignedInConnections needs a signed-in <ConnectionsProvider> above it');
  return value;
}
