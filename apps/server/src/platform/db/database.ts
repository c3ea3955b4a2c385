import type { Kysely } from 'kysely';

/** No tables known yet; each module widens it with `db.withTables<ItsTables>()`. */
export type NoTables = Record<never, never>;

/** The query builder every store uses, whichever adapter is behind it. */
export type Db = Kysely<NoTables>;

/** One PostgreSQL, embedded (PGlite) or a server: the port all stores talk to. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Flushes what must be flushed and releases every resource; safe to call twice. */
  close(): Promise<void>;
}
