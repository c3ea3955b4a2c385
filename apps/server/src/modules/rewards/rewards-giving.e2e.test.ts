// Giving: donations to charities' causes and gifts between colleagues, each under a daily cap in the
// deployment's time zone; charities see donations (never donors) and download monthly statements.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { LiveClient } from '../../../test/support/live-client.ts';
import type { Person } from '../../../test/support/people.ts';
import { waitUntil } from '../../../test/support/wait.ts';
import { connectionMade, handled, startRewardsStage, type Partner, type RewardsStage } from './rewards.e2e-harness.ts';

let stage: RewardsStage;
let charity: Partner;

before(async () => {
  stage = await startRewardsStage({ citizens: 6, officers: 4 });
  charity = await stage.partner('charity', 'Harbour Food Bank');
});
after(async () => stage?.close());
afterEach(async () => stage.assertConserved());

const person = (list: readonly Person[], i: number): Person => {
  const p = list[i];
  assert.ok(p, 'enough people seeded');
  return p;
};

async function settings(change: Record<string, unknown>): Promise<void> {
  const current = (await stage.call(stage.admin, 'GET', '/rewards/settings')).json().settings;
  const saved = await stage.call(stage.admin, 'PUT', '/rewards/settings', { ...current, ...change });
  assert.equal(saved.statusCode, 200, saved.body);
}

describe('donations', () => {
  it('move points to the charity, count towards the cause, and show in both histories without naming the donor', async () => {
    const officer = person(stage.officers, 0);
    await stage.grant(officer, 100);
    const cause = await stage.cause(charity, { title: 'Winter coats', goalPoints: 1000 });
    const donated = await stage.keyed(officer, `/rewards/causes/${cause.id}/donations`, { points: 40 });
    assert.equal(donated.statusCode, 201, donated.body);
    assert.equal(donated.json().balance, 60);
    assert.equal((await stage.call(charity.owner, 'GET', `/rewards/organisations/${charity.id}/summary`)).json().balance, 40);
    const causes = (await stage.call(officer, 'GET', '/rewards/causes?q=coats')).json().items;
    assert.deepEqual(causes.map((c: { title: string; receivedPoints: number }) => [c.title, c.receivedPoints]), [['Winter coats', 40]]);
    const line = (await stage.call(officer, 'GET', '/rewards/wallet/history')).json().items[0];
    assert.deepEqual([line.kind, line.points, line.title], ['donation', -40, 'Winter coats']);
    const received = (await stage.call(charity.owner, 'GET', `/rewards/organisations/${charity.id}/donations`)).json().items;
    assert.equal(received[0].points, 40);
    assert.ok(!JSON.stringify(received).includes(officer.accountId), 'the charity never learns who gave');
    const events = await sql<{ n: number }>`select count(*)::int as n from platform.outbox where type = 'rewards.donation-made.v1' and payload->>'causeId' = ${cause.id}`.execute(stage.server.database.db);
    assert.equal(events.rows[0]?.n, 1);
  });

  it('are refused past the donor’s daily cap, for a closed or unknown cause, and beyond the balance — and the same way on retry', async () => {
    const citizen = person(stage.citizens, 0);
    await stage.grant(citizen, 200);
    await settings({ donationDailyCap: 50 });
    try {
      const cause = await stage.cause(charity, { title: 'Night shelter' });
      assert.equal((await stage.keyed(citizen, `/rewards/causes/${cause.id}/donations`, { points: 30 })).statusCode, 201);
      const key = crypto.randomUUID();
      assert.equal((await stage.keyed(citizen, `/rewards/causes/${cause.id}/donations`, { points: 30 }, key)).json().error.code, 'REWARDS_DONATION_DAILY_CAP');
      await settings({ donationDailyCap: 5000 });
      assert.equal((await stage.keyed(citizen, `/rewards/causes/${cause.id}/donations`, { points: 30 }, key)).json().error.code, 'REWARDS_DONATION_DAILY_CAP', 'a refused key stays refused');
      assert.equal((await stage.keyed(citizen, `/rewards/causes/${cause.id}/donations`, { points: 31 }, key)).json().error.code, 'REWARDS_IDEMPOTENCY_KEY_REUSED', 'another body under the same key');
      assert.equal((await stage.keyed(citizen, `/rewards/causes/${cause.id}/donations`, { points: 500 })).json().error.code, 'REWARDS_INSUFFICIENT_POINTS');
      const closed = await stage.call(charity.owner, 'PATCH', `/rewards/organisations/${charity.id}/causes/${cause.id}`, { active: false });
      assert.equal(closed.json().cause.active, false);
      assert.equal((await stage.keyed(citizen, `/rewards/causes/${cause.id}/donations`, { points: 1 })).json().error.code, 'REWARDS_CAUSE_INACTIVE');
      assert.equal((await stage.keyed(citizen, `/rewards/causes/${crypto.randomUUID()}/donations`, { points: 1 })).json().error.code, 'REWARDS_CAUSE_NOT_FOUND');
      assert.equal(await stage.balance(citizen), 170);
    } finally {
      await settings({ donationDailyCap: 5000 });
    }
  });

  it('give the charity a monthly statement with each donation and its money value at the points’ rate', async () => {
    await settings({ pointValueCents: 2 });
    const month = stage.clock.now().toISOString().slice(0, 7);
    const statement = await stage.call(charity.owner, 'GET', `/rewards/organisations/${charity.id}/statements/${month}`);
    assert.equal(statement.statusCode, 200, statement.body);
    assert.match(String(statement.headers['content-type']), /^text\/csv/);
    const lines = statement.body.trim().split('\r\n');
    assert.equal(lines[0], `statement,Harbour Food Bank,${month}`);
    assert.equal(lines.at(-1), 'total,,70,1.40,2 donations');
    assert.equal((await stage.call(charity.owner, 'GET', `/rewards/organisations/${charity.id}/statements/2030-13`)).json().error.code, 'REWARDS_MONTH_INVALID');
    assert.equal((await stage.call(person(stage.citizens, 1), 'GET', `/rewards/organisations/${charity.id}/statements/${month}`)).statusCode, 404, 'only its members');
    await settings({ pointValueCents: 1 });
  });
});

describe('gifts', () => {
  it('an officer gifts a colleague with a message: both histories show it, and the colleague is told live', async () => {
    const [sender, colleague] = [person(stage.officers, 1), person(stage.officers, 2)];
    await stage.grant(sender, 50);
    const colleagues = (await stage.call(sender, 'GET', '/rewards/colleagues')).json().items.map((c: { accountId: string }) => c.accountId);
    assert.ok(colleagues.includes(colleague.accountId) && !colleagues.includes(sender.accountId));
    const before = await stage.balance(colleague);
    const live = new LiveClient(stage.url, colleague.token);
    await live.opened;
    const gifted = await stage.keyed(sender, '/rewards/gifts', { recipientId: colleague.accountId, points: 20, message: '  Thanks for covering my shift  ' });
    assert.equal(gifted.statusCode, 201, gifted.body);
    assert.equal(gifted.json().balance, 30);
    assert.equal((await stage.balance(colleague)) - before, 20);
    const sent = (await stage.call(sender, 'GET', '/rewards/wallet/history')).json().items[0];
    const got = (await stage.call(colleague, 'GET', '/rewards/wallet/history')).json().items[0];
    assert.deepEqual([sent.kind, sent.points, sent.counterpartId, sent.message], ['gift-sent', -20, colleague.accountId, 'Thanks for covering my shift']);
    assert.deepEqual([got.kind, got.points, got.counterpartId, got.message], ['gift-received', 20, sender.accountId, 'Thanks for covering my shift']);
    try {
      const told = await live.next('gift.received', (m) => m['giftId'] === gifted.json().gift.id, 0, 10_000);
      assert.deepEqual([told['points'], told['senderId'], told['balance']], [20, sender.accountId, before + 20]);
    } finally {
      await live.close();
    }
  });

  it('go only to colleagues (citizens to citizens where an admin enabled it), never to oneself, within the daily cap', async () => {
    const [officer, other] = [person(stage.officers, 3), person(stage.officers, 1)];
    const [citizen, neighbour] = [person(stage.citizens, 2), person(stage.citizens, 3)];
    await stage.grant(officer, 1000);
    await stage.grant(citizen, 100);
    const gift = (from: Person, to: string, points = 5) => stage.keyed(from, '/rewards/gifts', { recipientId: to, points });
    assert.equal((await gift(officer, citizen.accountId)).json().error.code, 'REWARDS_GIFTS_NOT_ALLOWED');
    assert.equal((await gift(officer, officer.accountId)).json().error.code, 'REWARDS_GIFT_TO_SELF');
    assert.equal((await gift(officer, crypto.randomUUID())).json().error.code, 'REWARDS_RECIPIENT_NOT_FOUND');
    assert.equal((await gift(citizen, neighbour.accountId)).json().error.code, 'REWARDS_GIFTS_NOT_ALLOWED', 'off by default');
    assert.equal((await stage.call(citizen, 'GET', '/rewards/colleagues')).json().error.code, 'REWARDS_OFFICERS_ONLY');
    await settings({ citizenGiftsEnabled: true, giftDailyCap: 100 });
    try {
      assert.equal((await gift(citizen, neighbour.accountId)).statusCode, 201);
      assert.equal((await gift(citizen, person(stage.officers, 0).accountId)).json().error.code, 'REWARDS_GIFTS_NOT_ALLOWED', 'citizens do not gift officers');
      assert.equal((await gift(officer, other.accountId, 90)).statusCode, 201);
      assert.equal((await gift(officer, other.accountId, 11)).json().error.code, 'REWARDS_GIFT_DAILY_CAP');
      stage.clock.advance(24 * 3600_000);
      try {
        assert.equal((await gift(officer, other.accountId, 11)).statusCode, 201, 'a new local day, a new allowance');
      } finally {
        stage.clock.advance(-24 * 3600_000);
      }
    } finally {
      await settings({ citizenGiftsEnabled: false, giftDailyCap: 500 });
    }
  });
});

describe('the wallet', () => {
  it('tells the balance, what the person may do and today’s giving against its caps', async () => {
    const officer = person(stage.officers, 0);
    const wallet = (await stage.call(officer, 'GET', '/rewards/wallet')).json().wallet;
    assert.equal(wallet.role, 'officer');
    assert.equal(wallet.canRedeem, false);
    assert.equal(wallet.canGift, true);
    assert.equal(wallet.donatedToday, 40);
    const citizen = (await stage.call(person(stage.citizens, 4), 'GET', '/rewards/wallet')).json().wallet;
    assert.deepEqual([citizen.balance, citizen.canRedeem, citizen.canGift], [0, true, false]);
    assert.equal((await stage.call(undefined, 'GET', '/rewards/wallet')).statusCode, 401);
  });

  it('pages the history and downloads a month as CSV', async () => {
    const citizen = person(stage.citizens, 5);
    for (let i = 0; i < 5; i++) await stage.grant(citizen, i + 1);
    const first = (await stage.call(citizen, 'GET', '/rewards/wallet/history?limit=2')).json();
    assert.equal(first.items.length, 2);
    const second = (await stage.call(citizen, 'GET', `/rewards/wallet/history?limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await stage.call(citizen, 'GET', `/rewards/wallet/history?limit=2&cursor=${second.nextCursor}`)).json();
    assert.deepEqual([...first.items, ...second.items, ...third.items].map((l: { points: number }) => l.points), [5, 4, 3, 2, 1]);
    assert.equal(third.nextCursor, null);
    const month = stage.clock.now().toISOString().slice(0, 7);
    const csv = await stage.call(citizen, 'GET', `/rewards/wallet/statement?month=${month}`);
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body.trim().split('\r\n').length, 6, 'a header and five lines');
    assert.match(csv.body.trim().split('\r\n').at(-1) ?? '', /,adjustment,test funds,5,15,/);
    assert.equal((await stage.call(citizen, 'GET', '/rewards/wallet/statement?month=May')).json().error.code, 'REWARDS_MONTH_INVALID');
  });
});

describe('the profile', () => {
  it('counts the points a person earned, spent on offers (a cancelled voucher gives them back) and donated', async () => {
    const citizen = person(stage.citizens, 1);
    await handled(stage, await connectionMade(stage, { officer: person(stage.officers, 0), citizen, kind: 'proximity', locationVerified: true }));
    const shop = await stage.partner('retailer', 'Profile Shop');
    const kept = await stage.offer(shop, { pricePoints: 7 });
    const cancelled = await stage.offer(shop, { pricePoints: 9 });
    assert.equal((await stage.keyed(citizen, `/rewards/offers/${kept.id}/redeem`)).statusCode, 201);
    const { voucher } = (await stage.keyed(citizen, `/rewards/offers/${cancelled.id}/redeem`)).json();
    assert.equal((await stage.keyed(citizen, `/rewards/vouchers/${voucher.id}/cancel`)).statusCode, 200);
    const cause = await stage.cause(charity, { title: 'Profile cause' });
    assert.equal((await stage.keyed(citizen, `/rewards/causes/${cause.id}/donations`, { points: 4 })).statusCode, 201);
    const expected = { pointsEarned: 40, pointsSpent: 7, pointsDonated: 4 };
    let counts: Record<string, number> = {};
    await waitUntil(async () => {
      counts = (await stage.call(citizen, 'GET', '/profiles/me')).json().counts;
      return counts['pointsEarned'] === expected.pointsEarned && counts['pointsSpent'] === expected.pointsSpent && counts['pointsDonated'] === expected.pointsDonated;
    }, 10_000, `profile counts ${JSON.stringify(expected)}, last seen ${JSON.stringify(counts)}`);
  });
});
