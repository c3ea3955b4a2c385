// Durability: committed rows and events survive kill -9 and SIGTERM mid-load, and after a restart every
// unrelayed event reaches the consumer, whose effect happens exactly once — in both modes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tempDir } from './support/config.ts';
import { startServerProcess, type ServerProcess } from './support/process.ts';
import { distributedSettings, skipWithoutNats, skipWithoutPostgres } from './support/services.ts';
import { waitUntil } from './support/wait.ts';

async function recordThings(url: string, count: number, concurrency = 8): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      next++;
      const response = await fetch(`${url}/api/v1/probe/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label: `thing ${next}` }) });
      assert.equal(response.status, 201);
      ids.push(((await response.json()) as { id: string }).id);
    }
  }));
  return ids;
}

/** Sends things until `stop` is called; returns the ids the server acknowledged (201). */
function recordUntilStopped(url: string, concurrency = 6): { stop(): Promise<string[]> } {
  const ids: string[] = [];
  let running = true;
  const workers = Array.from({ length: concurrency }, async () => {
    while (running) {
      try {
        const response = await fetch(`${url}/api/v1/probe/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label: 'under load' }) });
        if (response.status === 201) ids.push(((await response.json()) as { id: string }).id);
      } catch {
        // the server went away mid-request: that request was not acknowledged
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  });
  return { async stop() { running = false; await Promise.all(workers); return ids; } };
}

async function effectOf(url: string, id: string): Promise<{ applied: number; unpublished: number }> {
  return (await (await fetch(`${url}/api/v1/probe/effects/${id}`)).json()) as { applied: number; unpublished: number };
}

async function assertEveryEffectOnce(server: ServerProcess, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const thing = await fetch(`${server.url}/api/v1/probe/things/${id}`);
    assert.equal(thing.status, 200, `committed thing ${id} was lost`);
  }
  const last = ids.at(-1) ?? '';
  await waitUntil(async () => (await effectOf(server.url, last)).unpublished === 0, 60_000, 'the outbox to drain');
  await waitUntil(async () => {
    for (const id of ids) if ((await effectOf(server.url, id)).applied === 0) return false;
    return true;
  }, 60_000, 'every effect');
  for (const id of ids) assert.equal((await effectOf(server.url, id)).applied, 1, `effect of ${id} must happen exactly once`);
}

function durabilitySuite(mode: string, settings: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>, skip: string | false = false): void {
  describe(`durability (${mode})`, { skip }, () => {
    test('after kill -9 no committed row is lost and every unrelayed event reaches the consumer once', async () => {
      const { env, drop } = await settings();
      try {
        // 1. Events committed while the relay is stopped, then the process is killed.
        let server = await startServerProcess({ ...env, PROBE_RELAY_PAUSED: '1' });
        const unrelayed = await recordThings(server.url, 40);
        assert.ok((await effectOf(server.url, unrelayed[0] ?? '')).unpublished >= 40, 'the relay was paused');
        assert.equal(await server.kill('SIGKILL'), null);

        // 2. Killed again while the relay and a slow consumer are mid-stream, so some events are delivered but not yet marked published.
        server = await startServerProcess({ ...env, PROBE_CONSUMER_DELAY_MS: '15' });
        const midStream = await recordThings(server.url, 60);
        await waitUntil(async () => (await effectOf(server.url, unrelayed[5] ?? '')).applied === 1, 30_000, 'relaying to begin');
        assert.equal(await server.kill('SIGKILL'), null);

        // 3. A clean restart relays the rest; every effect happens exactly once.
        server = await startServerProcess(env);
        try {
          await assertEveryEffectOnce(server, [...unrelayed, ...midStream]);
        } finally {
          await server.kill('SIGTERM');
        }
      } finally {
        await drop();
      }
    });

    test('SIGTERM mid-load drains, exits 0 and loses no acknowledged row or committed event', async () => {
      const { env, drop } = await settings();
      try {
        let server = await startServerProcess({ ...env, PROBE_CONSUMER_DELAY_MS: '5' });
        const load = recordUntilStopped(server.url);
        await new Promise((r) => setTimeout(r, 1500));
        const exit = server.kill('SIGTERM');
        const acknowledged = await load.stop();
        assert.equal(await exit, 0, server.output());
        assert.ok(acknowledged.length > 20, `only ${acknowledged.length} requests were acknowledged`);
        server = await startServerProcess(env);
        try {
          await assertEveryEffectOnce(server, acknowledged);
        } finally {
          await server.kill('SIGTERM');
        }
      } finally {
        await drop();
      }
    });
  });
}

durabilitySuite('embedded: PGlite on disk + in-process bus', async () => ({ env: { DATA_DIR: tempDir() }, drop: async () => {} }));
durabilitySuite(
  'distributed: PostgreSQL server + NATS JetStream',
  async () => {
    const setup = await distributedSettings();
    return { env: { ...setup.settings, PROBE_SUBJECT_PREFIX: setup.subjectPrefix, DATA_DIR: tempDir() }, drop: setup.drop };
  },
  skipWithoutPostgres || skipWithoutNats,
);
