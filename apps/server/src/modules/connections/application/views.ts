import type { AvailabilityWindow, Connection, ConnectionRequest } from '@heyblue/contracts/connections';
import { MEET_MS } from '../domain/request-rules.ts';
import type { ConnectionRecord, RequestRecord, WindowRecord } from './ports.ts';

/** A window as the officer's app sees it. */
export function presentWindow(w: WindowRecord): AvailabilityWindow {
  return { id: w.id, inPerson: w.inPerson, virtual: w.virtual, startedAt: w.startedAt.toISOString(), closesAt: w.closesAt.toISOString() };
}

/** A request as both sides see it. */
export function presentRequest(r: RequestRecord): ConnectionRequest {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    citizenId: r.citizenId,
    officerId: r.officerId,
    band: r.band,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

/** A connection as both sides see it: the meet period is open for proximity connections until ten minutes after. */
export function presentConnection(c: ConnectionRecord, now: Date): Connection {
  const meetUntil = c.kind === 'proximity' ? c.madeAt.getTime() + MEET_MS : 0;
  return {
    id: c.id,
    kind: c.kind,
    officerId: c.officerId,
    citizenId: c.citizenId,
    locationVerified: c.locationVerified,
    zip: c.zip,
    madeAt: c.madeAt.toISOString(),
    meetUntil: meetUntil > now.getTime() ? new Date(meetUntil).toISOString() : null,
  };
}
