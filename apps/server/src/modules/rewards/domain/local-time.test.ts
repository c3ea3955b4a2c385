import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localMoment, monthDays } from './local-time.ts';

describe('the deployment’s local time', () => {
  it('decides the day, weekday and minute in the configured time zone', () => {
    // 03:30 UTC on Tuesday 7 May 2030 is still Monday 6 May, 23:30, in New York (UTC-4 in summer).
    const at = new Date('2030-05-07T03:30:00Z');
    assert.deepEqual(localMoment(at, 'America/New_York'), { day: '2030-05-06', weekday: 1, minutes: 23 * 60 + 30 });
    assert.deepEqual(localMoment(at, 'UTC'), { day: '2030-05-07', weekday: 2, minutes: 3 * 60 + 30 });
  });

  it('follows daylight saving time', () => {
    assert.equal(localMoment(new Date('2030-01-15T04:30:00Z'), 'America/New_York').day, '2030-01-14', 'UTC-5 in winter');
    assert.equal(localMoment(new Date('2030-01-15T05:30:00Z'), 'America/New_York').day, '2030-01-15');
  });

  it('gives a month’s first day and the day after its last, or nothing for a month that is not one', () => {
    assert.deepEqual(monthDays('2030-02'), { first: '2030-02-01', afterLast: '2030-03-01' });
    assert.deepEqual(monthDays('2030-12'), { first: '2030-12-01', afterLast: '2031-01-01' });
    assert.equal(monthDays('2030-13'), null);
    assert.equal(monthDays('2030-1'), null);
    assert.equal(monthDays('May 2030'), null);
  });
});
