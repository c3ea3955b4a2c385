import type { ConnectionMadeV1 } from '@heyblue/contracts/connections';
import type { EventEnvelope } from '../../../platform/events/envelope.ts';
import type { EventSink } from '../../../platform/events/unit-of-work.ts';
import { budgeted, dailyCapped, planAwards, type ConnectionToPay } from '../domain/award-plan.ts';
import { ISSUANCE_ACCOUNTS, shardFor } from '../domain/ledger-accounts.ts';
import { localMoment } from '../domain/local-time.ts';
import type { BatchAwardDraft, ConnectionSeen, Tx } from './ports.ts';
import type { RewardsCatalog, RewardsDeps } from './rewards-deps.ts';

/** A connection-made event to pay, its payload checked. */
export interface MadeConnection {
  readonly envelope: EventEnvelope;
  readonly made: ConnectionMadeV1;
}

/**
 * Pays a batch of made connections exactly as `awardConnection` pays them one after another, in a
 * constant number of statements: the rules are read once, both parties' accounts are held before the
 * history is read (so concurrent batches see each other's connections), bonuses and caps are worked
 * out in memory counting the batch's own earlier awards, and everything is written set-based. An
 * award is still written at most once per (source event, recipient, rule); a party that caps left with
 * nothing is told why by a connection-unpaid event. Answers the points paid.
 */
export async function awardConnections(deps: RewardsDeps, tx: Tx, events: EventSink<RewardsCatalog>, batch: readonly MadeConnection[]): Promise<number> {
  if (batch.length === 0) return 0;
  const id = (x: string): string => x.toLowerCase();
  const connections: ConnectionToPay[] = batch.map(({ envelope, made }) => ({
    eventId: id(envelope.id), connectionId: id(made.connectionId), officerId: id(made.officerId), citizenId: id(made.citizenId),
    kind: made.kind, locationVerified: made.locationVerified, cell: made.cell, zip: made.zip, at: localMoment(new Date(made.madeAt), deps.timeZone),
  }));
  const envelopes = new Map(batch.map(({ envelope }) => [id(envelope.id), envelope]));
  const seen: ConnectionSeen[] = batch.map(({ made }) => ({ connectionId: id(made.connectionId), officerId: id(made.officerId), citizenId: id(made.citizenId), kind: made.kind, madeAt: new Date(made.madeAt) }));
  const rules = (await deps.rules.current(tx)).filter((r) => r.definition.active);
  const accounts = await deps.awards.lockPeople(tx, connections.flatMap((c) => [c.citizenId, c.officerId]));
  const history = await deps.awards.history(tx, seen);
  await deps.awards.recordConnections(tx, seen);
  const paid = await deps.awards.paidBefore(tx, {
    ruleIds: dailyCapped(rules).map((r) => r.id),
    recipients: connections.flatMap((c) => [{ recipientId: c.citizenId, counterpartId: c.officerId, day: c.at.day }, { recipientId: c.officerId, counterpartId: c.citizenId, day: c.at.day }]),
    eventIds: connections.map((c) => c.eventId),
  });
  const spent = await deps.awards.lockBudgets(tx, budgeted(rules).map((r) => r.id));
  const plan = planAwards(rules, connections, { ...history, ...paid, spent });

  const at = deps.clock.now();
  const accountOf = (personId: string): string => {
    const account = accounts.get(personId);
    if (!account) throw new Error(`no ledger account was opened for ${personId}`);
    return account;
  };
  const drafts: BatchAwardDraft[] = plan.awards.map((a) => ({
    id: crypto.randomUUID(), transferId: crypto.randomUUID(), eventId: a.source.eventId, recipientId: a.recipientId, counterpartId: a.counterpartId,
    ruleId: a.rule.id, ruleVersion: a.rule.version, points: a.points, localDay: a.source.at.day, at,
    from: shardFor(ISSUANCE_ACCOUNTS, a.recipientId), to: accountOf(a.recipientId), budgeted: a.rule.definition.caps.budget !== null,
  }));
  const written = await deps.awards.pay(tx, drafts);
  let points = 0;
  plan.awards.forEach((a, n) => {
    const draft = drafts[n];
    const source = envelopes.get(a.source.eventId);
    if (!draft || !source || !written.has(draft.id)) return;
    points += a.points;
    events.emitCausedBy(source, 'rewards.points-awarded.v1', {
      awardId: draft.id, recipientId: a.recipientId, role: a.party, points: a.points, ruleId: a.rule.id, ruleVersion: a.rule.version,
      ruleName: a.rule.definition.name, connectionId: a.source.connectionId, capped: a.capped,
    });
  });
  // Told before they ask: a pair that met again today, or a person at a daily cap, hears why nothing came.
  for (const u of plan.unpaid) {
    const source = envelopes.get(u.source.eventId);
    if (source) events.emitCausedBy(source, 'rewards.connection-unpaid.v1', { connectionId: u.source.connectionId, recipientId: u.recipientId, role: u.party, reason: u.reason });
  }
  return points;
}
