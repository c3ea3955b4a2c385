// A listening server with seeded citizens and officers, an admin, approved partner organisations on
// demand, and helpers that call the rewards API and audit the ledger — for rewards' end-to-end tests.
import assert from 'node:assert/strict';
import type { Response } from 'light-my-request';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { ComposeOverrides, Server } from '../../composition.ts';
import { envelopeOf, type EventEnvelope } from '../../platform/events/envelope.ts';
import { appendToOutbox } from '../../platform/events/outbox.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { seedPeople, signInAdmin, signInByEmail, TestClock, type Person } from '../../../test/support/people.ts';
import { waitUntil } from '../../../test/support/wait.ts';
import { createRewardsModule, type RewardsOptions, type RewardsProbe } from './index.ts';

/** An approved organisation and its owner. */
export interface Partner {
  readonly id: string;
  readonly type: 'retailer' | 'charity' | 'municipality';
  readonly owner: Person;
}

/** Everything a rewards test needs. */
export interface RewardsStage {
  readonly server: Server;
  readonly url: string;
  readonly clock: TestClock;
  readonly citizens: readonly Person[];
  readonly officers: readonly Person[];
  readonly admin: Person;
  call(person: Person | undefined, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, headers?: Record<string, string>): Promise<Response>;
  /** A points-moving call with an Idempotency-Key (a fresh one unless given). */
  keyed(person: Person, url: string, payload?: object, key?: string): Promise<Response>;
  /** An organisation requested by a new owner and approved by the admin, known to rewards. */
  partner(type: Partner['type'], name: string): Promise<Partner>;
  /** An offer of `partner`, active now. */
  offer(partner: Partner, fields?: Record<string, unknown>): Promise<{ id: string; pricePoints: number }>;
  /** A cause of a charity. */
  cause(partner: Partner, fields?: Record<string, unknown>): Promise<{ id: string }>;
  /** Credits a person from issuance (the operator command). */
  grant(person: Person, points: number): Promise<void>;
  balance(person: Person): Promise<number>;
  /** Fails the test unless the sum of all entries is 0 and every balance equals its entries. */
  assertConserved(): Promise<void>;
  close(): Promise<void>;
}

let partners = 0;

/** Starts a listening server for rewards tests (PGlite, or the PostgreSQL server when settings say so). */
export async function startRewardsStage(options: { citizens: number; officers: number; settings?: Record<string, string>; rewards?: Partial<RewardsOptions>; probe?: RewardsProbe; overrides?: ComposeOverrides; logger?: Logger }): Promise<RewardsStage> {
  const clock = new TestClock();
  const product = { rewards: createRewardsModule(options.rewards, options.probe) };
  const server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '1000000', ...options.settings }, { clock, product, ...options.overrides, ...(options.logger ? { logger: options.logger } : {}) });
  const url = await server.listen();
  const people = await seedPeople(server, { citizens: options.citizens, officers: options.officers, prefix: `r${Date.now().toString(36)}` });
  const admin = await signInAdmin(server, `admin-${Date.now().toString(36)}@e2e.example`);
  const call: RewardsStage['call'] = async (person, method, route, payload, headers = {}) =>
    server.app.inject({ method, url: `/api/v1${route}`, headers: { ...(person ? { authorization: `Bearer ${person.token}` } : {}), ...headers }, ...(payload ? { payload } : {}) });
  const keyed: RewardsStage['keyed'] = (person, route, payload = {}, key = crypto.randomUUID()) => call(person, 'POST', route, payload, { 'idempotency-key': key });
  const officers = people.filter((p) => p.role === 'officer');
  if (officers.length > 0) await waitUntil(async () => (await call(officers[0], 'GET', '/rewards/colleagues')).statusCode === 200 && (await call(officers[0], 'GET', '/rewards/colleagues')).json().items.length === officers.length - 1, 10_000, 'officers known to rewards');
  const stage: RewardsStage = {
    server, url, clock, admin, officers, call, keyed,
    citizens: people.filter((p) => p.role === 'citizen'),
    async partner(type, name) {
      partners += 1;
      const owner = await signInByEmail(server, `owner-${partners}-${Date.now().toString(36)}@partner.example`, `10.98.${partners % 250}.1`);
      const requested = await call(owner, 'POST', '/organisations', { type, name });
      assert.equal(requested.statusCode, 201, requested.body);
      const id: string = requested.json().id ?? requested.json().organisation?.id;
      assert.equal((await call(admin, 'POST', `/admin/organisations/${id}/decision`, { approve: true })).statusCode, 204);
      await waitUntil(async () => (await call(owner, 'GET', `/rewards/organisations/${id}/summary`)).statusCode === 200, 10_000, `${name} known to rewards`);
      return { id, type, owner };
    },
    async offer(partner, fields = {}) {
      const created = await call(partner.owner, 'POST', `/rewards/organisations/${partner.id}/offers`, {
        title: 'Coffee', description: 'A cup of coffee', category: 'food-drink', pricePoints: 10, stock: 100, perUserLimit: null, endsAt: null,
        locations: [{ name: 'Main St', lat: 40.758, lon: -73.9855 }], voucherValidDays: 30, ...fields,
      });
      assert.equal(created.statusCode, 201, created.body);
      return created.json().offer;
    },
    async cause(partner, fields = {}) {
      const created = await call(partner.owner, 'POST', `/rewards/organisations/${partner.id}/causes`, { kind: 'cause', title: 'Food bank', description: 'Meals for families', goalPoints: null, ...fields });
      assert.equal(created.statusCode, 201, created.body);
      return created.json().cause;
    },
    async grant(person, points) {
      await server.commands.get('rewards.grant')?.run({ account: person.accountId, points: String(points), reason: 'test funds' });
    },
    async balance(person) {
      const wallet = await call(person, 'GET', '/rewards/wallet');
      assert.equal(wallet.statusCode, 200, wallet.body);
      return wallet.json().wallet.balance;
    },
    async assertConserved() {
      const sum = await sql<{ total: number }>`select coalesce(sum(amount), 0)::bigint as total from rewards.entries`.execute(server.database.db);
      assert.equal(Number(sum.rows[0]?.total), 0, 'the sum of all entries is 0');
      const wrong = await sql`select a.id, a.kind, a.balance, coalesce(e.total, 0) as entries from rewards.accounts a
        left join (select account_id, sum(amount) as total from rewards.entries group by account_id) e on e.account_id = a.id
        where a.balance <> coalesce(e.total, 0) or (a.kind <> 'issuance' and a.balance < 0)`.execute(server.database.db);
      assert.deepEqual(wrong.rows, [], 'every balance equals its entries, and only issuance is negative');
    },
    async close() {
      await server.stop('test finished');
    },
  };
  return stage;
}

/** A connection-made event as connections writes it (the outbox, relayed), for tests of the earning rules. */
export async function connectionMade(stage: RewardsStage, fields: { officer: Person; citizen: Person; kind?: 'proximity' | 'qr' | 'virtual'; locationVerified?: boolean; cell?: string | null; zip?: string | null; madeAt?: Date }): Promise<EventEnvelope> {
  const envelope = envelopeOf('connections.connection-made.v1', {
    connectionId: crypto.randomUUID(), officerId: fields.officer.accountId, citizenId: fields.citizen.accountId, kind: fields.kind ?? 'proximity',
    locationVerified: fields.locationVerified ?? true, cell: fields.cell ?? null, zip: fields.zip ?? null, madeAt: (fields.madeAt ?? stage.clock.now()).toISOString(),
  }, { actorId: fields.officer.accountId, correlationId: crypto.randomUUID(), causationId: null }, stage.clock.now());
  await stage.server.database.db.transaction().execute((trx) => appendToOutbox(trx, [envelope]));
  stage.server.relay.wake();
  return envelope;
}

/** Waits until the connection-made consumer has handled `envelope`. */
export async function handled(stage: RewardsStage, envelope: EventEnvelope): Promise<void> {
  await waitUntil(async () => (await sql`select 1 from platform.inbox where consumer = 'rewards.on-connection-made' and event_id = ${envelope.id}`.execute(stage.server.database.db)).rows.length > 0, 10_000, 'the award consumer handled the event');
}
