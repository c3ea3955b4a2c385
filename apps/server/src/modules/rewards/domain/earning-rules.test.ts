import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cappedPoints, matchesArea, matchesBonus, matchesKind, matchesWindow, problemsOf, ruleApplies, type ConnectionFacts, type RuleDefinition } from './earning-rules.ts';
import type { LocalMoment } from './local-time.ts';

const rule = (fields: Partial<RuleDefinition> = {}): RuleDefinition => ({
  name: 'Connection', active: true, kinds: ['proximity', 'qr', 'virtual'], locationVerified: 'any', points: { citizen: 10, officer: 5 },
  timeWindow: null, area: null, bonus: 'none', caps: { perPairPerDay: null, perUserPerDay: null, budget: null }, ...fields,
});
const facts = (fields: Partial<ConnectionFacts> = {}): ConnectionFacts => ({
  kind: 'proximity', locationVerified: true, cell: '872a1072bffffff', zip: '10036', firstEver: { citizen: false, officer: false }, firstForPair: false, ...fields,
});
const noon: LocalMoment = { day: '2030-05-06', weekday: 1, minutes: 12 * 60 };

describe('earning rules', () => {
  it('pay for the kinds of connection they name, and no other', () => {
    assert.equal(matchesKind(rule({ kinds: ['qr'] }), facts({ kind: 'qr' })), true);
    assert.equal(matchesKind(rule({ kinds: ['qr'] }), facts({ kind: 'virtual' })), false);
  });

  it('can ask for a location-verified connection, or an unverified one', () => {
    assert.equal(matchesKind(rule({ locationVerified: 'verified' }), facts({ locationVerified: false })), false);
    assert.equal(matchesKind(rule({ locationVerified: 'verified' }), facts({ locationVerified: true })), true);
    assert.equal(matchesKind(rule({ locationVerified: 'unverified' }), facts({ locationVerified: true })), false);
    assert.equal(matchesKind(rule({ locationVerified: 'any' }), facts({ locationVerified: false })), true);
  });

  it('pay inside their time window on its days, and a window from later to earlier spans midnight', () => {
    const weekdays = rule({ timeWindow: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' } });
    assert.equal(matchesWindow(weekdays, noon), true);
    assert.equal(matchesWindow(weekdays, { ...noon, minutes: 17 * 60 }), false, 'the end minute is outside');
    assert.equal(matchesWindow(weekdays, { ...noon, weekday: 0 }), false, 'Sunday is not listed');
    const night = rule({ timeWindow: { days: [1], from: '22:00', to: '02:00' } });
    assert.equal(matchesWindow(night, { ...noon, minutes: 23 * 60 }), true);
    assert.equal(matchesWindow(night, { ...noon, minutes: 60 }), true);
    assert.equal(matchesWindow(night, noon), false);
  });

  it('pay inside their area by H3 cell or ZIP code, and never for a connection with no place', () => {
    assert.equal(matchesArea(rule({ area: { cells: ['872a1072bffffff'], zips: [] } }), facts()), true);
    assert.equal(matchesArea(rule({ area: { cells: [], zips: ['10036'] } }), facts({ cell: null })), true);
    assert.equal(matchesArea(rule({ area: { cells: [], zips: ['10001'] } }), facts()), false);
    assert.equal(matchesArea(rule({ area: { cells: [], zips: ['10036'] } }), facts({ cell: null, zip: null })), false);
  });

  it('pay a first-ever bonus only on the party’s first connection, and a first-with-this-officer bonus only on the pair’s first', () => {
    const firstEver = rule({ bonus: 'first-ever' });
    assert.equal(matchesBonus(firstEver, facts({ firstEver: { citizen: true, officer: false } }), 'citizen'), true);
    assert.equal(matchesBonus(firstEver, facts({ firstEver: { citizen: true, officer: false } }), 'officer'), false);
    const firstPair = rule({ bonus: 'first-with-this-officer' });
    assert.equal(matchesBonus(firstPair, facts({ firstForPair: true }), 'officer'), true);
    assert.equal(matchesBonus(firstPair, facts({ firstForPair: false }), 'citizen'), false);
  });

  it('pay nothing when inactive, or to a party they give no points', () => {
    assert.equal(ruleApplies(rule({ active: false }), facts(), 'citizen', noon), false);
    assert.equal(ruleApplies(rule({ points: { citizen: 10, officer: 0 } }), facts(), 'officer', noon), false);
    assert.equal(ruleApplies(rule(), facts(), 'officer', noon), true);
  });

  it('are cut by what is left under each cap, never below zero', () => {
    const caps = { perPairPerDay: 20, perUserPerDay: 50, budget: 1000 };
    assert.equal(cappedPoints(10, caps, { pairToday: 0, recipientToday: 0, spent: 0 }), 10);
    assert.equal(cappedPoints(10, caps, { pairToday: 15, recipientToday: 0, spent: 0 }), 5, 'the pair’s daily cap');
    assert.equal(cappedPoints(10, caps, { pairToday: 0, recipientToday: 48, spent: 0 }), 2, 'the person’s daily cap');
    assert.equal(cappedPoints(10, caps, { pairToday: 0, recipientToday: 0, spent: 997 }), 3, 'the rule’s budget');
    assert.equal(cappedPoints(10, caps, { pairToday: 25, recipientToday: 0, spent: 0 }), 0);
    assert.equal(cappedPoints(10, { perPairPerDay: null, perUserPerDay: null, budget: null }, { pairToday: 1e9, recipientToday: 1e9, spent: 1e9 }), 10, 'no caps, no cut');
  });

  it('cannot be saved without a name, a party to pay, a sensible window or a non-empty area — every problem is told', () => {
    assert.deepEqual(problemsOf(rule()), []);
    const problems = problemsOf(rule({ name: '  ', points: { citizen: 0, officer: 0 }, timeWindow: { days: [], from: '25:00', to: '09:00' }, area: { cells: [], zips: [] } }));
    assert.equal(problems.length, 5, problems.join('; '));
    assert.deepEqual(problemsOf(rule({ timeWindow: { days: [1], from: '09:00', to: '09:00' } })), ['a time window cannot start and end at the same minute']);
  });
});
