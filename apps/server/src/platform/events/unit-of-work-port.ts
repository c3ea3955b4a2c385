import type { Tx } from '../db/tx.ts';
import type { EventContext } from './envelope.ts';
import type { EventCatalog } from './event-catalog.ts';
import type { EventSink } from './unit-of-work.ts';

/**
 * A unit of work as application code holds it: the same function as `UnitOfWork`, but its transaction
 * comes as an opaque `Tx` to hand to ports, so a use case cannot write SQL through it.
 */
export type UnitOfWorkPort<C extends EventCatalog> = <R>(context: EventContext, work: (tx: Tx, events: EventSink<C>) => Promise<R>) => Promise<R>;
