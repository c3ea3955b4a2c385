import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Server } from '../src/composition.ts';
import { composeTestServer } from './support/server.ts';
import { probeModule } from './fixtures/probe-module/index.ts';

let server: Server;
before(async () => {
  server = await composeTestServer({ BODY_LIMIT: '2048', RATE_LIMIT_PER_MINUTE: '1000' }, { modules: [probeModule()] });
  await server.app.ready();
});
after(async () => server?.stop('test over'));

const json = { 'content-type': 'application/json' };

describe('bad input gets a clear 4xx with a stable code', () => {
  test('malformed JSON → 400 PLATFORM_MALFORMED_JSON', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', headers: json, payload: '{"label": "x",' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'PLATFORM_MALFORMED_JSON');
  });

  test('wrong types → 400 PLATFORM_VALIDATION_FAILED naming the field', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', payload: { label: 42 } });
    assert.equal(response.statusCode, 400);
    const { error } = response.json();
    assert.equal(error.code, 'PLATFORM_VALIDATION_FAILED');
    assert.deepEqual(error.details.map((d: { path: string }) => d.path), ['/label']);
  });

  test('unexpected fields and bad path parameters are refused too', async () => {
    const extra = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', payload: { label: 'x', admin: true } });
    assert.equal(extra.json().error.code, 'PLATFORM_VALIDATION_FAILED');
    const badId = await server.app.inject({ method: 'GET', url: '/api/v1/probe/things/not-a-uuid' });
    assert.equal(badId.statusCode, 400);
    assert.equal(badId.json().error.details[0].in, 'params');
  });

  test('an oversize body → 413 PLATFORM_BODY_TOO_LARGE', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', headers: json, payload: JSON.stringify({ label: 'x'.repeat(5000) }) });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error.code, 'PLATFORM_BODY_TOO_LARGE');
  });

  test('an unsupported content type → 415 PLATFORM_UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', headers: { 'content-type': 'application/xml' }, payload: '<label/>' });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().error.code, 'PLATFORM_UNSUPPORTED_MEDIA_TYPE');
  });

  test('an unknown route → 404 PLATFORM_NOT_FOUND as JSON, and a module’s own code keeps its status', async () => {
    const unknown = await server.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'PLATFORM_NOT_FOUND');
    const missing = await server.app.inject({ method: 'GET', url: '/api/v1/probe/things/00000000-0000-4000-8000-000000000000' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'PROBE_THING_NOT_FOUND');
  });

  test('a 5xx hides its details and names the request', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/probe/boom' });
    assert.equal(response.statusCode, 500);
    assert.equal(response.json().error.code, 'PLATFORM_INTERNAL');
    assert.doesNotMatch(response.body, /secret internal detail/);
    assert.equal(response.json().error.requestId, response.headers['x-request-id']);
  });
});

describe('request ids', () => {
  test('a well-formed x-request-id is kept and becomes the events’ correlation id', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', headers: { 'x-request-id': 'req-abc-12345' }, payload: { label: 'traced' } });
    assert.equal(response.headers['x-request-id'], 'req-abc-12345');
    const { sql } = await import('kysely');
    const rows = await sql<{ correlation_id: string }>`select correlation_id from platform.outbox where payload->>'thingId' = ${response.json().id}`.execute(server.database.db);
    assert.equal(rows.rows[0]?.correlation_id, 'req-abc-12345');
  });

  test('a malformed one is replaced by a fresh UUID', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/meta', headers: { 'x-request-id': 'bad id\n' } });
    assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });
});

describe('security', () => {
  test('security headers are set', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/meta' });
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.ok(response.headers['strict-transport-security']);
    assert.equal(response.headers['x-powered-by'], undefined);
  });

  test('CORS is closed by default', async () => {
    const response = await server.app.inject({ method: 'OPTIONS', url: '/api/v1/meta', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } });
    assert.equal(response.headers['access-control-allow-origin'], undefined);
  });

  test('timeouts are set on the HTTP server (Node’s default is none)', () => {
    assert.equal(server.app.server.requestTimeout, server.config.http.requestTimeoutMs);
    assert.equal(server.app.server.keepAliveTimeout, server.config.http.keepAliveTimeoutMs);
    assert.equal(server.app.initialConfig.connectionTimeout, server.config.http.connectionTimeoutMs);
  });
});

describe('operations endpoints', () => {
  test('/healthz and /readyz answer', async () => {
    assert.equal((await server.app.inject('/healthz')).json().status, 'ok');
    const ready = await server.app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json().checks, { database: 'ok', bus: 'ok' });
  });

  test('/metrics exposes HTTP latency, websocket, outbox and event metrics', async () => {
    await server.app.inject('/api/v1/meta');
    const body = (await server.app.inject('/metrics')).body;
    for (const name of ['heyblue_http_request_duration_seconds_bucket', 'heyblue_ws_connections', 'heyblue_outbox_lag_seconds', 'heyblue_outbox_pending', 'heyblue_outbox_oldest_pending_seconds', 'heyblue_outbox_parked', 'heyblue_events_processed_total']) {
      assert.match(body, new RegExp(name));
    }
    assert.match(body, /route="\/api\/v1\/meta"/);
  });

  test('OpenAPI, AsyncAPI and the error codes are served under /docs', async () => {
    const openapi = (await server.app.inject('/docs/json')).json();
    assert.equal(openapi.openapi, '3.1.0');
    assert.ok(openapi.paths['/api/v1/meta']);
    assert.ok(openapi.paths['/api/v1/probe/things']);
    const asyncapi = (await server.app.inject('/docs/asyncapi.json')).json();
    assert.equal(asyncapi.asyncapi, '3.0.0');
    assert.deepEqual(Object.values(asyncapi.channels).map((c) => (c as { address: string }).address).sort(), ['platform.instance-started.v1', 'platform.instance-stopped.v1', 'probe.thing-recorded.v1']);
    const errors = (await server.app.inject('/docs/errors.json')).json().errors;
    assert.ok(errors.some((e: { code: string; status: number }) => e.code === 'PROBE_THING_NOT_FOUND' && e.status === 404));
    assert.equal((await server.app.inject('/docs')).statusCode, 200);
  });
});

describe('the product’s own documents', () => {
  test('OpenAPI renders every module route, with the bearer scheme they use', async () => {
    const product = await composeTestServer();
    try {
      const response = await product.app.inject('/docs/json');
      assert.equal(response.statusCode, 200, response.body.slice(0, 300));
      const openapi = response.json();
      assert.ok(openapi.components.securitySchemes.bearer);
      for (const path of ['/api/v1/auth/codes', '/api/v1/me', '/api/v1/organisations/{organisationId}/roster', '/api/v1/profiles/me']) assert.ok(openapi.paths[path], path);
      assert.equal((await product.app.inject('/docs/asyncapi.json')).statusCode, 200);
    } finally {
      await product.stop('test over');
    }
  });
});

describe('rate limiting', () => {
  test('too many requests → 429 PLATFORM_RATE_LIMITED, while health checks stay open', async () => {
    const limited = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      await limited.app.ready();
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.app.inject('/api/v1/meta')).statusCode);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const blocked = await limited.app.inject('/api/v1/meta');
      assert.equal(blocked.json().error.code, 'PLATFORM_RATE_LIMITED');
      assert.ok(blocked.headers['retry-after']);
      assert.equal((await limited.app.inject('/healthz')).statusCode, 200);
      assert.equal((await limited.app.inject('/readyz')).statusCode, 200);
    } finally {
      await limited.stop('test over');
    }
  });
});
