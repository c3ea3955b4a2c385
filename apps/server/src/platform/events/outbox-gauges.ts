import { sql } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/database.ts';

/** Outbox backlog, read at scrape time: rows waiting to be published, the age of the oldest, and parked rows. */
export function registerOutboxGauges(registry: Registry, db: Db): void {
  const read = async () =>
    (
      await sql<{ pending: number; parked: number; oldest: number | null }>`
        select count(*) filter (where published_at is null and parked_at is null)::int as pending,
               count(*) filter (where parked_at is not null)::int as parked,
               extract(epoch from now() - min(occurred_at) filter (where published_at is null and parked_at is null))::float8 as oldest
        from platform.outbox`.execute(db)
    ).rows[0];
  new Gauge({
    name: 'heyblue_outbox_pending',
    help: 'Events written but not yet published',
    registers: [registry],
    async collect() {
      this.set((await read())?.pending ?? 0);
    },
  });
  new Gauge({
    name: 'heyblue_outbox_oldest_pending_seconds',
    help: 'Age of the oldest unpublished event (0 when none): the relay lag right now',
    registers: [registry],
    async collect() {
      this.set((await read())?.oldest ?? 0);
    },
  });
  new Gauge({
    name: 'heyblue_outbox_parked',
    help: 'Events parked after their last failed attempt, waiting for an operator',
    registers: [registry],
    async collect() {
      this.set((await read())?.parked ?? 0);
    },
  });
}
