// The ledger under kill -9: the Hey Blue! server killed mid-way through a redemption load (with QR
// connections being awarded alongside), in embedded mode and on a PostgreSQL server; then the
// PostgreSQL server itself killed — one the test starts in a temporary directory. Each time, on the
// same data: no voucher without its debit, no debit without its voucher or refund, no award paid twice
// (even redelivered), every acknowledged redemption there, every key replaying its first outcome, and
// everything adding up.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { Database } from '../src/platform/db/database.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { generateKeyringJson } from '../src/platform/keys/keyring.ts';
import { tempDir } from './support/config.ts';
import { startOwnPostgres, skipWithoutPostgresBinaries, type OwnPostgres } from './support/own-postgres.ts';
import { startServerProcess, type ServerProcess } from './support/process.ts';
import { assertAlwaysTrue, assertRedeliveryPaidNothing, assertSettled, scheduleRedelivery } from './support/rewards-invariants.ts';
import { replayEveryKey, startLoad, type Load } from './support/rewards-load.ts';
import { api, heyblueBin, PUBLIC_URL, prepareWorld, seedCast, startQuickIssuer, type QuickIssuer, type World } from './support/rewards-world.ts';
import { freshPostgresDatabase, skipWithoutPostgres } from './support/services.ts';
import { waitUntil } from './support/wait.ts';

const COUNTS = { citizens: 20, officers: 5, owners: 2 };
/** Redemptions acknowledged before the kill: enough that it lands mid-load. */
const BEFORE_KILL = 120;

/** Settings of every run: the real server, trusting 127.0.0.1 as its proxy so each person has a client address. */
const common = { PUBLIC_URL, TRUSTED_PROXIES: '127.0.0.1', LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '100' };

function serve(env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess(env, { script: heyblueBin, args: ['serve'] });
}

async function withDatabase<T>(open: () => Promise<Database>, use: (db: Database['db']) => Promise<T>): Promise<T> {
  const database = await open();
  try {
    return await use(database.db);
  } finally {
    await database.close();
  }
}

/** Waits until nothing is unpublished and no external voucher is pending (read through the server). */
async function waitSettled(url: string, world: World): Promise<void> {
  const [shopOwner] = world.owners;
  const external = world.offers.find((o) => o.external);
  assert.ok(shopOwner && external);
  await waitUntil(async () => {
    await new Promise((r) => setTimeout(r, 250));
    const metrics = await fetch(`${url}/metrics`).then((r) => r.text()).catch(() => '');
    if (!/^heyblue_outbox_pending 0$/m.test(metrics)) return false;
    let cursor: string | null = null;
    do {
      const page = await api(url, shopOwner, 'GET', `/rewards/organisations/${external.organisationId}/redemptions?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (page.status !== 200) return false;
      if ((page.body.items as Array<{ status: string }>).some((v) => v.status === 'pending')) return false;
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    return true;
  }, 120_000, 'the outbox drained and no voucher pending');
}

/** Load until `BEFORE_KILL` redemptions are acknowledged (or 20 s), so the kill lands in the middle of it. */
async function loadUntilMidway(load: Load): Promise<void> {
  const started = Date.now();
  await waitUntil(() => load.acknowledged() >= BEFORE_KILL || Date.now() - started > 20_000, 60_000, 'load');
  assert.ok(load.acknowledged() > 10, `the load ran (${load.acknowledged()} redemptions acknowledged)`);
}

/** Kills a server still running (one that died already is left be). */
async function stop(server: ServerProcess | undefined): Promise<void> {
  await server?.kill('SIGKILL').catch(() => null);
}

/** The error with the end of the server's output, which tells why. */
function withOutput(error: unknown, server: ServerProcess | undefined): unknown {
  if (!server || !(error instanceof Error)) return error;
  error.message += `\n--- server output (end) ---\n${server.output().slice(-4000)}`;
  return error;
}

/** How many answers of each status, e.g. { 201: 8, 429: 2 }. */
function statusesOf(answers: ReadonlyArray<{ status: number }>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

function report(t: TestContext, what: string, facts: Record<string, unknown>): void {
  t.diagnostic(`${what}: ${JSON.stringify(facts)}`);
}

/** Kill -9 of the Hey Blue! server mid-load, checks on the dead server's data, a restart that redelivers every connection event, replays, checks. */
async function serverKilledMidLoad(t: TestContext, env: Record<string, string>, open: () => Promise<Database>): Promise<void> {
  const issuer = await startQuickIssuer();
  let server: ServerProcess | undefined;
  try {
    const cast = await seedCast(env, COUNTS);
    server = await serve(env);
    const world = await prepareWorld(server.url, cast, issuer.url);
    const load = startLoad(server.url, world);
    await loadUntilMidway(load);
    assert.equal(await server.kill('SIGKILL'), null, 'killed by the signal');
    server = undefined;
    await load.stop();
    const acknowledged = load.attempts.filter((a) => a.status === 201).map((a) => a.voucherId ?? '');
    const { atCrash, redelivery } = await withDatabase(open, async (db) => ({ atCrash: await assertAlwaysTrue(db, world, acknowledged), redelivery: await scheduleRedelivery(db) }));
    report(t, 'at the kill', { attempts: load.attempts.length, acknowledged: acknowledged.length, noAnswer: load.attempts.filter((a) => a.status === 0).length, connections: statusesOf(load.connections), ...atCrash, redelivered: redelivery.events, redeliveredWithoutInbox: redelivery.withoutInbox });

    server = await serve(env);
    const settled = await replayEveryKey(server.url, world, load.attempts);
    await waitSettled(server.url, world);
    assert.equal(await server.kill('SIGTERM'), 0, 'a clean stop');
    server = undefined;
    const after = await withDatabase(open, async (db) => {
      const counts = await assertAlwaysTrue(db, world, settled.voucherIds);
      await assertSettled(db, world, settled.voucherIds, issuer.codes);
      await assertRedeliveryPaidNothing(db, redelivery);
      return counts;
    });
    report(t, 'after the restart', { inDoubt: settled.inDoubt, inDoubtThatHadCommitted: settled.inDoubtCommitted, issuerKeysCalledAgain: [...issuer.calls.values()].filter((n) => n > 1).length, ...after });
  } catch (error) {
    throw withOutput(error, server);
  } finally {
    await stop(server);
    await issuer.close();
  }
}

describe('rewards: kill -9 of the Hey Blue! server under redemption load', () => {
  test('embedded: PGlite on disk', { timeout: 300_000 }, async (t) => {
    const dataDir = tempDir();
    await serverKilledMidLoad(t, { ...common, DATA_DIR: dataDir }, () => openPglite(path.join(dataDir, 'pglite')));
  });

  test('distributed: the PostgreSQL server of DATABASE_URL (a fresh database)', { skip: skipWithoutPostgres, timeout: 300_000 }, async (t) => {
    const database = await freshPostgresDatabase();
    try {
      // The in-process bus, so the redelivered events reach the consumer (JetStream would drop them as duplicates).
      await serverKilledMidLoad(t, { ...common, DATABASE_URL: database.url, KEYS: generateKeyringJson(), DATA_DIR: tempDir() }, async () => database.open());
    } finally {
      await database.drop();
    }
  });
});

describe('rewards: kill -9 of the PostgreSQL server under redemption load', { skip: skipWithoutPostgresBinaries }, () => {
  test('the server answers 503 while it is down, recovers its pool, and everything adds up', { timeout: 300_000 }, async (t) => {
    let own: OwnPostgres | undefined;
    let server: ServerProcess | undefined;
    const issuer: QuickIssuer = await startQuickIssuer();
    try {
      own = await startOwnPostgres();
      const env = { ...common, DATABASE_URL: own.url, KEYS: generateKeyringJson(), DATA_DIR: tempDir() };
      const open = async (): Promise<Database> => openPostgres(own?.url ?? '', { maxConnections: 2 });
      const cast = await seedCast(env, COUNTS);
      server = await serve(env);
      const world = await prepareWorld(server.url, cast, issuer.url);
      const load = startLoad(server.url, world);
      await loadUntilMidway(load);

      const killedAt = Date.now();
      await own.kill();
      await new Promise((r) => setTimeout(r, 3_000));
      const restartedAt = Date.now();
      await own.start();
      await waitUntil(() => load.acknowledged(restartedAt) >= 20, 90_000, 'redemptions acknowledged again after the restart');
      await load.stop();

      const during = load.attempts.filter((a) => a.at > killedAt + 200 && a.at < restartedAt);
      const statuses = [...new Set(during.map((a) => `${a.status} ${a.code ?? ''}`.trim()))];
      report(t, 'answers while PostgreSQL was down', { count: during.length, statuses });
      const unavailable = (a: { status: number; code?: string }): boolean => a.status === 503 && a.code === 'PLATFORM_UNAVAILABLE';
      assert.ok(during.some(unavailable), 'requests during the outage were told the server cannot reach its database');
      // A 201 then is one that committed just before the kill: every 201 is checked to be there below.
      assert.deepEqual(during.filter((a) => a.status !== 201 && !unavailable(a)).map((a) => [a.status, a.code]), [], 'while the database is down every answer is 503 PLATFORM_UNAVAILABLE, never a refusal or a bare 500');
      assert.equal(await fetch(`${server.url}/healthz`).then((r) => r.status), 200, 'the server process lived through it');

      const settled = await replayEveryKey(server.url, world, load.attempts);
      await waitSettled(server.url, world);
      assert.equal(await server.kill('SIGTERM'), 0, 'a clean stop');
      server = undefined;
      const counts = await withDatabase(open, async (db) => {
        const found = await assertAlwaysTrue(db, world, settled.voucherIds);
        await assertSettled(db, world, settled.voucherIds, issuer.codes);
        return found;
      });
      report(t, 'after PostgreSQL came back', { attempts: load.attempts.length, acknowledged: load.acknowledged(), inDoubt: settled.inDoubt, inDoubtThatHadCommitted: settled.inDoubtCommitted, connections: statusesOf(load.connections), ...counts });
    } catch (error) {
      throw withOutput(error, server);
    } finally {
      await stop(server);
      await own?.destroy();
      await issuer.close();
    }
  });
});
