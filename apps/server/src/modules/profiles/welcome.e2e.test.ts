// The welcome step after a first sign-in: a person gives a name of their own and a language once; an
// officer verified by a roster is offered a safe public form of the roster name (never the full name);
// people the operator seeded have a made-up name and are not asked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Server } from '../../composition.ts';
import { composeTestServer } from '../../../test/support/server.ts';
import { seedPeople, signInAdmin, signInByEmail, type Person } from '../../../test/support/people.ts';

let server: Server;
const call = (person: Person, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${person.token}`, ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
const deliver = async (): Promise<void> => {
  while ((await server.relay.runOnce()) > 0);
};

before(async () => {
  server = await composeTestServer({ RATE_LIMIT_PER_MINUTE: '100000' });
  await server.app.ready();
});
after(async () => server?.stop('test over'));

test('a new person is asked once: their name and language mark the profile onboarded, and asking again changes only what they send', async () => {
  const citizen = await signInByEmail(server, 'maria.welcome@example.org', '10.98.0.1');
  await deliver();
  const before = (await call(citizen, 'GET', '/profiles/me')).json();
  assert.equal(before.onboarded, false);
  assert.equal(before.suggestedName, null, 'a citizen gets no suggestion: nothing we know is theirs to publish');
  assert.match(before.displayName, /^Neighbour /);

  const welcomed = await call(citizen, 'PUT', '/profiles/me/welcome', { displayName: '  María   G. ', language: 'es' });
  assert.equal(welcomed.statusCode, 200, welcomed.body);
  assert.deepEqual([welcomed.json().displayName, welcomed.json().language, welcomed.json().onboarded], ['María G.', 'es', true]);
  assert.deepEqual([(await call(citizen, 'GET', '/profiles/me')).json().onboarded, (await server.app.inject(`/api/v1/profiles/${citizen.accountId}`)).json().displayName], [true, 'María G.']);
  assert.equal((await call(citizen, 'PUT', '/profiles/me/welcome', { displayName: 'María', language: 'en' })).json().language, 'en', 'safe to send again');
});

test('hostile or empty names are refused with the profile’s own error code, and nothing is marked', async () => {
  const citizen = await signInByEmail(server, 'hostile.welcome@example.org', '10.98.0.2');
  for (const displayName of ['   ', 'Ana\u0000', 'Ana\u202eevil', 'x'.repeat(41)]) {
    const refused = await call(citizen, 'PUT', '/profiles/me/welcome', { displayName, language: 'en' });
    assert.equal(refused.statusCode, 400, `${JSON.stringify(displayName)}: ${refused.body}`);
    assert.match(refused.json().error.code, /^(PROFILES_DISPLAY_NAME_INVALID|PLATFORM_VALIDATION_FAILED)$/);
  }
  assert.equal((await call(citizen, 'PUT', '/profiles/me/welcome', { displayName: 'Ana', language: 'fr' })).statusCode, 400);
  assert.equal((await call(citizen, 'GET', '/profiles/me')).json().onboarded, false);
});

test('an officer verified by a roster is offered "Jane D.", never the roster’s full name, until they choose', async () => {
  const admin = await signInAdmin(server, 'admin@welcome.example');
  const chief = await signInByEmail(server, 'chief@welcome-precinct.example', '10.98.0.3');
  const precinct = (await call(chief, 'POST', '/organisations', { type: 'precinct', name: 'Welcome Precinct' })).json().id as string;
  assert.equal((await call(admin, 'POST', `/admin/organisations/${precinct}/decision`, { approve: true })).statusCode, 204);
  const roster = await call(chief, 'POST', `/organisations/${precinct}/roster`, 'name,email,badge_number,department\n"DOE, JANE MARY",jane.doe@welcome-police.example,B-1,Central', { 'content-type': 'text/csv' });
  assert.equal(roster.statusCode, 200, roster.body);
  const officer = await signInByEmail(server, 'jane.doe@welcome-police.example', '10.98.0.4');
  await deliver();
  const own = (await call(officer, 'GET', '/profiles/me')).json();
  assert.equal(own.precinct, 'Welcome Precinct');
  assert.equal(own.suggestedName, 'Jane D.');
  assert.doesNotMatch(JSON.stringify(own), /MARY|Mary|jane\.doe/, 'the full name and email are not in the answer');
  assert.doesNotMatch(JSON.stringify((await server.app.inject(`/api/v1/profiles/${officer.accountId}`)).json()), /Jane|DOE/i, 'nothing public until they choose');

  assert.equal((await call(officer, 'PUT', '/profiles/me/welcome', { displayName: own.suggestedName, language: 'en' })).statusCode, 200);
  const after = (await call(officer, 'GET', '/profiles/me')).json();
  assert.deepEqual([after.displayName, after.onboarded, after.suggestedName], ['Jane D.', true, null]);
});

test('people the operator seeded have a made-up name and are not asked', async () => {
  const [seeded] = await seedPeople(server, { citizens: 1, officers: 0 });
  assert.ok(seeded);
  await deliver();
  const own = (await call(seeded, 'GET', '/profiles/me')).json();
  assert.equal(own.onboarded, true);
  assert.match(own.displayName, /^\p{L}+ [A-Z]\.$/u);
});
