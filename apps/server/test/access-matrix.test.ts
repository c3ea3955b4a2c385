// Runs every route × every principal against the rules in test/access/matrix.ts, and fails when a
// route the server registers is missing from the matrix. Target: every route covered, no cross-user
// or cross-organisation access.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Server } from '../src/composition.ts';
import { routeTableOf } from '../src/platform/http/route-table.ts';
import { apiMatrix, publicPlatformRoutes, type MatrixEntry } from './access/matrix.ts';
import { buildWorld, PRINCIPALS, type PrincipalName, type World } from './access/world.ts';
import { composeTestServer } from './support/server.ts';

let server: Server;
let world: World;
before(async () => {
  server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
  await server.app.ready();
  world = await buildWorld(server);
  // Modules learn who is an officer from events: deliver everything written so far.
  while ((await server.relay.runOnce()) > 0);
});
after(async () => server?.stop('test over'));

const DENIED = new Set([401, 403, 404]);

function allowed(entry: MatrixEntry, as: PrincipalName): boolean {
  if (entry.access === 'public') return true;
  if (entry.access === 'self') return as !== 'anonymous';
  return entry.access.allow.includes(as);
}

async function check(entry: MatrixEntry, as: PrincipalName): Promise<string | null> {
  const [method = 'GET'] = entry.route.split(' ');
  const request = await entry.request(world, as);
  const token = await world.token(as);
  const response = await server.app.inject({
    method: method as 'GET',
    url: request.url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...request.headers },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  const status = response.statusCode;
  const what = `${entry.route} as ${as}: ${status} ${response.body.slice(0, 160)}`;
  if (status >= 500) return `server error — ${what}`;
  if (allowed(entry, as)) {
    const fine = status < 400 || (entry.alsoFine ?? []).includes(status);
    if (!fine) return `should be allowed — ${what}`;
    if (entry.access !== 'public' && DENIED.has(status) && !(entry.alsoFine ?? []).includes(status)) return `should be allowed — ${what}`;
    return null;
  }
  if (as === 'anonymous' && status !== 401) return `anonymous should get 401 — ${what}`;
  if (!DENIED.has(status)) return `should be refused (401/403/404) — ${what}`;
  return null;
}

test('every route the server registers is in the access matrix', () => {
  const listed = new Set(apiMatrix.map((e) => e.route));
  const missing = routeTableOf(server.app)
    .map((r) => `${r.method} ${r.url}`)
    .filter((route) => (route.includes(' /api/v1/') ? !listed.has(route) : !publicPlatformRoutes.some((p) => p.test(route))));
  assert.deepEqual(missing, [], 'add these routes to apps/server/test/access/matrix.ts');
  const stale = [...listed].filter((route) => !routeTableOf(server.app).some((r) => `${r.method} ${r.url}` === route));
  assert.deepEqual(stale, [], 'these matrix rows name routes that no longer exist');
});

test('every route × every principal gets exactly the access the matrix grants', async () => {
  const failures: string[] = [];
  const ordered = [...apiMatrix.filter((e) => !e.destructive), ...apiMatrix.filter((e) => e.destructive)];
  let calls = 0;
  for (const entry of ordered) {
    for (const as of PRINCIPALS) {
      const failure = await check(entry, as);
      calls++;
      if (failure) failures.push(failure);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${calls} route × principal checks failed`);
  assert.equal(calls, apiMatrix.length * PRINCIPALS.length);
});
