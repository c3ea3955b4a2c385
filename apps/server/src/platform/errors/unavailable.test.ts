import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnreachable } from './unavailable.ts';

const withFields = (message: string, fields: Record<string, string>): Error => Object.assign(new Error(message), fields);

describe('an unreachable service is told apart from a failed request', () => {
  it('a refused or lost connection, and a database shutting down, crashed or starting up, are unreachable', () => {
    assert.ok(isUnreachable(withFields('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' })));
    assert.ok(isUnreachable(withFields('read ECONNRESET', { code: 'ECONNRESET', syscall: 'read' })));
    assert.ok(isUnreachable(new Error('Connection terminated unexpectedly')));
    assert.ok(isUnreachable(new Error('Client has encountered a connection error and is not queryable')));
    assert.ok(isUnreachable(withFields('the database system is starting up', { code: '57P03', severity: 'FATAL' })));
    assert.ok(isUnreachable(withFields('terminating connection due to administrator command', { code: '57P01', severity: 'FATAL' })));
    assert.ok(isUnreachable(withFields('connection failure', { code: '08006', severity: 'FATAL' })));
  });

  it('a failed statement, a bug or a lookalike code without a server behind it is not', () => {
    assert.ok(!isUnreachable(withFields('duplicate key value violates unique constraint', { code: '23505', severity: 'ERROR' })));
    assert.ok(!isUnreachable(withFields('could not serialize access', { code: '40001', severity: 'ERROR' })));
    assert.ok(!isUnreachable(new TypeError('Cannot read properties of undefined')));
    assert.ok(!isUnreachable(withFields('not a socket error', { code: '08006' })));
    assert.ok(!isUnreachable('ECONNREFUSED'));
  });
});
