// Earning: both parties of a made connection are paid by the rules in force (each award naming the
// rule and version), caps count by the deployment's local day, admins edit rules as new versions and
// preview them, and redelivered events pay nothing twice.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { LiveClient } from '../../../test/support/live-client.ts';
import type { Person } from '../../../test/support/people.ts';
import { waitUntil } from '../../../test/support/wait.ts';
import { connectionMade, handled, startRewardsStage, type RewardsStage } from './rewards.e2e-harness.ts';

const CONNECTION = '00000000-0000-4000-8000-000000000201';
const IN_PERSON = '00000000-0000-4000-8000-000000000202';
const FIRST = '00000000-0000-4000-8000-000000000203';

let stage: RewardsStage;
let pairs = 0;

before(async () => {
  stage = await startRewardsStage({ citizens: 16, officers: 6, settings: { TIME_ZONE: 'America/New_York' } });
});
after(async () => stage?.close());
afterEach(async () => stage.assertConserved());

/** A citizen and an officer who have not met anyone yet in this file. */
function freshPair(): { citizen: Person; officer: Person } {
  const citizen = stage.citizens[pairs];
  const officer = stage.officers[pairs % stage.officers.length];
  pairs += 1;
  assert.ok(citizen && officer, 'enough people seeded');
  return { citizen, officer };
}

async function meet(fields: Parameters<typeof connectionMade>[1]) {
  const envelope = await connectionMade(stage, fields);
  await handled(stage, envelope);
  return envelope;
}

interface Line {
  kind: string;
  points: number;
  title: string;
  ruleId: string | null;
  ruleVersion: number | null;
}
async function awards(person: Person): Promise<Line[]> {
  const history = await stage.call(person, 'GET', '/rewards/wallet/history?limit=100');
  assert.equal(history.statusCode, 200, history.body);
  return (history.json().items as Line[]).filter((l) => l.kind === 'award');
}

const rule = (fields: Record<string, unknown>) => ({
  name: 'Test rule', active: true, kinds: ['proximity', 'qr', 'virtual'], locationVerified: 'any', points: { citizen: 10, officer: 10 },
  timeWindow: null, area: null, bonus: 'none', caps: { perPairPerDay: null, perUserPerDay: null, budget: null }, ...fields,
});

describe('earning points for a connection', () => {
  it('pays both parties by every rule that matches, and each award names the rule and its version', async () => {
    const { citizen, officer } = freshPair();
    const officerBefore = await stage.balance(officer);
    await meet({ officer, citizen, kind: 'proximity', locationVerified: true });
    assert.equal(await stage.balance(citizen), 5 + 10 + 25, 'connection, met in person, first connection');
    assert.equal((await stage.balance(officer)) - officerBefore, 5 + 10);
    const lines = await awards(citizen);
    assert.deepEqual(lines.map((l) => [l.title, l.points, l.ruleId, l.ruleVersion]).sort(), [
      ['Connection', 5, CONNECTION, 2],
      ['First connection', 25, FIRST, 1],
      ['Met in person', 10, IN_PERSON, 2],
    ]);
  });

  it('tells a person with the app open of each award as it lands, with their balance', async () => {
    const { citizen, officer } = freshPair();
    const live = new LiveClient(stage.url, citizen.token);
    await live.opened;
    try {
      // A citizen who met nobody before: every award they are told of is this connection's.
      await meet({ officer, citizen, kind: 'proximity', locationVerified: true });
      await waitUntil(() => live.of('points.awarded').length === 3, 10_000, 'three awards told');
      const told = live.of('points.awarded');
      assert.deepEqual(told.map((m) => m['points']).sort((a, b) => Number(a) - Number(b)), [5, 10, 25]);
      assert.ok(told.every((m) => m['balance'] === 40), 'each tells the balance with every award of the connection in it');
    } finally {
      await live.close();
    }
  });

  it('pays a pair once a day: meeting again is made but paid nothing, and both are told why as it happens', async () => {
    const { citizen, officer } = freshPair();
    const [liveCitizen, liveOfficer] = [new LiveClient(stage.url, citizen.token), new LiveClient(stage.url, officer.token)];
    await Promise.all([liveCitizen.opened, liveOfficer.opened]);
    try {
      await meet({ officer, citizen, kind: 'proximity', locationVerified: true });
      const balances = [await stage.balance(citizen), await stage.balance(officer)];
      const again = await meet({ officer, citizen, kind: 'proximity', locationVerified: true });
      assert.deepEqual([await stage.balance(citizen), await stage.balance(officer)], balances, 'nothing more today');
      await waitUntil(() => liveCitizen.of('points.unpaid').length === 1 && liveOfficer.of('points.unpaid').length === 1, 10_000, 'both told');
      for (const live of [liveCitizen, liveOfficer]) {
        assert.deepEqual(live.of('points.unpaid')[0], { type: 'points.unpaid', connectionId: (again.payload as { connectionId: string }).connectionId, reason: 'pair-paid-today' });
      }
      const unpaid = await sql<{ n: number }>`select count(*)::int as n from platform.outbox where type = 'rewards.connection-unpaid.v1' and causation_id = ${again.id}`.execute(stage.server.database.db);
      assert.equal(unpaid.rows[0]?.n, 2, 'one connection-unpaid event per party');
    } finally {
      await Promise.all([liveCitizen.close(), liveOfficer.close()]);
    }
  });

  it('pays a QR meeting no position vouches for less than one the server saw', async () => {
    const unverified = freshPair();
    await meet({ officer: unverified.officer, citizen: unverified.citizen, kind: 'qr', locationVerified: false });
    const verified = freshPair();
    await meet({ officer: verified.officer, citizen: verified.citizen, kind: 'qr', locationVerified: true });
    const total = async (person: Person): Promise<number> => (await awards(person)).filter((l) => l.title !== 'First connection').reduce((sum, l) => sum + l.points, 0);
    assert.deepEqual([await total(unverified.citizen), await total(verified.citizen)], [5, 15]);
  });

  it('pays a virtual or unverified connection only by the rules for it', async () => {
    const { citizen, officer } = freshPair();
    await meet({ officer, citizen, kind: 'virtual', locationVerified: false });
    assert.deepEqual((await awards(citizen)).map((l) => l.title).sort(), ['Connection', 'First connection']);
    const second = freshPair();
    await meet({ officer: second.officer, citizen: second.citizen, kind: 'qr', locationVerified: false });
    assert.ok(!(await awards(second.citizen)).some((l) => l.title === 'Met in person'), 'an unverified QR meeting is not “met in person”');
  });

  it('writes one points-awarded event per award, with the rule version and whether a cap cut it', async () => {
    const { citizen, officer } = freshPair();
    const envelope = await meet({ officer, citizen });
    const events = await sql<{ payload: { recipientId: string; ruleVersion: number; capped: boolean; points: number } }>`
      select payload from platform.outbox where type = 'rewards.points-awarded.v1' and causation_id = ${envelope.id}`.execute(stage.server.database.db);
    assert.equal(events.rows.length, 5);
    assert.equal(events.rows.filter((e) => e.payload.recipientId === citizen.accountId).length, 3);
    // The seeded Connection and Met in person rules are at version 2 (migration 0009); First connection at 1.
    assert.ok(events.rows.every((e) => e.payload.ruleVersion === (e.payload.points === 25 ? 1 : 2) && !e.payload.capped));
  });

  it('caps what a rule pays a pair per local day, and starts again the next local day', async () => {
    const { citizen, officer } = freshPair();
    // 23:00, 23:30 and 01:00 in New York: the first two are the same local day, in UTC all three would be.
    for (const at of ['2030-05-07T03:00:00Z', '2030-05-07T03:30:00Z', '2030-05-07T03:45:00Z', '2030-05-07T05:00:00Z']) {
      await meet({ officer, citizen, kind: 'virtual', madeAt: new Date(at) });
    }
    const paid = (await awards(citizen)).filter((l) => l.title === 'Connection').map((l) => l.points).reverse();
    assert.deepEqual(paid, [5, 5], 'one paid connection a pair a day: the first on 6 May, none after it that day; 7 May pays again');
  });

  it('caps what a rule pays a person per day, whoever they meet, and cuts an award to what is left', async () => {
    const created = await stage.call(stage.admin, 'POST', '/rewards/rules', rule({ name: 'Busy day', area: { cells: [], zips: ['10901'] }, points: { citizen: 10, officer: 0 }, caps: { perPairPerDay: null, perUserPerDay: 25, budget: null } }));
    assert.equal(created.statusCode, 201, created.body);
    const citizen = stage.citizens[14];
    assert.ok(citizen);
    for (const officer of stage.officers.slice(0, 4)) await meet({ officer, citizen, kind: 'virtual', zip: '10901' });
    const busy = (await awards(citizen)).filter((l) => l.title === 'Busy day').map((l) => l.points).reverse();
    assert.deepEqual(busy, [10, 10, 5], 'cut to the 5 left, then nothing');
    const events = await sql<{ n: number }>`select count(*)::int as n from platform.outbox where type = 'rewards.points-awarded.v1' and payload->>'ruleName' = 'Busy day' and (payload->>'capped')::boolean`.execute(stage.server.database.db);
    assert.equal(events.rows[0]?.n, 1, 'the cut award says it was capped');
  });

  it('stops paying a rule once its budget is spent, across everyone', async () => {
    const created = await stage.call(stage.admin, 'POST', '/rewards/rules', rule({ name: 'Launch week', area: { cells: [], zips: ['10902'] }, points: { citizen: 10, officer: 10 }, caps: { perPairPerDay: null, perUserPerDay: null, budget: 35 } }));
    assert.equal(created.statusCode, 201, created.body);
    const ruleId: string = created.json().rule.id;
    for (const officer of stage.officers.slice(0, 3)) await meet({ officer, citizen: stage.citizens[15] as Person, kind: 'virtual', zip: '10902' });
    const paid = await sql<{ total: number }>`select coalesce(sum(points), 0)::int as total from rewards.awards where rule_id = ${ruleId}`.execute(stage.server.database.db);
    assert.equal(paid.rows[0]?.total, 35);
    const listed = (await stage.call(stage.admin, 'GET', '/rewards/rules')).json().items.find((r: { id: string }) => r.id === ruleId);
    assert.equal(listed.spentPoints, 35, 'the admins see what it paid');
  });

  it('pays a first-with-this-officer bonus once per pair', async () => {
    await stage.call(stage.admin, 'POST', '/rewards/rules', rule({ name: 'New face', area: { cells: [], zips: ['10903'] }, bonus: 'first-with-this-officer', points: { citizen: 7, officer: 3 } }));
    const { citizen, officer } = freshPair();
    await meet({ officer, citizen, kind: 'virtual', zip: '10903' });
    await meet({ officer, citizen, kind: 'virtual', zip: '10903' });
    assert.equal((await awards(citizen)).filter((l) => l.title === 'New face').length, 1);
  });
});

describe('rules are versioned and previewed by admins', () => {
  it('an edit is a new version: new awards record it, earlier ones keep the version that paid them', async () => {
    const { citizen, officer } = freshPair();
    await meet({ officer, citizen, kind: 'virtual', madeAt: new Date('2030-06-01T16:00:00Z') });
    const current = (await stage.call(stage.admin, 'GET', '/rewards/rules')).json().items.find((r: { id: string }) => r.id === CONNECTION);
    const { id: _id, version: _version, spentPoints: _spent, updatedAt: _updated, ...definition } = current;
    const edited = await stage.call(stage.admin, 'PUT', `/rewards/rules/${CONNECTION}`, { ...definition, points: { citizen: 12, officer: 10 }, caps: { ...definition.caps, perPairPerDay: 12 } });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().rule.version, 3);
    // The next day, so the pair's daily cap does not cut the new amount.
    await meet({ officer, citizen, kind: 'virtual', madeAt: new Date('2030-06-02T16:00:00Z') });
    const lines = (await awards(citizen)).filter((l) => l.ruleId === CONNECTION);
    assert.deepEqual(lines.map((l) => [l.points, l.ruleVersion]), [[12, 3], [5, 2]]);
    const versions = (await stage.call(stage.admin, 'GET', `/rewards/rules/${CONNECTION}/versions`)).json().items;
    assert.deepEqual(versions.map((v: { version: number; points: { citizen: number } }) => [v.version, v.points.citizen]), [[3, 12], [2, 5], [1, 10]], 'the seeded version, the migration’s (one paid connection a pair a day), the admin’s');
    // Put back as it was: the replay below pays earlier connections again by the rules in force, and the other tests' connections were made under these.
    assert.equal((await stage.call(stage.admin, 'PUT', `/rewards/rules/${CONNECTION}`, definition)).statusCode, 200);
  });

  it('the preview tells what each party would earn for a connection, rule by rule', async () => {
    const preview = await stage.call(stage.admin, 'POST', '/rewards/rules/preview', { kind: 'proximity', locationVerified: true, firstEver: true });
    assert.equal(preview.statusCode, 200, preview.body);
    const body = preview.json();
    assert.deepEqual(body.citizen.map((l: { name: string }) => l.name).sort(), ['Connection', 'First connection', 'Met in person']);
    assert.equal(body.totals.citizen, 5 + 10 + 25);
    assert.equal(body.totals.officer, 5 + 10);
  });

  it('a rule that cannot be saved says every problem, and only admins may touch rules', async () => {
    const invalid = await stage.call(stage.admin, 'POST', '/rewards/rules', rule({ name: ' ', points: { citizen: 0, officer: 0 } }));
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().error.code, 'REWARDS_RULE_INVALID');
    assert.equal(invalid.json().error.details.problems.length, 2);
    const citizen = stage.citizens[0] as Person;
    assert.equal((await stage.call(citizen, 'GET', '/rewards/rules')).statusCode, 403);
    assert.equal((await stage.call(citizen, 'POST', '/rewards/rules', rule({}))).statusCode, 403);
    assert.equal((await stage.call(stage.admin, 'PUT', `/rewards/rules/${crypto.randomUUID()}`, rule({}))).json().error.code, 'REWARDS_RULE_NOT_FOUND');
  });
});

describe('redelivery', () => {
  it('replaying every connection-made event pays nothing twice — through the inbox, and even with the inbox forgotten', async () => {
    const db = stage.server.database.db;
    const balances = async () => (await sql<{ id: string; balance: number }>`select id, balance from rewards.accounts order by id`.execute(db)).rows;
    const before = await balances();
    const awardsBefore = (await sql<{ n: number }>`select count(*)::int as n from rewards.awards`.execute(db)).rows[0]?.n;
    const events = (await sql<{ id: string; type: string; occurred_at: Date; actor_id: string | null; correlation_id: string; causation_id: string | null; payload: unknown }>`
      select id, type, occurred_at, actor_id, correlation_id, causation_id, payload from platform.outbox where type = 'connections.connection-made.v1'`.execute(db)).rows;
    assert.ok(events.length >= 10);
    const replay = async () => {
      for (const e of events) {
        await stage.server.bus.publish({ envelope: { id: e.id, type: e.type, occurredAt: e.occurred_at.toISOString(), actorId: e.actor_id, correlationId: e.correlation_id, causationId: e.causation_id, payload: e.payload }, traceContext: {} });
      }
    };
    await replay();
    await sql`delete from platform.inbox where consumer = 'rewards.on-connection-made'`.execute(db);
    await replay();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await replay();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.deepEqual(await balances(), before, 'no balance moved');
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from rewards.awards`.execute(db)).rows[0]?.n, awardsBefore);
  });
});
