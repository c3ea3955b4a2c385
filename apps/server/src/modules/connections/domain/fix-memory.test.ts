import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FixMemory } from './fix-memory.ts';

const options = { fixesPerSecond: 1, burst: 3, ttlMs: 10 * 60_000 };
const fix = { lat: 40.758, lon: -73.9855, accuracy: 10, at: 0 };

describe('the fix memory: allowance and last trusted fix', () => {
  it('allows a burst of three fixes, then one a second', () => {
    const memory = new FixMemory(options);
    for (let i = 0; i < 3; i++) {
      assert.equal(memory.hasAllowance('p', 0), true, `fix ${i + 1}`);
      memory.trust('p', fix, 0);
    }
    assert.equal(memory.hasAllowance('p', 0), false);
    assert.equal(memory.hasAllowance('p', 999), false);
    assert.equal(memory.hasAllowance('p', 1000), true);
  });
  it('counts an implausible fix against the allowance without trusting it', () => {
    const memory = new FixMemory(options);
    memory.trust('p', fix, 0);
    memory.spend('p', 0);
    memory.spend('p', 0);
    assert.equal(memory.hasAllowance('p', 0), false);
    assert.deepEqual(memory.trustedFix('p'), fix);
  });
  it('counts fixes accepted elsewhere even when they outrun the allowance here (never below empty)', () => {
    const memory = new FixMemory(options);
    for (let i = 0; i < 6; i++) memory.trust('p', { ...fix, at: i }, 0);
    assert.equal(memory.trustedFix('p')?.at, 5);
    assert.equal(memory.hasAllowance('p', 999), false);
    assert.equal(memory.hasAllowance('p', 1000), true, 'empty, not in debt');
  });
  it('says a sender is too fast at most once per interval', () => {
    const memory = new FixMemory(options);
    assert.equal(memory.shouldTellTooFrequent('p', 0, 5000), true);
    assert.equal(memory.shouldTellTooFrequent('p', 4999, 5000), false);
    assert.equal(memory.shouldTellTooFrequent('p', 5000, 5000), true);
  });
  it('forgets a person ten minutes after their last fix, and not before', () => {
    const memory = new FixMemory(options);
    memory.trust('p', fix, 0);
    memory.trust('q', fix, 60_000);
    memory.sweep(options.ttlMs - 1);
    assert.equal(memory.size, 2);
    assert.equal(memory.holdsCoordinate(fix.lat), true);
    memory.sweep(options.ttlMs);
    assert.equal(memory.trustedFix('p'), undefined);
    assert.equal(memory.hasAllowance('p', options.ttlMs), true);
    assert.deepEqual(memory.trustedFix('q'), fix);
    memory.sweep(options.ttlMs + 60_000);
    assert.equal(memory.size, 0);
    assert.equal(memory.holdsCoordinate(fix.lat), false);
  });
  it('forgets a trusted fix ten minutes after it was trusted, even while refused fixes keep coming', () => {
    const memory = new FixMemory(options);
    memory.trust('p', fix, 0);
    for (let at = 60_000; at <= options.ttlMs; at += 60_000) memory.spend('p', at);
    memory.sweep(options.ttlMs);
    assert.equal(memory.trustedFix('p'), undefined);
    assert.equal(memory.holdsCoordinate(fix.lat), false);
    assert.equal(memory.size, 1, 'the allowance is still counted');
  });
  it('forgets a person at once when told to', () => {
    const memory = new FixMemory(options);
    memory.trust('p', fix, 0);
    memory.forget('p');
    assert.equal(memory.trustedFix('p'), undefined);
    assert.equal(memory.size, 0);
  });
});
