// Migration 0010 turns the free-text categories offers had into the fixed list, and the table keeps it
// so: a database with migrations up to 0009 gets offers with today's kinds of categories, then the
// rest of rewards' migrations.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { offerCategories } from '@heyblue/contracts/rewards';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrator.ts';
import { openPglite } from '../../platform/db/pglite.ts';

const migrations = path.join(import.meta.dirname, 'migrations');
const platform = { schema: 'platform', dir: path.join(import.meta.dirname, '../../platform/db/migrations') };
const ORGANISATION = '00000000-0000-4000-8000-00000000c001';

/** Free text as partners typed it, and where it lands. */
const FREE_TEXT: ReadonlyArray<readonly [string, string]> = [
  ['food', 'food-drink'], ['coffee & cake', 'food-drink'], ['bakery', 'food-drink'], ['comida', 'food-drink'], ['bar', 'food-drink'],
  ['groceries', 'groceries'], ['supermarket', 'groceries'],
  ['shopping', 'shopping'], ['books', 'shopping'], ['clothing', 'shopping'],
  ['culture', 'culture-leisure'], ['leisure', 'culture-leisure'], ['parks', 'culture-leisure'], ['cinema', 'culture-leisure'], ['museo', 'culture-leisure'],
  ['sport', 'sport-fitness'], ['gym', 'sport-fitness'], ['gym training', 'sport-fitness'], ['swimming pool', 'sport-fitness'],
  ['transport', 'transport'], ['bus', 'transport'], ['taxi', 'transport'],
  ['services', 'services'], ['barber', 'services'], ['repairs', 'services'],
  ['parking', 'civic-fees'], ['fines', 'civic-fees'], ['municipal fees', 'civic-fees'], ['tax', 'civic-fees'],
  ['health', 'health-wellbeing'], ['pharmacy', 'health-wellbeing'],
  ['test', 'other'], ['geo', 'other'], ['x', 'other'], ['business', 'other'],
];

let database: Database;
let upTo0009: string;

before(async () => {
  upTo0009 = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-migrations-'));
  for (const name of fs.readdirSync(migrations).filter((n) => n < '0010')) fs.copyFileSync(path.join(migrations, name), path.join(upTo0009, name));
  database = await openPglite(undefined);
  await migrate(database.db, [platform, { schema: 'rewards', dir: upTo0009 }]);
  await sql`insert into rewards.organisations (id, type, name) values (${ORGANISATION}, 'retailer', 'Old Shop')`.execute(database.db);
  for (const [category] of FREE_TEXT) await insertOffer(category);
  await migrate(database.db, [platform, { schema: 'rewards', dir: migrations }]);
});
after(async () => {
  await database?.close();
  fs.rmSync(upTo0009, { recursive: true, force: true });
});

async function insertOffer(category: string, title = category): Promise<void> {
  await sql`insert into rewards.offers (id, organisation_id, kind, title, category, price_points, stock_left, starts_at, voucher_valid_days)
    values (${crypto.randomUUID()}, ${ORGANISATION}, 'offer', ${title}, ${category}, 10, 1, now(), 30)`.execute(database.db);
}

test('today’s free-text categories go to the nearest of the fixed list, and what fits none to other', async () => {
  const rows = await sql<{ title: string; category: string }>`select title, category from rewards.offers`.execute(database.db);
  const landed = new Map(rows.rows.map((r) => [r.title, r.category]));
  for (const [typed, expected] of FREE_TEXT) assert.equal(landed.get(typed), expected, typed);
});

test('the table takes every category of the contracts’ list, and nothing else', async () => {
  for (const category of offerCategories) await insertOffer(category, `fixed ${category}`);
  for (const category of ['food', 'Food-Drink', '', 'other ']) {
    await assert.rejects(insertOffer(category, `free ${category}`), category ? /offers_category_known/ : /offers_category_check/, JSON.stringify(category));
  }
});
