import type { Subscription } from '../../../platform/events/bus.ts';
import { payloadOf } from '../../../platform/events/payload.ts';
import { deadLetterRecorder, idempotent, idempotentBatchWithEvents } from '../../../platform/events/inbox.ts';
import { ConnectionMadeV1 } from '@heyblue/contracts/connections';
import { AccountCreatedV1, AccountDeletedV1, MemberAddedV1, OfficerVerifiedV1, OrganisationApprovedV1 } from '@heyblue/contracts/identity';
import { awardConnections } from '../application/earn-points-batch.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';

/** Rewards pays for connections and keeps what it needs of identity: people, officers and approved organisations. */
export function rewardsConsumers(deps: RewardsDeps): Subscription[] {
  const onConnection = 'rewards.on-connection-made';
  const onOrganisation = 'rewards.on-organisation-approved';
  const onMember = 'rewards.on-member-added';
  const onOfficer = 'rewards.on-officer-verified';
  const onAccount = 'rewards.on-account-created';
  const onDeleted = 'rewards.on-account-deleted';
  // Connections are paid in batches, set-based; a lone event is a batch of one, so every payment takes its locks in the same order.
  const payConnections = idempotentBatchWithEvents(deps.unitOfWork, onConnection, async (envelopes, tx, events) => {
    await awardConnections(deps, tx, events, envelopes.map((envelope) => ({ envelope, made: payloadOf(ConnectionMadeV1, envelope) })));
  });
  return [
    {
      consumer: onConnection,
      types: ['connections.connection-made.v1'],
      handle: (message) => payConnections([message]),
      handleBatch: payConnections,
      onGiveUp: deadLetterRecorder(deps.db, onConnection),
    },
    {
      consumer: onOrganisation,
      types: ['identity.organisation-approved.v1'],
      handle: idempotent(deps.db, onOrganisation, async (envelope, tx) => {
        const { organisationId, type, name } = payloadOf(OrganisationApprovedV1, envelope);
        await deps.catalogue.upsertOrganisation(tx, { id: organisationId, type, name });
      }),
      onGiveUp: deadLetterRecorder(deps.db, onOrganisation),
    },
    {
      consumer: onMember,
      types: ['identity.member-added.v1'],
      // A member is a person gifts may reach; who may act for an organisation is asked of identity's API when it matters.
      handle: idempotent(deps.db, onMember, async (envelope, tx) => deps.catalogue.addPerson(tx, payloadOf(MemberAddedV1, envelope).accountId)),
      onGiveUp: deadLetterRecorder(deps.db, onMember),
    },
    {
      consumer: onOfficer,
      types: ['identity.officer-verified.v1'],
      handle: idempotent(deps.db, onOfficer, async (envelope, tx) => {
        const { accountId, precinctId } = payloadOf(OfficerVerifiedV1, envelope);
        await deps.catalogue.addPerson(tx, accountId);
        await deps.catalogue.addOfficer(tx, accountId, precinctId);
      }),
      onGiveUp: deadLetterRecorder(deps.db, onOfficer),
    },
    {
      consumer: onAccount,
      types: ['identity.account-created.v1'],
      handle: idempotent(deps.db, onAccount, async (envelope, tx) => deps.catalogue.addPerson(tx, payloadOf(AccountCreatedV1, envelope).accountId)),
      onGiveUp: deadLetterRecorder(deps.db, onAccount),
    },
    {
      consumer: onDeleted,
      types: ['identity.account-deleted.v1'],
      handle: idempotent(deps.db, onDeleted, async (envelope, tx) => deps.catalogue.removePerson(tx, payloadOf(AccountDeletedV1, envelope).accountId)),
      onGiveUp: deadLetterRecorder(deps.db, onDeleted),
    },
  ];
}
