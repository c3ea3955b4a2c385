import type { AvailabilityWindow, Connection, ConnectionRequest, NearbyOfficer } from '../../api/connections.ts';
import type { AvailabilityCloseReason, ServerMessage, ServerMessageMap } from '../../api/ws-messages.ts';

/** The other party's live position during the meet period. */
export type MeetPosition = Omit<ServerMessageMap['meet.position'], 'type'>;

/** Something worth telling a screen reader user as it happens (rendered into a live region). */
export type Announcement =
  | { kind: 'officer-near'; officer: NearbyOfficer }
  | { kind: 'officer-left' }
  | { kind: 'request-received'; request: ConnectionRequest }
  | { kind: 'request-ended'; request: ConnectionRequest };

/** A change the socket made to the nearby list (or the citizen stopping sharing, which empties it). */
export type NearbyChange = { kind: 'upsert'; officer: NearbyOfficer } | { kind: 'remove'; officerId: string } | { kind: 'clear' };

/** What the app knows of the connections feature, fed by the socket and by HTTP answers. */
export interface ConnectionsState {
  /** The signed-in account: tells incoming from outgoing requests. */
  me: string;
  nearby: NearbyOfficer[];
  /**
   * While `GET /connections/nearby` is on its way: which request, and what the socket changed since it
   * was sent. The answer may have been read before those changes, so they are applied on top of it.
   */
  nearbySync: { request: number; changes: NearbyChange[] } | null;
  /** Officers: the open availability window. */
  window: AvailabilityWindow | null;
  /** Why the last window closed by itself or was stopped; null while one is open or none closed yet. */
  closedReason: AvailabilityCloseReason | null;
  /** Officers: pending requests to me. */
  incoming: ConnectionRequest[];
  /** Citizens: my requests, pending and recently decided (until dismissed), newest first. */
  outgoing: ConnectionRequest[];
  /** The connection to celebrate now, until dismissed. */
  celebration: Connection | null;
  /** Ids of connections already celebrated (the socket and the HTTP answer both tell). */
  celebrated: string[];
  /** The latest proximity connection with a meet period. */
  meeting: Connection | null;
  meetPosition: MeetPosition | null;
  /** The last location fix the server did not use. */
  rejection: { code: string; message: string } | null;
  announcement: { id: number; what: Announcement } | null;
}

/** What changes the state: a socket message, or an answer the app got over HTTP. */
export type ConnectionsAction =
  | { type: 'message'; message: ServerMessage }
  /** `GET /connections/nearby` was sent; `request` tells its answer from an older one. */
  | { type: 'nearby-requested'; request: number }
  | { type: 'nearby-loaded'; request: number; officers: NearbyOfficer[] }
  /** That request failed or was abandoned: nothing more to wait for. */
  | { type: 'nearby-abandoned'; request: number }
  | { type: 'requests-loaded'; incoming: ConnectionRequest[]; outgoing: ConnectionRequest[] }
  /** The window as the server has it; `now` (epoch ms) tells why one the app thought open is gone. */
  | { type: 'window-loaded'; window: AvailabilityWindow | null; now?: number }
  | { type: 'window-stopped' }
  | { type: 'request-changed'; request: ConnectionRequest }
  | { type: 'connection-made'; connection: Connection }
  | { type: 'celebration-dismissed' }
  | { type: 'request-dismissed'; id: string }
  | { type: 'rejection-cleared' }
  | { type: 'location-stopped' };

/** The state before anything is known. */
export function initialConnectionsState(me: string): ConnectionsState {
  return {
    me,
    nearby: [],
    nearbySync: null,
    window: null,
    closedReason: null,
    incoming: [],
    outgoing: [],
    celebration: null,
    celebrated: [],
    meeting: null,
    meetPosition: null,
    rejection: null,
    announcement: null,
  };
}

/** How many ids of celebrated connections to remember: enough for a session. */
const celebratedMemory = 50;

function announce(state: ConnectionsState, what: Announcement): ConnectionsState['announcement'] {
  return { id: (state.announcement?.id ?? 0) + 1, what };
}

function upsertNearby(list: NearbyOfficer[], officer: NearbyOfficer): NearbyOfficer[] {
  const index = list.findIndex((o) => o.officerId === officer.officerId);
  return index === -1 ? [...list, officer] : list.map((o, i) => (i === index ? officer : o));
}

function applyNearbyChange(list: NearbyOfficer[], change: NearbyChange): NearbyOfficer[] {
  switch (change.kind) {
    case 'upsert':
      return upsertNearby(list, change.officer);
    case 'remove':
      return list.filter((o) => o.officerId !== change.officerId);
    case 'clear':
      return [];
  }
}

/** Applies a socket change to the list, and remembers it while an HTTP answer is on its way. */
function changeNearby(state: ConnectionsState, change: NearbyChange): Pick<ConnectionsState, 'nearby' | 'nearbySync'> {
  const nearbySync = state.nearbySync ? { ...state.nearbySync, changes: [...state.nearbySync.changes, change] } : null;
  return { nearby: applyNearbyChange(state.nearby, change), nearbySync };
}

/** An answer of `GET /connections/nearby`, with what the socket said since it was asked for on top; an older request's answer is dropped. */
function nearbyLoaded(state: ConnectionsState, request: number, officers: NearbyOfficer[]): ConnectionsState {
  if (state.nearbySync?.request !== request) return state;
  return { ...state, nearby: state.nearbySync.changes.reduce(applyNearbyChange, officers), nearbySync: null };
}

function replaceRequest(list: ConnectionRequest[], request: ConnectionRequest): ConnectionRequest[] {
  const rest = list.filter((r) => r.id !== request.id);
  return [request, ...rest];
}

/** A request as it now stands, put where it belongs (incoming pending only; outgoing kept to show the outcome). */
function requestChanged(state: ConnectionsState, request: ConnectionRequest): ConnectionsState {
  if (request.officerId === state.me) {
    const known = state.incoming.some((r) => r.id === request.id);
    const incoming = request.status === 'pending' ? replaceRequest(state.incoming, request) : state.incoming.filter((r) => r.id !== request.id);
    // Tell the officer when a request they were looking at went away on its own.
    const ended = known && (request.status === 'cancelled' || request.status === 'expired');
    return { ...state, incoming, ...(ended ? { announcement: announce(state, { kind: 'request-ended', request }) } : {}) };
  }
  if (request.citizenId === state.me) return { ...state, outgoing: replaceRequest(state.outgoing, request) };
  return state;
}

function connectionMade(state: ConnectionsState, connection: Connection): ConnectionsState {
  const meeting = connection.meetUntil ? connection : state.meeting;
  const meetPosition = meeting === state.meeting ? state.meetPosition : null;
  if (state.celebrated.includes(connection.id)) return { ...state, meeting, meetPosition };
  return {
    ...state,
    celebration: connection,
    celebrated: [connection.id, ...state.celebrated].slice(0, celebratedMemory),
    meeting,
    meetPosition,
  };
}

function onMessage(state: ConnectionsState, message: ServerMessage): ConnectionsState {
  switch (message.type) {
    case 'location.rejected':
      return { ...state, rejection: { code: message.code, message: message.message } };
    case 'nearby.entered': {
      const isNew = !state.nearby.some((o) => o.officerId === message.officer.officerId);
      return {
        ...state,
        ...changeNearby(state, { kind: 'upsert', officer: message.officer }),
        ...(isNew ? { announcement: announce(state, { kind: 'officer-near', officer: message.officer }) } : {}),
      };
    }
    case 'nearby.changed':
      return { ...state, ...changeNearby(state, { kind: 'upsert', officer: message.officer }) };
    case 'nearby.left': {
      const known = state.nearby.some((o) => o.officerId === message.officerId);
      // Unknown here, but an answer on its way may list them: remember that they left.
      if (!known) return state.nearbySync ? { ...state, ...changeNearby(state, { kind: 'remove', officerId: message.officerId }) } : state;
      return { ...state, ...changeNearby(state, { kind: 'remove', officerId: message.officerId }), announcement: announce(state, { kind: 'officer-left' }) };
    }
    case 'availability.changed':
      return {
        ...state,
        window: message.window,
        closedReason: message.window ? null : (message.reason ?? 'stopped'),
      };
    case 'request.received': {
      const incoming = replaceRequest(state.incoming, message.request);
      return { ...state, incoming, announcement: announce(state, { kind: 'request-received', request: message.request }) };
    }
    case 'request.updated':
      return requestChanged(state, message.request);
    case 'connection.made':
      return connectionMade(state, message.connection);
    case 'meet.position':
      if (state.meeting && state.meeting.id !== message.connectionId) return state;
      return {
        ...state,
        meetPosition: {
          connectionId: message.connectionId,
          userId: message.userId,
          lat: message.lat,
          lon: message.lon,
          accuracy: message.accuracy,
          until: message.until,
        },
      };
    // Rewards' pushes share the socket; the rewards pages follow them.
    case 'welcome':
    case 'pong':
    case 'error':
    case 'points.awarded':
    case 'points.unpaid':
    case 'voucher.changed':
    case 'gift.received':
      return state;
  }
}

/**
 * Why a window the app thought open is gone, when the server's message saying so was missed (it is
 * sent on the socket that just dropped): past its closing time it expired, else the server closed it
 * when the officer's connection dropped.
 */
function vanishedReason(state: ConnectionsState, now: number | undefined): AvailabilityCloseReason | undefined {
  if (!state.window || now === undefined) return undefined;
  return Date.parse(state.window.closesAt) <= now ? 'expired' : 'disconnected';
}

/** The reducer of the connections feature. */
export function reduceConnections(state: ConnectionsState, action: ConnectionsAction): ConnectionsState {
  switch (action.type) {
    case 'message':
      return onMessage(state, action.message);
    case 'nearby-requested':
      return { ...state, nearbySync: { request: action.request, changes: [] } };
    case 'nearby-loaded':
      return nearbyLoaded(state, action.request, action.officers);
    case 'nearby-abandoned':
      return state.nearbySync?.request === action.request ? { ...state, nearbySync: null } : state;
    case 'requests-loaded': {
      // The server lists pending requests only; keep the decided ones still on screen.
      const decided = state.outgoing.filter((r) => r.status !== 'pending' && !action.outgoing.some((o) => o.id === r.id));
      return { ...state, incoming: action.incoming, outgoing: [...action.outgoing, ...decided] };
    }
    case 'window-loaded':
      return { ...state, window: action.window, closedReason: action.window ? null : (vanishedReason(state, action.now) ?? state.closedReason) };
    case 'window-stopped':
      return { ...state, window: null, closedReason: 'stopped' };
    case 'request-changed':
      return requestChanged(state, action.request);
    case 'connection-made':
      return connectionMade(state, action.connection);
    case 'celebration-dismissed':
      return { ...state, celebration: null };
    case 'request-dismissed':
      return { ...state, outgoing: state.outgoing.filter((r) => r.id !== action.id) };
    case 'rejection-cleared':
      return { ...state, rejection: null };
    case 'location-stopped':
      // The server forgets a citizen who stops sharing; so does the app.
      return { ...state, ...changeNearby(state, { kind: 'clear' }), rejection: null };
  }
}

/** The pending request from me to this officer, if any. */
export function pendingRequestTo(state: ConnectionsState, officerId: string): ConnectionRequest | undefined {
  return state.outgoing.find((r) => r.officerId === officerId && r.status === 'pending');
}
