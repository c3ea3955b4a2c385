// The read model's counters are fed by other modules' events in batches: a batch is summed per person and
// applied once, and events delivered again — the whole batch or part of it — add nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { EventEnvelope } from '../../platform/events/envelope.ts';
import { startProfilesHarness, type ProfilesHarness, type Session } from './profiles.e2e-harness.ts';

let h: ProfilesHarness;
before(async () => {
  h = await startProfilesHarness();
});
after(async () => h?.stop());

async function countsOf(session: Session): Promise<Record<string, number>> {
  const own = await h.get(session, '/profiles/me');
  assert.equal(own.statusCode, 200, own.body);
  return own.json().counts;
}

/** What rewards paid a person for their connections. */
async function paidByRewards(session: Session): Promise<number> {
  const rows = await sql<{ paid: number }>`select coalesce(sum(points), 0)::int as paid from rewards.awards where recipient_id = ${session.accountId}`.execute(h.server.database.db);
  return rows.rows[0]?.paid ?? 0;
}

/** The envelopes of the events the last unit of work wrote, as the relay will publish them. */
async function written(ids: readonly string[]): Promise<EventEnvelope[]> {
  const rows = await sql<{ id: string; type: string; payload: unknown; occurred_at: Date; actor_id: string | null; correlation_id: string; causation_id: string | null }>`
    select id, type, payload, occurred_at, actor_id, correlation_id, causation_id from platform.outbox where id = any(${[...ids]}::uuid[]) order by seq`.execute(h.server.database.db);
  return rows.rows.map((r) => ({ id: r.id, type: r.type, payload: r.payload, occurredAt: r.occurred_at.toISOString(), actorId: r.actor_id, correlationId: r.correlation_id, causationId: r.causation_id }));
}

describe('counters fed in batches', () => {
  test('connections, points earned, spent and donated add up once per event, however they are batched and redelivered', async () => {
    const citizen = await h.newcomer();
    const officer = await h.newcomer();
    const organisationId = randomUUID();
    const offerId = randomUUID();
    const made = (n: number) => ({
      connectionId: randomUUID(), officerId: officer.accountId, citizenId: citizen.accountId, kind: 'qr' as const, locationVerified: true, cell: null, zip: null,
      madeAt: new Date(Date.now() - n * 60_000).toISOString(),
    });
    const awarded = (recipientId: string, role: 'citizen' | 'officer', points: number) => ({
      awardId: randomUUID(), recipientId, role, points, ruleId: randomUUID(), ruleVersion: 1, ruleName: 'Connection', connectionId: randomUUID(), capped: false,
    });
    const voucher = (points: number) => ({ voucherId: randomUUID(), offerId, organisationId, citizenId: citizen.accountId, points });
    const cancelled = voucher(4);
    await h.emit(async (_tx, events) => {
      events.emit('connections.connection-made.v1', made(2));
      events.emit('connections.connection-made.v1', made(1));
      events.emit('rewards.points-awarded.v1', awarded(citizen.accountId, 'citizen', 10));
      events.emit('rewards.points-awarded.v1', awarded(citizen.accountId, 'citizen', 5));
      events.emit('rewards.points-awarded.v1', awarded(officer.accountId, 'officer', 7));
      events.emit('rewards.voucher-issued.v1', { ...voucher(6), validUntil: new Date(Date.now() + 86_400_000).toISOString() });
      events.emit('rewards.voucher-issued.v1', { ...cancelled, validUntil: new Date(Date.now() + 86_400_000).toISOString() });
      events.emit('rewards.voucher-cancelled.v1', cancelled);
      events.emit('rewards.donation-made.v1', { donationId: randomUUID(), donorId: officer.accountId, causeId: randomUUID(), organisationId, points: 3 });
    });
    const pending = await sql<{ id: string }>`select id from platform.outbox where published_at is null order by seq`.execute(h.server.database.db);
    await h.deliverEvents();
    // Rewards pays the two connections too (by the deployment's rules), and says so with points-awarded events of its own.
    await h.deliverEvents();
    const expected = {
      citizen: { connectionsMade: 2, pointsEarned: 15 + (await paidByRewards(citizen)), pointsSpent: 6, pointsDonated: 0, trophies: 0 },
      officer: { connectionsMade: 2, pointsEarned: 7 + (await paidByRewards(officer)), pointsSpent: 0, pointsDonated: 3, trophies: 0 },
    };
    assert.deepEqual({ citizen: await countsOf(citizen), officer: await countsOf(officer) }, expected);

    // The bus delivers again: the whole batch, then a part of it, then each event alone.
    const envelopes = await written(pending.rows.map((r) => r.id));
    assert.ok(envelopes.length >= 9, 'the events were written');
    const messages = envelopes.map((envelope) => ({ envelope, traceContext: {} }));
    for (const batch of [messages, messages.slice(2, 6)]) await h.server.bus.publishBatch(batch);
    for (const message of messages) await h.server.bus.publish(message);
    assert.deepEqual({ citizen: await countsOf(citizen), officer: await countsOf(officer) }, expected, 'redelivered events add nothing');
  });
});
