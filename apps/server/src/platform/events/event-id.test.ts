import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newEventId } from './event-id.ts';

test('an event id is a version 7 UUID that starts with its time, so ids written later sort later', () => {
  const early = newEventId(Date.parse('2030-01-01T00:00:00.000Z'));
  const late = newEventId(Date.parse('2030-01-01T00:00:00.001Z'));
  assert.match(early, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(early.slice(0, 13).replace('-', ''), Date.parse('2030-01-01T00:00:00.000Z').toString(16).padStart(12, '0'));
  assert.ok(early < late);
  assert.notEqual(newEventId(0), newEventId(0));
});
