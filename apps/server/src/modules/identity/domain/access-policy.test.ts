import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decide, type Principal, type Resource } from './access-policy.ts';

const org = (id: string, type = 'retailer', status = 'active'): Resource => ({ kind: 'organisation', organisationId: id, type, status });
const person = (memberships: Array<[string, 'owner' | 'staff']> = [], roles: string[] = ['citizen']): Principal => ({ accountId: 'me', roles, memberships: new Map(memberships) });

describe('access policy', () => {
  test('an account is readable by its owner only', () => {
    assert.equal(decide(person(), 'account.read', { kind: 'account', accountId: 'me' }), 'allow');
    assert.equal(decide(person(), 'account.read', { kind: 'account', accountId: 'someone-else' }), 'not-found');
  });

  test('anyone signed in may request an organisation', () => {
    assert.equal(decide(person(), 'organisation.request', { kind: 'platform' }), 'allow');
  });

  test('an organisation is visible to its members only; to others it does not exist', () => {
    assert.equal(decide(person([['o1', 'staff']]), 'organisation.read', org('o1')), 'allow');
    assert.equal(decide(person([['o1', 'owner']]), 'organisation.read', org('o2')), 'not-found');
  });

  test('only an owner of an active organisation manages its members', () => {
    assert.equal(decide(person([['o1', 'owner']]), 'organisation.manage-members', org('o1')), 'allow');
    assert.equal(decide(person([['o1', 'staff']]), 'organisation.manage-members', org('o1')), 'forbidden');
    assert.equal(decide(person([['o1', 'owner']]), 'organisation.manage-members', org('o1', 'retailer', 'pending')), 'forbidden');
    assert.equal(decide(person([['o1', 'owner']]), 'organisation.manage-members', org('o2')), 'not-found');
  });

  test('only an owner of an active precinct manages its roster', () => {
    assert.equal(decide(person([['p1', 'owner']]), 'organisation.manage-roster', org('p1', 'precinct')), 'allow');
    assert.equal(decide(person([['r1', 'owner']]), 'organisation.manage-roster', org('r1', 'retailer')), 'forbidden');
    assert.equal(decide(person([['p1', 'staff']]), 'organisation.manage-roster', org('p1', 'precinct')), 'forbidden');
  });

  test('approvals and the audit log are for admins', () => {
    assert.equal(decide(person([['o1', 'owner']]), 'organisation.decide', org('o1', 'retailer', 'pending')), 'forbidden');
    assert.equal(decide(person(), 'audit.read', { kind: 'platform' }), 'forbidden');
    assert.equal(decide(person([], ['citizen', 'admin']), 'audit.read', { kind: 'platform' }), 'allow');
    assert.equal(decide(person([], ['citizen', 'admin']), 'organisation.manage-roster', org('p9', 'precinct')), 'allow');
  });
});
