import type { Clock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config/config.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import type { ConnectionsPush, connectionsEvents } from '@heyblue/contracts/connections';
import type { UnitOfWorkPort } from '../../../platform/events/unit-of-work-port.ts';
import type { LiveMap } from '../domain/live-map.ts';
import type { QrKey } from '../domain/qr-token.ts';
import type { LiveHub } from './live-hub.ts';
import type { ConnectionsStore } from './ports.ts';

/** What connections' use cases need. */
export interface ConnectionsDeps {
  /** The database for a lone read (each is a transaction of its own). */
  readonly db: Tx;
  readonly store: ConnectionsStore;
  readonly clock: Clock;
  readonly unitOfWork: UnitOfWorkPort<typeof connectionsEvents>;
  readonly settings: Config['connections'];
  readonly map: LiveMap;
  readonly hub: LiveHub;
  /** Sends a websocket message to a person on whichever instance holds their socket. */
  readonly push: (userId: string, message: ConnectionsPush) => void;
  /** The newest QR MAC key signs; all verify (rotation). */
  readonly qrKeys: () => { readonly signing: QrKey; readonly verifying: readonly QrKey[] };
  /** The coarse (resolution 7) cell of a position or of a snapped cell, for events. */
  readonly coarseCell: (lat: number, lon: number) => string;
  /** The ZIP code of a position, when it is in one. */
  readonly zipOf: (lat: number, lon: number) => string | null;
  /** How many connections a pair may have in a rolling day (rewards' setting; ask before opening a transaction). */
  readonly pairConnectionsPerDay: () => Promise<number>;
}

/** Who asked: the signed-in account, its roles, and the request, for event metadata. */
export interface Caller {
  readonly accountId: string;
  readonly roles: readonly string[];
  readonly correlationId: string;
}

/** The event context of a caller's action. */
export function contextOf(caller: Caller): { actorId: string; correlationId: string; causationId: null } {
  return { actorId: caller.accountId, correlationId: caller.correlationId, causationId: null };
}
