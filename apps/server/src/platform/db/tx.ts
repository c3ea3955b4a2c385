// How application code holds the database without holding SQL (docs/adr/0013-module-apis.md): ports take
// an opaque `Tx`; only adapters (*.pg.ts) open it back into the query builder, with `sqlOf` (sql-of.ts).

/**
 * Where a store's method runs — an open transaction, or the database for a lone read — as application
 * code holds it: a handle to pass to its ports, with nothing to query through. Every Kysely instance
 * (the database and its transactions) is one.
 */
export interface Tx {
  /** Whether the handle is a transaction (true) or the database itself (false). */
  readonly isTransaction: boolean;
}

/** Runs `work` in one database transaction: it commits when `work` resolves and rolls back when it throws. */
export type Transact = <R>(work: (tx: Tx) => Promise<R>) => Promise<R>;
