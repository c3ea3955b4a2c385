import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planAwards, type ConnectionToPay, type PaidBefore } from './award-plan.ts';
import type { RuleDefinition, RuleVersion } from './earning-rules.ts';
import { localMoment } from './local-time.ts';

const rule = (id: string, overrides: Partial<RuleDefinition>): RuleVersion => ({
  id, version: 1,
  definition: {
    name: id, active: true, kinds: ['proximity', 'qr', 'virtual'], locationVerified: 'any', points: { citizen: 5, officer: 5 }, timeWindow: null, area: null, bonus: 'none',
    caps: { perPairPerDay: null, perUserPerDay: null, budget: null }, ...overrides,
  },
});
// The seeded rules after migration 0009: one paid connection per pair per day.
const seeded = [
  rule('connection', { caps: { perPairPerDay: 5, perUserPerDay: 100, budget: null } }),
  rule('met-in-person', { kinds: ['proximity', 'qr'], locationVerified: 'verified', points: { citizen: 10, officer: 10 }, caps: { perPairPerDay: 10, perUserPerDay: 200, budget: null } }),
];
const nothingBefore: PaidBefore = { peopleSeen: new Set(), pairsSeen: new Set(), recorded: new Map(), usage: new Map(), awarded: new Set(), spent: new Map() };
let n = 0;
const connection = (officerId: string, citizenId: string, overrides: Partial<ConnectionToPay> = {}): ConnectionToPay => {
  n++;
  return {
    eventId: `event-${n}`, connectionId: `connection-${n}`, officerId, citizenId, kind: 'proximity', locationVerified: true, cell: null, zip: null,
    at: localMoment(new Date(Date.UTC(2030, 2, 9, 15, n)), 'America/New_York'), ...overrides,
  };
};

test('a pair meeting again the same day is paid once; the second connection leaves both unpaid, told it was paid today', () => {
  const first = connection('officer', 'citizen');
  const again = connection('officer', 'citizen');
  const plan = planAwards(seeded, [first, again], nothingBefore);
  assert.deepEqual(plan.awards.map((a) => [a.source.connectionId, a.party, a.rule.id, a.points]), [
    [first.connectionId, 'citizen', 'connection', 5], [first.connectionId, 'citizen', 'met-in-person', 10],
    [first.connectionId, 'officer', 'connection', 5], [first.connectionId, 'officer', 'met-in-person', 10],
  ]);
  assert.deepEqual(plan.unpaid.map((u) => [u.source.connectionId, u.party, u.reason]), [[again.connectionId, 'citizen', 'pair-paid-today'], [again.connectionId, 'officer', 'pair-paid-today']]);
});

test('a connection no position vouches for is paid less than a verified one', () => {
  const plan = planAwards(seeded, [connection('o1', 'c1', { kind: 'qr', locationVerified: false }), connection('o2', 'c2', { kind: 'qr', locationVerified: true })], nothingBefore);
  const citizenTotal = (citizenId: string): number => plan.awards.filter((a) => a.recipientId === citizenId).reduce((sum, a) => sum + a.points, 0);
  assert.equal(citizenTotal('c1'), 5);
  assert.equal(citizenTotal('c2'), 15);
});

test('the next day pays the pair again; a person at a daily cap is told so; a bonus that still pays means nothing to tell', () => {
  const today = connection('officer', 'citizen');
  const tomorrow = connection('officer', 'citizen', { at: localMoment(new Date(Date.UTC(2030, 2, 10, 15, 0)), 'America/New_York') });
  assert.equal(planAwards(seeded, [today, tomorrow], nothingBefore).unpaid.length, 0);

  const capped = [rule('daily', { caps: { perPairPerDay: null, perUserPerDay: 5, budget: null } })];
  const plan = planAwards(capped, [connection('o1', 'citizen'), connection('o2', 'citizen')], nothingBefore);
  assert.deepEqual(plan.unpaid.map((u) => [u.recipientId, u.reason]), [['citizen', 'daily-limit-reached']]);

  const withBonus = [...seeded, rule('first', { bonus: 'first-ever', points: { citizen: 25, officer: 0 } })];
  const second = connection('o9', 'c9');
  const paidToday = (recipient: string, counterpart: string): Array<[string, number]> => [[`connection|${recipient}|${counterpart}|${second.at.day}`, 5], [`met-in-person|${recipient}|${counterpart}|${second.at.day}`, 10]];
  const seen: PaidBefore = { ...nothingBefore, usage: new Map([...paidToday('c9', 'o9'), ...paidToday('o9', 'c9')]) };
  assert.deepEqual(planAwards(withBonus, [second], seen).unpaid.map((u) => u.party), ['officer'], 'the citizen’s first-ever bonus still pays: only the officer is told');
});

test('a spent budget is the reason when it is the only cap left', () => {
  const budgeted = [rule('budget', { caps: { perPairPerDay: null, perUserPerDay: null, budget: 5 } })];
  const plan = planAwards(budgeted, [connection('o1', 'c1'), connection('o2', 'c2')], nothingBefore);
  assert.deepEqual(plan.awards.map((a) => [a.recipientId, a.points]), [['c1', 5]], 'a budget is shared by everyone: the first citizen takes it all');
  assert.deepEqual(plan.unpaid.map((u) => [u.recipientId, u.reason]), [['o1', 'budget-spent'], ['c2', 'budget-spent'], ['o2', 'budget-spent']]);
});
