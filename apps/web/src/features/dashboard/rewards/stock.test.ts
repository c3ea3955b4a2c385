import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjustedStock } from './stock.ts';

test('adding and removing vouchers moves the stock left, never below zero', () => {
  assert.equal(adjustedStock(10, 'add', '5'), 15);
  assert.equal(adjustedStock(10, 'remove', ' 4 '), 6);
  assert.equal(adjustedStock(10, 'remove', '25'), 0);
});

test('an amount that is empty, zero or not a whole number changes nothing', () => {
  assert.equal(adjustedStock(10, 'add', ''), undefined);
  assert.equal(adjustedStock(10, 'add', '0'), undefined);
  assert.equal(adjustedStock(10, 'add', '2.5'), undefined);
  assert.equal(adjustedStock(10, 'add', '-3'), undefined);
});
