import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshPostgresDatabase, skipWithoutPostgres } from '../../../test/support/services.ts';
import type { Database } from './database.ts';
import { migrate } from './migrator.ts';
import { openPglite } from './pglite.ts';

/** The same expectations, against every adapter of the Database port. */
function databaseContract(name: string, open: () => Promise<{ database: Database; dispose(): Promise<void> }>, skip: string | false = false): void {
  describe(`database contract: ${name}`, { skip }, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    before(async () => ({ database, dispose } = await open()));
    after(async () => dispose?.());

    test('runs several statements without parameters, like a migration file', async () => {
      await sql.raw('create table multi_a (id int); create table multi_b (id int); insert into multi_a values (1)').execute(database.db);
      const rows = await sql<{ id: number }>`select id from multi_a`.execute(database.db);
      assert.deepEqual(rows.rows, [{ id: 1 }]);
    });

    test('bigint columns come back as numbers on both adapters', async () => {
      const rows = await sql<{ n: number }>`select 9007199254740991::bigint as n`.execute(database.db);
      assert.equal(rows.rows[0]?.n, 9007199254740991);
    });

    test('a rolled-back transaction leaves nothing behind', async () => {
      await sql`create table rollback_probe (id int)`.execute(database.db);
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          await sql`insert into rollback_probe values (1)`.execute(trx);
          throw new Error('abort');
        }),
        /abort/,
      );
      const rows = await sql<{ n: number }>`select count(*)::int as n from rollback_probe`.execute(database.db);
      assert.equal(rows.rows[0]?.n, 0);
    });

    test('concurrent transactions do not see each other’s uncommitted rows', async () => {
      await sql`create table isolation_probe (id int)`.execute(database.db);
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => (release = r));
      const slow = database.db.transaction().execute(async (trx) => {
        await sql`insert into isolation_probe values (1)`.execute(trx);
        await gate;
        throw new Error('rolled back');
      });
      const reader = sql<{ n: number }>`select count(*)::int as n from isolation_probe`.execute(database.db);
      setTimeout(release, 50);
      await assert.rejects(slow, /rolled back/);
      assert.equal((await reader).rows[0]?.n, 0);
    });

    test('migrations apply once, in order, and a changed migration is refused', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
      fs.writeFileSync(path.join(dir, '0001-create-notes.sql'), 'create table notes.notes (id int primary key);');
      fs.writeFileSync(path.join(dir, '0002-add-text.sql'), 'alter table notes.notes add column text text;');
      const set = { schema: 'notes', dir };
      assert.deepEqual((await migrate(database.db, [set])).applied, ['notes/0001-create-notes.sql', 'notes/0002-add-text.sql']);
      assert.deepEqual((await migrate(database.db, [set])).applied, []);
      fs.writeFileSync(path.join(dir, '0001-create-notes.sql'), 'create table notes.notes (id bigint primary key);');
      await assert.rejects(migrate(database.db, [set]), /was changed after it was applied/);
      fs.rmSync(dir, { recursive: true });
    });

    test('two starts migrating at once do not race', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
      fs.writeFileSync(path.join(dir, '0001-create-race.sql'), 'create table race.items (id int primary key);');
      const reports = await Promise.all([migrate(database.db, [{ schema: 'race', dir }]), migrate(database.db, [{ schema: 'race', dir }])]);
      assert.deepEqual(reports.map((r) => r.applied.length).sort(), [0, 1]);
      fs.rmSync(dir, { recursive: true });
    });
  });
}

databaseContract('PGlite', async () => {
  const database = await openPglite(undefined);
  return { database, dispose: () => database.close() };
});

databaseContract(
  'PostgreSQL server',
  async () => {
    const fresh = await freshPostgresDatabase();
    const database = fresh.open();
    return { database, dispose: async () => { await database.close(); await fresh.drop(); } };
  },
  skipWithoutPostgres,
);
