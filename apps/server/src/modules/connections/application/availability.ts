import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { WindowEndReason } from '@heyblue/contracts/connections';
import { assertSomeMode, closesAt, type Modes } from '../domain/window-rules.ts';
import { contextOf, type Caller, type ConnectionsDeps } from './connections-deps.ts';
import type { OfficerRecord, Tx, WindowRecord } from './ports.ts';
import { presentWindow } from './views.ts';

/** Only verified officers (known from identity.officer-verified.v1) open windows. */
export async function requireOfficer(deps: ConnectionsDeps, tx: Tx, accountId: string): Promise<OfficerRecord> {
  const officer = await deps.store.officer(tx, accountId);
  if (!officer) throw new AppError('CONNECTIONS_OFFICERS_ONLY');
  return officer;
}

/** The officer's open window, if any. */
export async function currentWindow(deps: ConnectionsDeps, caller: Caller): Promise<WindowRecord | undefined> {
  await requireOfficer(deps, deps.db, caller.accountId);
  return deps.store.openWindow(deps.db, caller.accountId);
}

/** Opens a window of the configured length; one at a time. */
export async function startAvailability(deps: ConnectionsDeps, caller: Caller, modes: Modes): Promise<WindowRecord> {
  assertSomeMode(modes);
  const { window, precinctName } = await deps.unitOfWork(contextOf(caller), async (tx, events) => {
    const officer = await requireOfficer(deps, tx, caller.accountId);
    if (await deps.store.openWindowForUpdate(tx, caller.accountId)) throw new AppError('CONNECTIONS_WINDOW_ALREADY_OPEN');
    const now = deps.clock.now();
    const opened: WindowRecord = { id: randomUUID(), officerId: caller.accountId, inPerson: modes.inPerson, virtual: modes.virtual, startedAt: now, closesAt: closesAt(now, deps.settings.windowMinutes), endedAt: null, endReason: null };
    await deps.store.insertWindow(tx, opened);
    events.emit('connections.availability-started.v1', { windowId: opened.id, officerId: opened.officerId, precinctId: officer.precinctId, inPerson: opened.inPerson, virtual: opened.virtual, closesAt: opened.closesAt.toISOString() });
    return { window: opened, precinctName: officer.precinctName };
  });
  deps.hub.openWindow(caller.accountId, liveWindowOf(window, precinctName));
  deps.push(caller.accountId, { type: 'availability.changed', window: presentWindow(window) });
  return window;
}

/** Restarts the countdown of the open window. */
export async function extendAvailability(deps: ConnectionsDeps, caller: Caller): Promise<WindowRecord> {
  const { window, precinctName } = await deps.unitOfWork(contextOf(caller), async (tx) => {
    const officer = await requireOfficer(deps, tx, caller.accountId);
    const open = await deps.store.openWindowForUpdate(tx, caller.accountId);
    if (!open) throw new AppError('CONNECTIONS_NO_OPEN_WINDOW');
    const extended = { ...open, closesAt: closesAt(deps.clock.now(), deps.settings.windowMinutes) };
    await deps.store.extendWindow(tx, open.id, extended.closesAt);
    return { window: extended, precinctName: officer.precinctName };
  });
  deps.hub.openWindow(caller.accountId, liveWindowOf(window, precinctName));
  deps.push(caller.accountId, { type: 'availability.changed', window: presentWindow(window) });
  return window;
}

/** Closes the officer's window now (idempotent). */
export async function stopAvailability(deps: ConnectionsDeps, caller: Caller): Promise<void> {
  await requireOfficer(deps, deps.db, caller.accountId);
  await endOpenWindow(deps, caller.accountId, 'stopped', contextOf(caller));
}

/** Ends an officer's open window for a reason: stored, announced, and forgotten by every live map; the officer's app is told. */
export async function endOpenWindow(deps: ConnectionsDeps, officerId: string, reason: WindowEndReason, context: { actorId: string | null; correlationId: string; causationId: null }): Promise<boolean> {
  const ended = await deps.unitOfWork(context, async (tx, events) => {
    const open = await deps.store.openWindowForUpdate(tx, officerId);
    if (!open) return undefined;
    const now = deps.clock.now();
    await deps.store.endWindow(tx, open.id, reason, now);
    events.emit('connections.availability-ended.v1', { windowId: open.id, officerId, reason, endedAt: now.toISOString() });
    return open;
  });
  deps.hub.closeWindow(officerId);
  if (ended) deps.push(officerId, { type: 'availability.changed', window: null, reason });
  return ended !== undefined;
}

/** Closes windows whose time ran out (any instance may run this; rows are claimed with SKIP LOCKED). */
export async function closeLapsedWindows(deps: ConnectionsDeps): Promise<number> {
  const closed = await deps.unitOfWork({ actorId: null, correlationId: randomUUID(), causationId: null }, async (tx, events) => {
    const now = deps.clock.now();
    const lapsed = await deps.store.lapsedWindows(tx, now, 100);
    for (const window of lapsed) {
      await deps.store.endWindow(tx, window.id, 'expired', window.closesAt);
      events.emit('connections.availability-ended.v1', { windowId: window.id, officerId: window.officerId, reason: 'expired', endedAt: window.closesAt.toISOString() });
    }
    return lapsed;
  });
  for (const window of closed) {
    deps.hub.closeWindow(window.officerId);
    deps.push(window.officerId, { type: 'availability.changed', window: null, reason: 'expired' });
  }
  return closed.length;
}

/** Fills this instance's live map with the windows open in the database (at start). */
export async function loadOpenWindows(deps: ConnectionsDeps): Promise<number> {
  const open = await deps.store.allOpenWindows(deps.db);
  for (const window of open) deps.map.openWindow(window.officerId, liveWindowOf(window, window.precinctName));
  return open.length;
}

function liveWindowOf(window: WindowRecord, precinctName: string) {
  return { windowId: window.id, precinctName, inPerson: window.inPerson, virtual: window.virtual, closesAtMs: window.closesAt.getTime() };
}
