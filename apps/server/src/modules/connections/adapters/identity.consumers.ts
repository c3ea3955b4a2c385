import type { Subscription } from '../../../platform/events/bus.ts';
import { payloadOf } from '../../../platform/events/payload.ts';
import { deadLetterRecorder, idempotent } from '../../../platform/events/inbox.ts';
import { AccountDeletedV1, OfficerVerifiedV1 } from '@heyblue/contracts/identity';
import type { ConnectionsDeps } from '../application/connections-deps.ts';

/** Connections keep the list of verified officers (and their precinct) and forget deleted accounts (their window closes, pending requests are cancelled). */
export function identityConsumers(deps: ConnectionsDeps): Subscription[] {
  const onOfficer = 'connections.on-officer-verified';
  const onDeleted = 'connections.on-account-deleted';
  return [
    {
      consumer: onOfficer,
      types: ['identity.officer-verified.v1'],
      handle: idempotent(deps.db, onOfficer, async (envelope, tx) => {
        const { accountId, precinctId, precinctName } = payloadOf(OfficerVerifiedV1, envelope);
        await deps.store.saveOfficer(tx, { accountId, precinctId, precinctName }, new Date(envelope.occurredAt));
      }),
      onGiveUp: deadLetterRecorder(deps.db, onOfficer),
    },
    {
      consumer: onDeleted,
      types: ['identity.account-deleted.v1'],
      handle: idempotent(deps.db, onDeleted, async (envelope, tx) => {
        const { accountId } = payloadOf(AccountDeletedV1, envelope);
        await deps.store.removeAccount(tx, accountId);
        deps.hub.erase(accountId);
      }),
      onGiveUp: deadLetterRecorder(deps.db, onDeleted),
    },
  ];
}
