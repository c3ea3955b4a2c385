import { randomUUID } from 'node:crypto';
import type { RequestUpdatedMessage } from '@heyblue/contracts/connections';
import { AppError } from '../../../platform/errors/app-error.ts';
import { assertAnswerable, assertNoRecentDecline, assertPendingBelowLimit } from '../domain/request-rules.ts';
import { contextOf, type Caller, type ConnectionsDeps } from './connections-deps.ts';
import { celebrate, makeConnection } from './make-connection.ts';
import type { ConnectionRecord, RequestRecord, Tx } from './ports.ts';
import { presentRequest } from './views.ts';

/** Only citizens ask: an officer's account (by token or by the verified list) cannot. */
export async function assertCitizen(deps: ConnectionsDeps, tx: Tx, caller: Caller): Promise<void> {
  if (caller.roles.includes('officer') || (await deps.store.officer(tx, caller.accountId))) throw new AppError('CONNECTIONS_CITIZENS_ONLY');
}

/**
 * A citizen asks an available officer to connect: in person only when the officer's area is near by
 * the server's latest positions. A double tap finds the pending request; limits and a decline's
 * cooldown apply. The officer is told at once.
 */
export async function askToConnect(deps: ConnectionsDeps, caller: Caller, ask: { officerId: string; kind: 'proximity' | 'virtual' }): Promise<{ request: RequestRecord; created: boolean }> {
  const outcome = await deps.unitOfWork(contextOf(caller), async (tx, events) => {
    await assertCitizen(deps, tx, caller);
    const existing = await deps.store.pendingRequest(tx, caller.accountId, ask.officerId);
    const now = deps.clock.now();
    if (existing && existing.kind === ask.kind && existing.expiresAt > now) return { request: existing, created: false };
    const window = await deps.store.openWindow(tx, ask.officerId);
    if (!window || !(ask.kind === 'virtual' ? window.virtual : window.inPerson)) throw new AppError('CONNECTIONS_OFFICER_UNAVAILABLE');
    const band = ask.kind === 'proximity' ? deps.map.bandBetween(caller.accountId, ask.officerId) : undefined;
    if (ask.kind === 'proximity' && !band) throw new AppError('CONNECTIONS_NOT_NEAR');
    assertNoRecentDecline(await deps.store.lastDecline(tx, caller.accountId, ask.officerId), now);
    assertPendingBelowLimit(await deps.store.countPending(tx, caller.accountId, now));
    if (existing) await deps.store.setRequestStatus(tx, existing.id, 'expired', now);
    const request: RequestRecord = { id: randomUUID(), kind: ask.kind, citizenId: caller.accountId, officerId: ask.officerId, band: band ?? null, status: 'pending', createdAt: now, expiresAt: new Date(now.getTime() + deps.settings.requestTtlSeconds * 1000), decidedAt: null };
    const saved = await deps.store.insertRequest(tx, request);
    if (saved.created) events.emit('connections.connection-requested.v1', { requestId: request.id, citizenId: request.citizenId, officerId: request.officerId, kind: request.kind, expiresAt: request.expiresAt.toISOString() });
    return saved;
  });
  if (outcome.created) deps.push(ask.officerId, { type: 'request.received', request: presentRequest(outcome.request) });
  return outcome;
}

/** The officer accepts: if both are still near (proximity), the connection is made and both celebrate. */
export async function acceptRequest(deps: ConnectionsDeps, caller: Caller, requestId: string): Promise<{ request: RequestRecord; connection: ConnectionRecord }> {
  const pairLimit = await deps.pairConnectionsPerDay();
  const outcome = await deps.unitOfWork(contextOf(caller), async (tx, events) => {
    const request = await ownRequest(deps, tx, requestId, (r) => r.officerId === caller.accountId);
    const now = deps.clock.now();
    assertAnswerable(request, now);
    const area = request.kind === 'proximity' ? deps.map.areaOf(request.officerId) : undefined;
    if (request.kind === 'proximity' && (!area || !deps.map.bandBetween(request.citizenId, request.officerId))) throw new AppError('CONNECTIONS_NO_LONGER_NEAR');
    const accepted = await deps.store.setRequestStatus(tx, request.id, 'accepted', now);
    const connection = await makeConnection(deps, tx, events, {
      kind: request.kind,
      officerId: request.officerId,
      citizenId: request.citizenId,
      requestId: request.id,
      qrNonce: null,
      locationVerified: request.kind === 'proximity',
      place: area ? { lat: area.lat, lon: area.lon } : undefined,
      pairLimit,
    });
    return { request: accepted, connection };
  });
  tellBoth(deps, outcome.request);
  celebrate(deps, outcome.connection);
  return outcome;
}

/** The officer declines; the citizen is told and waits out the cooldown before asking again. */
export async function declineRequest(deps: ConnectionsDeps, caller: Caller, requestId: string): Promise<RequestRecord> {
  return answer(deps, caller, requestId, 'declined', (r) => r.officerId === caller.accountId);
}

/** The citizen withdraws their request. */
export async function cancelRequest(deps: ConnectionsDeps, caller: Caller, requestId: string): Promise<RequestRecord> {
  return answer(deps, caller, requestId, 'cancelled', (r) => r.citizenId === caller.accountId);
}

/** Marks lapsed requests expired and tells both sides. */
export async function expireRequests(deps: ConnectionsDeps): Promise<number> {
  const expired = await deps.store.expireRequests(deps.db, deps.clock.now(), 200);
  for (const request of expired) tellBoth(deps, request);
  return expired.length;
}

/** The caller's pending requests: incoming for an officer, outgoing for a citizen. */
export async function pendingRequests(deps: ConnectionsDeps, caller: Caller): Promise<{ incoming: RequestRecord[]; outgoing: RequestRecord[] }> {
  return deps.store.pendingOf(deps.db, caller.accountId, deps.clock.now());
}

async function answer(deps: ConnectionsDeps, caller: Caller, requestId: string, status: 'declined' | 'cancelled', mine: (r: RequestRecord) => boolean): Promise<RequestRecord> {
  const updated = await deps.unitOfWork(contextOf(caller), async (tx) => {
    const request = await ownRequest(deps, tx, requestId, mine);
    const now = deps.clock.now();
    assertAnswerable(request, now);
    return deps.store.setRequestStatus(tx, request.id, status, now);
  });
  tellBoth(deps, updated);
  return updated;
}

/** A request the caller is part of, locked; anyone else's is "not found". */
async function ownRequest(deps: ConnectionsDeps, tx: Tx, requestId: string, mine: (r: RequestRecord) => boolean): Promise<RequestRecord> {
  const request = await deps.store.requestForUpdate(tx, requestId);
  if (!request || !mine(request)) throw new AppError('CONNECTIONS_REQUEST_NOT_FOUND');
  return request;
}

function tellBoth(deps: ConnectionsDeps, request: RequestRecord): void {
  const message: RequestUpdatedMessage = { type: 'request.updated', request: presentRequest(request) };
  deps.push(request.citizenId, message);
  deps.push(request.officerId, message);
}
