// In tests every JSON answer of the API is checked against its route's declared response schema (the
// schema the web decodes it with): an answer that breaks it, or a JSON answer without one, is a 500.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Server } from '../../src/composition.ts';
import { probeModule } from '../fixtures/probe-module/index.ts';
import { composeTestServer } from '../support/server.ts';

let server: Server;
before(async () => {
  server = await composeTestServer({}, { modules: [probeModule()], checkAnswers: true });
});
after(async () => server?.stop('test over'));

test('an answer that fits its declared schema goes out as it is', async () => {
  const created = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', payload: { label: 'fits' } });
  assert.equal(created.statusCode, 201);
  assert.equal(typeof created.json().id, 'string');
});

test('a JSON answer whose route declares no schema for it is refused as a contract breach', async () => {
  const created = await server.app.inject({ method: 'POST', url: '/api/v1/probe/things', payload: { label: 'undeclared' } });
  const read = await server.app.inject({ method: 'GET', url: `/api/v1/probe/things/${created.json().id}` });
  assert.equal(read.statusCode, 500);
  assert.match(read.json().error.message, /contract breach: GET \/api\/v1\/probe\/things\/:id 200 answers JSON but declares no response schema/);
});

test('an error answer is checked against the error body and passes', async () => {
  const missing = await server.app.inject({ method: 'GET', url: '/api/v1/probe/things/00000000-0000-4000-8000-000000000000' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'PROBE_THING_NOT_FOUND');
});
