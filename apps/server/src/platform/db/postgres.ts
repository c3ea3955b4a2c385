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
  // An idle client whose backend goes away (server restart, a dropped database) makes the pool emit
  // 'error'; unhandled, that would crash the process. The next query takes a fresh connection and
  // reports any lasting problem where it matters (https://node-postgres.com/apis/pool#error).
  pool.on('error', () => {});
  // The pool listens for errors only on idle clients: a checked-out one (a transaction between two
  // statements) whose backend dies emits 'error' with nobody listening, and the process crashes
  // (brianc/node-postgres#3202). Every client listens itself; its next query fails, and the pool
  // drops it when it comes back.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<NoTables>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return { kind: 'postgres', db, close: () => (closing ??= db.destroy()) };
}
