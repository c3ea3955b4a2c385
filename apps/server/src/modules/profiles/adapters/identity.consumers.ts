import type { Subscription } from '../../../platform/events/bus.ts';
import { payloadOf } from '../../../platform/events/payload.ts';
import { deadLetterRecorder, idempotent, idempotentBatch } from '../../../platform/events/inbox.ts';
import { AccountCreatedV1, AccountDeletedV1, OfficerVerifiedV1 } from '@heyblue/contracts/identity';
import { ConnectionMadeV1 } from '@heyblue/contracts/connections';
import { createProfile } from '../application/create-profile.ts';
import { deleteProfile } from '../application/delete-profile.ts';
import { markOfficer } from '../application/mark-officer.ts';
import type { ProfilesDeps } from '../application/profiles-deps.ts';
import { noChange } from '../domain/counters.ts';

/** Profiles follow accounts (one is made for each new account and removed with it) and count connections made. */
export function identityConsumers(deps: ProfilesDeps): Subscription[] {
  const onCreated = 'profiles.on-account-created';
  const onDeleted = 'profiles.on-account-deleted';
  const onOfficer = 'profiles.on-officer-verified';
  const onConnection = 'profiles.on-connection-made';
  // Connections are counted a batch at a time: one update per profile, however many connections it holds.
  const countConnections = idempotentBatch(deps.db, onConnection, async (envelopes, tx) => {
    const changes = envelopes.flatMap((envelope) => {
      const { officerId, citizenId } = payloadOf(ConnectionMadeV1, envelope);
      return [{ ...noChange(officerId), connectionsMade: 1 }, { ...noChange(citizenId), connectionsMade: 1 }];
    });
    await deps.store.addToCounters(tx, changes);
  });
  return [
    {
      consumer: onConnection,
      types: ['connections.connection-made.v1'],
      handle: (message) => countConnections([message]),
      handleBatch: countConnections,
      onGiveUp: deadLetterRecorder(deps.db, onConnection),
    },
    {
      consumer: onOfficer,
      types: ['identity.officer-verified.v1'],
      handle: idempotent(deps.db, onOfficer, async (envelope, tx) => {
        const { accountId, precinctName } = payloadOf(OfficerVerifiedV1, envelope);
        await markOfficer(deps, tx, accountId, precinctName);
      }),
      onGiveUp: deadLetterRecorder(deps.db, onOfficer),
    },
    {
      consumer: onCreated,
      types: ['identity.account-created.v1'],
      handle: idempotent(deps.db, onCreated, async (envelope, tx) => {
        const created = payloadOf(AccountCreatedV1, envelope);
        await createProfile(deps, tx, created.accountId, { seeded: created.signedUpWith === 'seed' });
      }),
      onGiveUp: deadLetterRecorder(deps.db, onCreated),
    },
    {
      consumer: onDeleted,
      types: ['identity.account-deleted.v1'],
      handle: idempotent(deps.db, onDeleted, async (envelope, tx) => {
        await deleteProfile(deps, tx, payloadOf(AccountDeletedV1, envelope).accountId);
      }),
      onGiveUp: deadLetterRecorder(deps.db, onDeleted),
    },
  ];
}
