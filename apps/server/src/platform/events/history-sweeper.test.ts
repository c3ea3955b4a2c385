import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { openPglite } from '../db/pglite.ts';
import { sweepEventHistory } from './history-sweeper.ts';

let database: Database;
before(async () => {
  database = await openPglite(undefined);
  await migrate(database.db, [{ schema: 'platform', dir: path.join(import.meta.dirname, '../db/migrations') }]);
});
after(async () => database?.close());

const now = new Date('2030-06-01T00:00:00Z');
const daysAgo = (days: number): Date => new Date(now.getTime() - days * 86_400_000);

async function event(label: string, occurredDaysAgo: number, state: 'published' | 'pending' | 'parked'): Promise<string> {
  const id = randomUUID();
  await sql`insert into platform.outbox (id, type, occurred_at, correlation_id, payload, published_at, parked_at)
    values (${id}, 'test.swept.v1', ${daysAgo(occurredDaysAgo)}, ${label}, '{}'::jsonb,
      ${state === 'published' ? daysAgo(occurredDaysAgo) : null}, ${state === 'parked' ? daysAgo(occurredDaysAgo) : null})`.execute(database.db);
  return id;
}

async function processed(consumer: string, eventId: string, processedDaysAgo: number): Promise<void> {
  await sql`insert into platform.inbox (consumer, event_id, processed_at) values (${consumer}, ${eventId}, ${daysAgo(processedDaysAgo)})`.execute(database.db);
}

async function labels(): Promise<string[]> {
  return (await sql<{ correlation_id: string }>`select correlation_id from platform.outbox order by correlation_id`.execute(database.db)).rows.map((r) => r.correlation_id);
}

test('a sweep deletes published events older than the retention, a statement at a time, and keeps pending, parked and recent ones', async () => {
  for (let n = 0; n < 5; n++) await event(`old-published-${n}`, 500, 'published');
  await event('old-pending', 500, 'pending');
  await event('old-parked', 500, 'parked');
  await event('recent-published', 10, 'published');
  const swept = await sweepEventHistory(database.db, { eventDays: 400, inboxDays: 30, rowsPerStatement: 2 }, now);
  assert.equal(swept.events, 5);
  assert.deepEqual(await labels(), ['old-parked', 'old-pending', 'recent-published']);
  await sql`delete from platform.outbox`.execute(database.db);
});

test('a retention of 0 keeps every event, while old inbox rows go unless their event may still be published', async () => {
  const published = await event('published', 500, 'published');
  const parked = await event('parked', 500, 'parked');
  await processed('test.a', published, 40);
  await processed('test.a', parked, 40);
  await processed('test.b', published, 5);
  const swept = await sweepEventHistory(database.db, { eventDays: 0, inboxDays: 30, rowsPerStatement: 1 }, now);
  assert.deepEqual(swept, { events: 0, inbox: 1 });
  assert.deepEqual(await labels(), ['parked', 'published']);
  const inbox = await sql<{ consumer: string; event_id: string }>`select consumer, event_id from platform.inbox order by consumer, event_id`.execute(database.db);
  assert.deepEqual(inbox.rows.map((r) => [r.consumer, r.event_id]), [['test.a', parked], ['test.b', published]]);
});
