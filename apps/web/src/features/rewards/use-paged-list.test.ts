import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendPage } from './use-paged-list.ts';

test('the next page is appended without repeating rows already shown', () => {
  const shown = [{ id: 'a' }, { id: 'b' }];
  assert.deepEqual(appendPage(shown, [{ id: 'b' }, { id: 'c' }]), [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
  assert.deepEqual(appendPage([], [{ id: 'x' }]), [{ id: 'x' }]);
});
