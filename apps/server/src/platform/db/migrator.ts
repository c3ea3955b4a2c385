import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database.ts';

/** A module's SQL migrations: files `NNNN-verb-object.sql` in `dir`, creating tables in schema `schema`. */
export interface MigrationSet {
  readonly schema: string;
  readonly dir: string;
}

/** What one run applied. */
export interface MigrationReport {
  readonly applied: readonly string[];
}

const LOCK_KEY = 4_815_162_342;

/**
 * Applies every pending migration of every set, in one transaction under an advisory lock, so two
 * instances starting together cannot race; a migration already applied whose file changed is refused.
 */
export async function migrate(db: Db, sets: readonly MigrationSet[]): Promise<MigrationReport> {
  const files = sets.flatMap((set) => readSet(set));
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    await sql`create schema if not exists platform`.execute(trx);
    await sql`create table if not exists platform.schema_migrations (
      schema text not null, name text not null, checksum text not null,
      applied_at timestamptz not null default now(), primary key (schema, name))`.execute(trx);
    const done = await sql<{ schema: string; name: string; checksum: string }>`select schema, name, checksum from platform.schema_migrations`.execute(trx);
    const known = new Map(done.rows.map((r) => [`${r.schema}/${r.name}`, r.checksum]));
    const applied: string[] = [];
    for (const file of files) {
      const id = `${file.schema}/${file.name}`;
      const checksum = known.get(id);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) throw new Error(`migration ${id} was changed after it was applied; add a new migration instead`);
        continue;
      }
      await sql`create schema if not exists ${sql.id(file.schema)}`.execute(trx);
      await sql.raw(file.sql).execute(trx);
      await sql`insert into platform.schema_migrations (schema, name, checksum) values (${file.schema}, ${file.name}, ${file.checksum})`.execute(trx);
      applied.push(id);
    }
    return { applied };
  });
}

function readSet(set: MigrationSet): Array<{ schema: string; name: string; sql: string; checksum: string }> {
  return fs
    .readdirSync(set.dir)
    .filter((name) => /^\d{4}-[a-z0-9-]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(set.dir, name), 'utf8');
      return { schema: set.schema, name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}
