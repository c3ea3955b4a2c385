import type { EventSink } from '../../../platform/events/unit-of-work.ts';
import type { EventCatalog } from '../../../platform/events/event-catalog.ts';
import type { IdentityDeps } from './identity-deps.ts';
import type { Tx } from './ports.ts';

/** Verifies accounts that match an active precinct's roster or approved domains, with an event and an audit entry each. */
export async function verifyMatchingOfficers(deps: IdentityDeps, tx: Tx, events: EventSink<EventCatalog>, scope: { organisationId?: string; accountId?: string }, correlationId: string): Promise<number> {
  const verified = await deps.organisations.verifyMatchingOfficers(tx, scope, deps.clock.now());
  for (const officer of verified) {
    events.emit('identity.officer-verified.v1', officer);
    await deps.store.audit(tx, { actorId: null, action: 'officer.verified', subjectType: 'account', subjectId: officer.accountId, correlationId, details: { precinctId: officer.precinctId, via: officer.via } });
  }
  return verified.length;
}
