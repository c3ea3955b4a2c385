// Identity's module API against the real database (PGlite), with members made by identity's own routes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { IdentityApi } from '@heyblue/contracts/identity';
import type { Server } from '../../composition.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { signInAdmin, signInByEmail, type Person } from '../../../test/support/people.ts';
import { organisationStore } from './adapters/organisation-store.pg.ts';
import { identityApi } from './adapters/identity.api.ts';

let server: Server;
let api: IdentityApi;
let admin: Person;
let owner: Person;
let organisationId: string;

const call = (person: Person, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${person.token}` }, ...(payload ? { payload } : {}) });

before(async () => {
  server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '100000' });
  await server.app.ready();
  api = identityApi({ db: server.database.db, organisations: organisationStore() });
  admin = await signInAdmin(server, 'admin@api.example');
  owner = await signInByEmail(server, 'owner@api.example', '10.97.0.1');
  const requested = await call(owner, 'POST', '/organisations', { type: 'retailer', name: 'Api Shop' });
  assert.equal(requested.statusCode, 201, requested.body);
  organisationId = requested.json<{ id: string }>().id;
});
after(async () => server?.stop('test over'));

test('the requester of an organisation is its owner at once, while it waits for approval', async () => {
  assert.deepEqual(await api.membership(organisationId, owner.accountId), {
    organisationId, accountId: owner.accountId, role: 'owner', organisation: { type: 'retailer', name: 'Api Shop', status: 'pending' },
  });
});

test('an approval is seen by the next call, with no event to wait for', async () => {
  assert.equal((await call(admin, 'POST', `/admin/organisations/${organisationId}/decision`, { approve: true })).statusCode, 204);
  assert.equal((await api.membership(organisationId, owner.accountId))?.organisation.status, 'active');
});

test('invited staff are members with the staff role as soon as they accept', async () => {
  assert.equal((await call(owner, 'POST', `/organisations/${organisationId}/invitations`, { email: 'staff@api.example', role: 'staff' })).statusCode, 201);
  const messages = (await server.app.inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(messages.find((m) => m.to === 'staff@api.example')?.text ?? '')?.[1] ?? '';
  const staff = await signInByEmail(server, 'staff@api.example', '10.97.0.2');
  assert.equal(await api.membership(organisationId, staff.accountId), null, 'not before accepting');
  assert.equal((await call(staff, 'POST', `/invitations/${token}/accept`)).statusCode, 200);
  assert.equal((await api.membership(organisationId, staff.accountId))?.role, 'staff');
});

test('anyone else, and any unknown organisation, is no member', async () => {
  const outsider = await signInByEmail(server, 'outsider@api.example', '10.97.0.3');
  assert.equal(await api.membership(organisationId, outsider.accountId), null);
  assert.equal(await api.membership(crypto.randomUUID(), owner.accountId), null);
});

test('a deleted account is a member of nothing', async () => {
  const leaver = await signInByEmail(server, 'leaver@api.example', '10.97.0.4');
  const requested = await call(leaver, 'POST', '/organisations', { type: 'charity', name: 'Leaver Trust' });
  const charityId = requested.json<{ id: string }>().id;
  assert.equal((await api.membership(charityId, leaver.accountId))?.role, 'owner');
  assert.equal((await call(leaver, 'DELETE', '/me', { confirm: 'DELETE' })).statusCode, 204);
  assert.equal(await api.membership(charityId, leaver.accountId), null);
});
