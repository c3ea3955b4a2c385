import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Wallet } from '../../api/rewards.ts';
import { donationMax, giftMax, giftProblems, parsePoints } from './giving-rules.ts';

const wallet: Wallet = {
  balance: 150,
  pointValueCents: 1,
  role: 'citizen',
  canRedeem: true,
  canGift: true,
  giftDailyCap: 100,
  giftedToday: 30,
  donationDailyCap: 500,
  donatedToday: 0,
};

test('a donation is limited by the balance and by what is left of the daily limit', () => {
  assert.equal(donationMax(wallet), 150);
  assert.equal(donationMax({ ...wallet, donatedToday: 420 }), 80);
  assert.equal(donationMax({ ...wallet, donatedToday: 600 }), 0);
  assert.equal(donationMax({ ...wallet, balance: 0 }), 0);
});

test('a gift is limited by the balance and by what is left of the daily gift limit', () => {
  assert.equal(giftMax(wallet), 70);
  assert.equal(giftMax({ ...wallet, balance: 20 }), 20);
});

test('an amount is a whole number from 1 to the limit', () => {
  assert.equal(parsePoints('50', 150), 50);
  assert.equal(parsePoints(' 150 ', 150), 150);
  for (const typed of ['', '0', '151', '-5', '2.5', '1e2', 'ten']) assert.equal(parsePoints(typed, 150), undefined, typed);
});

test('a gift needs someone else, an amount within the limit and a message of at most 200 characters', () => {
  assert.deepEqual(giftProblems({ recipientId: 'friend', points: '10', message: '' }, 'me', 70), []);
  assert.deepEqual(giftProblems({ recipientId: ' ', points: '10', message: '' }, 'me', 70), ['recipient-missing']);
  assert.deepEqual(giftProblems({ recipientId: 'me', points: '10', message: '' }, 'me', 70), ['recipient-self']);
  assert.deepEqual(giftProblems({ recipientId: 'friend', points: '71', message: 'x'.repeat(201) }, 'me', 70), ['points', 'message-too-long']);
  assert.deepEqual(giftProblems({ recipientId: 'friend', points: '1', message: 'x'.repeat(200) }, 'me', 70), []);
});
