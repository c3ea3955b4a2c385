// The other side of `Tx` (tx.ts), for adapters and module roots only: application code may not import
// this file (.dependency-cruiser.cjs, application-has-no-sql).
import { Kysely } from 'kysely';
import type { Db } from './database.ts';
import type { Transact, Tx } from './tx.ts';

/** The query builder behind a handle. */
export function sqlOf(tx: Tx): Db {
  if (tx instanceof Kysely) return tx;
  throw new TypeError('not a database handle: pass the Tx a unit of work or the module deps gave you');
}

/** Transactions on `db`, as application code starts them. */
export function transactionsOn(db: Db): Transact {
  return (work) => db.transaction().execute(work);
}
