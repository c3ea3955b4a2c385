import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { giftRefusal } from './gift-rules.ts';

const officer = (id: string) => ({ id, officer: true });
const citizen = (id: string) => ({ id, officer: false });

describe('who may gift whom', () => {
  it('officers gift fellow officers', () => assert.equal(giftRefusal(officer('a'), officer('b'), false), null));
  it('officers do not gift citizens', () => assert.equal(giftRefusal(officer('a'), citizen('b'), true), 'REWARDS_GIFTS_NOT_ALLOWED'));
  it('citizens gift citizens only where an admin enabled it', () => {
    assert.equal(giftRefusal(citizen('a'), citizen('b'), false), 'REWARDS_GIFTS_NOT_ALLOWED');
    assert.equal(giftRefusal(citizen('a'), citizen('b'), true), null);
    assert.equal(giftRefusal(citizen('a'), officer('b'), true), 'REWARDS_GIFTS_NOT_ALLOWED');
  });
  it('nobody gifts themselves', () => assert.equal(giftRefusal(officer('a'), officer('a'), true), 'REWARDS_GIFT_TO_SELF'));
});
