import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, NoTables } from './database.ts';

/** Connects to a PostgreSQL server through a pool. */
export function openPostgres(url: string, options: { maxConnections?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'heyblue',
    types: { getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) },
  });
  const db = new Kysely<NoTables>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return { kind: 'postgres', db, close: () => (closing ??= db.destroy()) };
}
