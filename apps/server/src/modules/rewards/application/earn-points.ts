import type { EventSink } from '../../../platform/events/unit-of-work.ts';
import type { ConnectionMadeV1 } from '@heyblue/contracts/connections';
import { cappedPoints, pointsFor, ruleApplies, type ConnectionFacts, type Party } from '../domain/earning-rules.ts';
import { ISSUANCE_ACCOUNTS, shardFor } from '../domain/ledger-accounts.ts';
import { localMoment, type LocalMoment } from '../domain/local-time.ts';
import type { ConnectionSeen, RuleRecord, Tx } from './ports.ts';
import type { RewardsCatalog, RewardsDeps } from './rewards-deps.ts';

/**
 * Pays both parties of a made connection by the rules in force. Each award is written at most once
 * per (source event, recipient, rule) — a unique key, whatever the redelivery — and records the rule
 * version that granted it. Caps count this rule's points for the recipient on the local day.
 * One event per transaction, about thirty statements: the consumer pays in batches instead
 * (earn-points-batch.ts), and this path is the reference the batch path is checked against.
 */
export async function awardConnection(deps: RewardsDeps, tx: Tx, events: EventSink<RewardsCatalog>, eventId: string, made: ConnectionMadeV1): Promise<number> {
  const connection: ConnectionSeen = { connectionId: made.connectionId, officerId: made.officerId, citizenId: made.citizenId, kind: made.kind, madeAt: new Date(made.madeAt) };
  await deps.rules.recordConnection(tx, connection);
  await deps.catalogue.addPerson(tx, made.officerId);
  await deps.catalogue.addPerson(tx, made.citizenId);
  // Both parties' accounts are locked (the citizen's first, always) before their history is read, so a
  // person's concurrent connections see each other: a first-ever or first-with-this-officer bonus is paid once.
  const accounts: Record<Party, string> = { citizen: await lockedAccount(deps, tx, made.citizenId), officer: await lockedAccount(deps, tx, made.officerId) };
  const before = await deps.rules.history(tx, connection);
  const facts: ConnectionFacts = {
    kind: made.kind, locationVerified: made.locationVerified, cell: made.cell, zip: made.zip,
    firstEver: { citizen: !before.citizenBefore, officer: !before.officerBefore }, firstForPair: !before.pairBefore,
  };
  const at = localMoment(connection.madeAt, deps.timeZone);
  const rules = await deps.rules.current(tx);
  let paid = 0;
  const parties: Array<[Party, string, string]> = [['citizen', made.citizenId, made.officerId], ['officer', made.officerId, made.citizenId]];
  for (const [party, recipientId, counterpartId] of parties) {
    const matching = rules.filter((rule) => ruleApplies(rule.definition, facts, party, at));
    // Caps are read and written under the recipient's lock.
    for (const rule of matching) paid += await payOne(deps, tx, events, { eventId, rule, party, recipientId, counterpartId, account: accounts[party], at, connectionId: made.connectionId });
  }
  return paid;
}

async function lockedAccount(deps: RewardsDeps, tx: Tx, personId: string): Promise<string> {
  const account = await deps.ledger.accountOf(tx, 'person', personId);
  await deps.ledger.lock(tx, account);
  return account;
}

interface OneAward {
  readonly eventId: string;
  readonly rule: RuleRecord;
  readonly party: Party;
  readonly recipientId: string;
  readonly counterpartId: string;
  readonly account: string;
  readonly at: LocalMoment;
  readonly connectionId: string;
}

async function payOne(deps: RewardsDeps, tx: Tx, events: EventSink<RewardsCatalog>, a: OneAward): Promise<number> {
  const { definition } = a.rule;
  const budgeted = definition.caps.budget !== null;
  // A budget is shared by everyone: read what it has spent under the rule's row lock.
  const spent = budgeted ? ((await deps.rules.one(tx, a.rule.id, true))?.spentPoints ?? 0) : 0;
  const usage = await deps.rules.usage(tx, a.rule.id, a.recipientId, a.counterpartId, a.at.day);
  const full = pointsFor(definition, a.party);
  const points = cappedPoints(full, definition.caps, { ...usage, spent });
  if (points <= 0) return 0;
  const awardId = crypto.randomUUID();
  const transferId = crypto.randomUUID();
  const now = deps.clock.now();
  const fresh = await deps.rules.insertAward(tx, { id: awardId, eventId: a.eventId, recipientId: a.recipientId, ruleId: a.rule.id, ruleVersion: a.rule.version, counterpartId: a.counterpartId, points, localDay: a.at.day, transferId, at: now });
  if (!fresh) return 0;
  // Only a budget needs the shared counter; unbudgeted rules leave the rule's row alone, so awards do not queue on it.
  if (budgeted) await deps.rules.spend(tx, a.rule.id, points, null);
  await deps.ledger.move(tx, { id: transferId, from: shardFor(ISSUANCE_ACCOUNTS, a.recipientId), to: a.account, amount: points, kind: 'award', referenceId: awardId, at: now });
  events.emit('rewards.points-awarded.v1', {
    awardId, recipientId: a.recipientId, role: a.party, points, ruleId: a.rule.id, ruleVersion: a.rule.version, ruleName: definition.name, connectionId: a.connectionId, capped: points < full,
  });
  return points;
}
