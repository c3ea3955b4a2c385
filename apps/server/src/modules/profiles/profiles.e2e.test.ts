import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { aPicture, auth, codeOf, startProfilesHarness, type ProfilesHarness } from './profiles.e2e-harness.ts';

let h: ProfilesHarness;
before(async () => {
  h = await startProfilesHarness();
});
after(async () => h?.stop());

describe('a profile follows the account', () => {
  test('the account-created event gives a new account a "Neighbour" profile, never named after the email', async () => {
    const session = await h.signIn('maria.gonzalez@example.org');
    assert.equal(await h.profileRow(session.accountId), undefined, 'nothing before the event arrives');
    await h.deliverEvents();
    const name = (await h.profileRow(session.accountId))?.display_name ?? '';
    assert.match(name, /^Neighbour [A-Z2-9]{4}$/);
    assert.doesNotMatch(name.toLowerCase(), /maria|gonzalez/);
    const own = await h.get(session, '/profiles/me');
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['cache-control'], 'no-store');
    assert.deepEqual(own.json(), {
      accountId: session.accountId,
      displayName: name,
      bio: null,
      precinct: null,
      avatarUrl: null,
      privacy: { displayName: true, avatar: true, bio: true, connectionCount: true },
      counts: { connectionsMade: 0, pointsEarned: 0, pointsSpent: 0, pointsDonated: 0, trophies: 0 },
      onboarded: false,
      language: null,
      suggestedName: null,
      createdAt: own.json().createdAt,
      updatedAt: own.json().updatedAt,
    });
  });

  test('a first visit before the event arrives finds a profile, and the late event changes nothing', async () => {
    const session = await h.signIn();
    const first = await h.get(session, '/profiles/me');
    assert.equal(first.statusCode, 200, first.body);
    await h.deliverEvents();
    const again = await h.get(session, '/profiles/me');
    assert.deepEqual(again.json(), first.json());
  });

  test('anonymous callers have no own profile', async () => {
    const response = await h.get(null, '/profiles/me');
    assert.equal(response.statusCode, 401);
    assert.equal(codeOf(response), 'PLATFORM_UNAUTHENTICATED');
  });
});

describe('editing a profile', () => {
  test('a person changes their name, bio and privacy; the change is normalised and announced', async () => {
    const session = await h.newcomer();
    const response = await h.patchMe(session, { displayName: '  Ana   Lima ', bio: ' Coffee with the team on Fridays.\r\n\r\n\r\nSay hi! ', privacy: { connectionCount: false } });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().displayName, 'Ana Lima');
    assert.equal(response.json().bio, 'Coffee with the team on Fridays.\n\nSay hi!');
    assert.deepEqual(response.json().privacy, { displayName: true, avatar: true, bio: true, connectionCount: false });
    assert.deepEqual(await h.eventsOf(session.accountId, 'profiles.profile-updated.v1'), [{ accountId: session.accountId, fields: ['displayName', 'bio', 'privacy'] }]);
    const unchanged = await h.patchMe(session, { displayName: 'Ana Lima' });
    assert.equal(unchanged.statusCode, 200);
    assert.equal((await h.eventsOf(session.accountId, 'profiles.profile-updated.v1')).length, 1, 'no change, no event');
    const cleared = await h.patchMe(session, { bio: '' });
    assert.equal(cleared.json().bio, null);
  });

  test('bad edits are refused with a clear code and change nothing', async () => {
    const session = await h.newcomer();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ displayName: '' }, 'PLATFORM_VALIDATION_FAILED'],
      [{ displayName: '    ' }, 'PROFILES_DISPLAY_NAME_INVALID'],
      [{ displayName: 'a'.repeat(41) }, 'PROFILES_DISPLAY_NAME_INVALID'],
      [{ displayName: 'Ana\u0007' }, 'PROFILES_DISPLAY_NAME_INVALID'],
      [{ displayName: 'Ana\nLima' }, 'PROFILES_DISPLAY_NAME_INVALID'],
      [{ displayName: '\u202Eetinu' }, 'PROFILES_DISPLAY_NAME_INVALID'],
      [{ displayName: 42 }, 'PLATFORM_VALIDATION_FAILED'],
      [{ bio: 'a'.repeat(281) }, 'PLATFORM_VALIDATION_FAILED'],
      [{ bio: 'bell\u0007' }, 'PROFILES_BIO_INVALID'],
      [{ privacy: { avatar: 'yes' } }, 'PLATFORM_VALIDATION_FAILED'],
      [{ privacy: { everything: false } }, 'PLATFORM_VALIDATION_FAILED'],
      [{ email: 'x@example.org' }, 'PLATFORM_VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const response = await h.patchMe(session, payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(codeOf(response), code, JSON.stringify(payload));
    }
    assert.match((await h.get(session, '/profiles/me')).json().displayName, /^Neighbour /);
    assert.deepEqual(await h.eventsOf(session.accountId, 'profiles.profile-updated.v1'), []);
  });

  test('nobody can change someone else’s profile: there is no route for it, and /profiles/me is always the caller', async () => {
    const owner = await h.newcomer();
    const intruder = await h.newcomer();
    await h.patchMe(owner, { displayName: 'Owner' });
    for (const [method, url] of [['PATCH', `/api/v1/profiles/${owner.accountId}`], ['PUT', `/api/v1/profiles/${owner.accountId}/avatar`], ['DELETE', `/api/v1/profiles/${owner.accountId}/avatar`]] as const) {
      const response = await h.server.app.inject({ method, url, headers: auth(intruder), payload: { displayName: 'Hacked' } });
      assert.ok([404, 405].includes(response.statusCode), `${method} ${url} answered ${response.statusCode}`);
    }
    const changed = await h.patchMe(intruder, { displayName: 'Intruder' });
    assert.equal(changed.json().accountId, intruder.accountId);
    assert.equal((await h.get(null, `/profiles/${owner.accountId}`)).json().displayName, 'Owner');
  });
});

describe('the public view', () => {
  test('anyone sees what the owner shows, and hidden parts are absent', async () => {
    const owner = await h.newcomer();
    await h.patchMe(owner, { displayName: 'Officer Dee', bio: 'Community officer, Eastside.' });
    assert.equal((await h.upload(owner, await aPicture(64, 64).png().toBuffer())).statusCode, 200);
    const viewer = await h.newcomer();
    for (const who of [null, viewer]) {
      const shown = await h.get(who, `/profiles/${owner.accountId}`);
      assert.equal(shown.statusCode, 200);
      assert.deepEqual(Object.keys(shown.json()).sort(), ['accountId', 'avatarUrl', 'bio', 'connectionsMade', 'displayName']);
      assert.equal(shown.json().displayName, 'Officer Dee');
    }
    await h.patchMe(owner, { privacy: { displayName: false, avatar: false, bio: false, connectionCount: false } });
    const hidden = await h.get(null, `/profiles/${owner.accountId}`);
    assert.deepEqual(hidden.json(), { accountId: owner.accountId });
    assert.deepEqual((await h.get(owner, `/profiles/${owner.accountId}`)).json(), { accountId: owner.accountId }, 'owners see what others see');
    await h.patchMe(owner, { privacy: { bio: true } });
    assert.deepEqual((await h.get(viewer, `/profiles/${owner.accountId}`)).json(), { accountId: owner.accountId, bio: 'Community officer, Eastside.' });
  });

  test('unknown accounts and bad ids are not found or refused', async () => {
    const unknown = await h.get(null, `/profiles/${randomUUID()}`);
    assert.equal(unknown.statusCode, 404);
    assert.equal(codeOf(unknown), 'PROFILES_NOT_FOUND');
    const bad = await h.get(null, '/profiles/not-an-id');
    assert.equal(bad.statusCode, 400);
    assert.equal(codeOf(bad), 'PLATFORM_VALIDATION_FAILED');
  });
});

describe('your data', () => {
  test('the export holds everything profiles keeps, the picture as a data URL', async () => {
    const session = await h.newcomer();
    await h.patchMe(session, { displayName: 'Sam', bio: 'Hello', privacy: { bio: false } });
    await h.upload(session, await aPicture(300, 200).png().toBuffer());
    const response = await h.get(session, '/profiles/me/export');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-disposition']), /^attachment/);
    assert.equal(response.headers['cache-control'], 'no-store');
    const { profile } = response.json();
    assert.equal(profile.accountId, session.accountId);
    assert.equal(profile.displayName, 'Sam');
    assert.equal(profile.bio, 'Hello');
    assert.deepEqual(profile.privacy, { displayName: true, avatar: true, bio: false, connectionCount: true });
    assert.deepEqual(profile.counts, { connectionsMade: 0, pointsEarned: 0, pointsSpent: 0, pointsDonated: 0, trophies: 0 });
    const dataUrl: string = profile.avatar.dataUrl;
    assert.match(dataUrl, /^data:image\/webp;base64,/);
    const image = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    assert.deepEqual(await sharp(image).metadata().then((m) => [m.format, m.width, m.height]), ['webp', 256, 256]);
    assert.equal((await h.get(null, '/profiles/me/export')).statusCode, 401);
  });

  test('deleting the account removes the profile and picture, and a late event never brings them back', async () => {
    const session = await h.newcomer();
    await h.patchMe(session, { displayName: 'Leaving Soon', bio: 'bye' });
    await h.upload(session, await aPicture(64, 64).png().toBuffer());
    const deleted = await h.server.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: auth(session), payload: { confirm: 'DELETE' } });
    assert.equal(deleted.statusCode, 204, deleted.body);
    await h.deliverEvents();
    assert.equal(await h.profileRow(session.accountId), undefined);
    const pictures = await sql<{ n: number }>`select count(*)::int as n from profiles.avatars where account_id = ${session.accountId}`.execute(h.server.database.db);
    assert.equal(pictures.rows[0]?.n, 0);
    assert.equal(codeOf(await h.get(null, `/profiles/${session.accountId}`)), 'PROFILES_NOT_FOUND');
    assert.equal((await h.get(null, `/profiles/${session.accountId}/avatar`)).statusCode, 404);

    await h.emit(async (_tx, events) => events.emit('identity.account-created.v1', { accountId: session.accountId, signedUpWith: 'email' }));
    await h.deliverEvents();
    assert.equal(await h.profileRow(session.accountId), undefined, 'a deleted account stays without a profile');
    const parked = await sql<{ n: number }>`select count(*)::int as n from platform.outbox where parked_at is not null or last_error is not null`.execute(h.server.database.db);
    assert.equal(parked.rows[0]?.n, 0, 'every event was consumed cleanly');
  });
});
