import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database, NoTables } from './database.ts';
import { Mutex } from './mutex.ts';

/** int8 as number, the same as the PostgreSQL adapter: counts and sequences stay below 2^53. */
const parsers = { [types.INT8]: (value: string) => Number(value) };

/** Opens the embedded PostgreSQL on disk in `dir` (or in memory when dir is undefined), locked to this process. */
export async function openPglite(dir: string | undefined): Promise<Database> {
  let lock: { release(): void } | undefined;
  if (dir !== undefined) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    lock = lockDataDir(`${dir}.lock`);
  }
  try {
    const pg = await PGlite.create({ dataDir: dir, parsers });
    return fromPglite(pg, async () => {
      if (!pg.closed) {
        await pg.exec('CHECKPOINT');
        await pg.close();
      }
      lock?.release();
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Wraps an open PGlite (e.g. a test's clone) as a Database. */
export function fromPglite(pg: PGlite, close: () => Promise<void> = async () => pg.close()): Database {
  const db = new Kysely<NoTables>({ dialect: new PostgresDialect({ pool: new PgliteOneConnectionPool(pg) }) });
  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    db,
    close: () => (closing ??= db.destroy().then(close)),
  };
}

/** PGlite is one connection: Kysely gets it one borrower at a time, so a transaction never sees another's statements. */
class PgliteOneConnectionPool implements PostgresPool {
  readonly #pg: PGlite;
  readonly #mutex = new Mutex();

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  async connect(): Promise<PostgresPoolClient> {
    const release = await this.#mutex.acquire();
    const pg = this.#pg;
    return {
      async query<R>(sql: unknown, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        if (typeof sql !== 'string') throw new Error('cursors are not supported on PGlite');
        // Without parameters use the simple protocol, which (as on a PostgreSQL server) allows several statements, e.g. a migration file.
        const result = parameters && parameters.length > 0 ? await pg.query<R>(sql, [...parameters]) : lastOf(await pg.exec(sql));
        return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows as R[] };
      },
      release,
    } as PostgresPoolClient;
  }

  async end(): Promise<void> {}
}

function lastOf(results: Array<{ rows: unknown[]; affectedRows?: number }>): { rows: unknown[]; affectedRows?: number } {
  const last = results.at(-1);
  return { rows: last?.rows ?? [], affectedRows: last?.affectedRows };
}

function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase();
  return word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' || word === 'MERGE' ? word : 'SELECT';
}
