// Bad input gets a clear 4xx, never a 5xx: text PostgreSQL cannot store (a NUL, a lone surrogate) is
// refused with a 400 naming the field, and a probe sends malformed, oversized, type-confused and
// hostile-text requests to every operation of the OpenAPI document as every principal of the access
// matrix, with real tokens and real ids — on PGlite, and on the PostgreSQL server when DATABASE_URL
// is set. PROBE_SEED repeats a run; PROBE_WIDE=1 sends every listed value to every field instead of a
// seeded sample; PROBE_LOG_LEVEL=error shows the stack behind a 5xx.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import type { Server } from '../src/composition.ts';
import { runProbe } from './access/probe.ts';
import { buildWorld, PRINCIPALS, type World } from './access/world.ts';
import { composeTestServer } from './support/server.ts';
import { distributedSettings, skipWithoutPostgres } from './support/services.ts';

const SEED = Number(process.env.PROBE_SEED ?? 20_261_207);
const BODY_LIMIT = 1_048_576;

interface Refusal {
  error: { code: string; details?: Array<{ in: string; path: string; message: string }> };
}

function suite(name: string, skip: string | false, settingsOf: () => Promise<{ settings: Record<string, string>; drop(): Promise<void> }>): void {
  describe(name, { skip }, () => {
    let server: Server;
    let world: World;
    let drop = async (): Promise<void> => {};
    before(async () => {
      const made = await settingsOf();
      drop = made.drop;
      server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '1000000', BODY_LIMIT: String(BODY_LIMIT), LOG_LEVEL: process.env.PROBE_LOG_LEVEL ?? 'silent', ...made.settings });
      await server.app.ready();
      world = await buildWorld(server);
      // Modules learn who is an officer from events: deliver everything written so far.
      while ((await server.relay.runOnce()) > 0);
    });
    after(async () => {
      await server?.stop('test over');
      await drop();
    });

    const as = async (who: 'citizen' | 'admin', url: string, payload: object) =>
      server.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { authorization: `Bearer ${await world.token(who)}` }, payload });
    const refusedAt = (response: { statusCode: number; json(): Refusal }, path: string): void => {
      assert.equal(response.statusCode, 400);
      const { error } = response.json();
      assert.equal(error.code, 'PLATFORM_VALIDATION_FAILED');
      assert.deepEqual(error.details?.map((d) => [d.in, d.path]), [['body', path]]);
    };

    test('a citizen who puts a NUL in an organisation’s name is told which field (400), and nothing is stored', async () => {
      refusedAt(await as('citizen', '/organisations', { type: 'retailer', name: 'Corner\u0000Shop' }), '/name');
      const mine = await server.app.inject({ url: '/api/v1/organisations', headers: { authorization: `Bearer ${await world.token('citizen')}` } });
      assert.doesNotMatch(mine.body, /Corner/);
    });

    test('an admin’s decision note with a NUL or a lone surrogate is refused naming the note (400); the organisation can still be decided', async () => {
      const pending = await world.pendingOrganisation();
      refusedAt(await as('admin', `/admin/organisations/${pending}/decision`, { approve: false, note: 'Not\u0000now' }), '/note');
      refusedAt(await as('admin', `/admin/organisations/${pending}/decision`, { approve: false, note: 'Not now \ud800' }), '/note');
      refusedAt(await as('admin', `/admin/organisations/${pending}/decision`, { approve: false, note: '\udc00 reversed \ud83d' }), '/note');
      assert.equal((await as('admin', `/admin/organisations/${pending}/decision`, { approve: false, note: 'Not now 👮‍♀️' })).statusCode, 204);
    });

    test('a message holding text PostgreSQL cannot store gets WS_MALFORMED_MESSAGE naming the field, and the socket stays open', async () => {
      const base = await server.listen();
      const socket = new WebSocket(`${base.replace('http', 'ws')}/ws?token=${encodeURIComponent((await world.token('citizen')) ?? '')}`);
      const messages: Array<{ type: string; code?: string; message?: string }> = [];
      socket.on('message', (data) => messages.push(JSON.parse(String(data))));
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      let read = 0;
      const next = async (): Promise<{ type: string; code?: string; message?: string }> => {
        for (let i = 0; i < 100 && messages.length <= read; i++) await new Promise((resolve) => setTimeout(resolve, 20));
        const answer = messages[read++];
        assert.ok(answer, 'no answer');
        return answer;
      };
      await next(); // welcome
      socket.send(JSON.stringify({ type: 'location', lat: 52.37, lon: 4.89, accuracy: 5, note: 'a\u0000b' }));
      assert.deepEqual(await next(), { type: 'error', code: 'WS_MALFORMED_MESSAGE', message: '/note must not contain a NUL character (\\u0000)' });
      socket.send(JSON.stringify({ type: 'ping', tags: ['ok', 'x\ud800'] }));
      assert.match((await next()).message ?? '', /^\/tags\/1 must not contain an unpaired UTF-16 surrogate/);
      socket.send(JSON.stringify({ type: 'ping', '\udfff': 1 }));
      assert.match((await next()).message ?? '', /^\/\uFFFD has a key that/);
      socket.send(JSON.stringify({ type: 'ping' }));
      assert.equal((await next()).type, 'pong');
      socket.close();
    });

    test('every operation × every principal, with malformed, oversized, type-confused and hostile-text requests: no answer of 500 or more', async (t) => {
      const report = await runProbe(world, { seed: SEED, bodyLimit: BODY_LIMIT, wide: process.env.PROBE_WIDE === '1' });
      t.diagnostic(`seed ${SEED}: ${report.sent} requests to ${report.routes.length} routes in ${report.seconds.toFixed(1)} s — ${JSON.stringify(report.byClass)}`);
      assert.deepEqual(report.failures, [], `${report.failures.length} of ${report.sent} requests failed`);
      for (const route of report.routes) assert.equal(report.coverage.get(route)?.size, PRINCIPALS.length, `${route} was probed as ${[...(report.coverage.get(route) ?? [])].join(', ')}`);
    });
  });
}

suite('on PGlite', false, async () => ({ settings: {}, drop: async () => {} }));
suite('on the PostgreSQL server', skipWithoutPostgres, distributedSettings);
