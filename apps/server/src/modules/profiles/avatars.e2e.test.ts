import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { aPicture, auth, codeOf, formWith, startProfilesHarness, type ProfilesHarness } from './profiles.e2e-harness.ts';

let h: ProfilesHarness;
before(async () => {
  h = await startProfilesHarness();
});
after(async () => h?.stop());

describe('profile pictures', () => {
  test('a PNG becomes a 256×256 WebP, and a JPEG loses its metadata', async () => {
    const session = await h.newcomer();
    const response = await h.upload(session, await aPicture(1200, 800).png().toBuffer());
    assert.equal(response.statusCode, 200, response.body);
    const avatarUrl: string = response.json().avatarUrl;
    assert.match(avatarUrl, new RegExp(`^/api/v1/profiles/${session.accountId}/avatar\\?v=[a-z0-9]+$`));
    const picture = await h.server.app.inject({ method: 'GET', url: avatarUrl });
    assert.equal(picture.statusCode, 200);
    assert.equal(picture.headers['content-type'], 'image/webp');
    const metadata = await sharp(picture.rawPayload).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['webp', 256, 256]);
    assert.deepEqual(await h.eventsOf(session.accountId, 'profiles.profile-updated.v1'), [{ accountId: session.accountId, fields: ['avatar'] }]);

    const photo = await aPicture(640, 480, '#e11d48').jpeg().withExif({ IFD0: { Copyright: 'secret-camera-owner', Make: 'SpyCam' } }).toBuffer();
    assert.ok((await sharp(photo).metadata()).exif, 'the upload carries EXIF');
    assert.equal((await h.upload(session, photo, 'me.jpg', 'image/jpeg')).statusCode, 200);
    const stored = await h.server.app.inject({ method: 'GET', url: `/api/v1/profiles/${session.accountId}/avatar` });
    const storedMetadata = await sharp(stored.rawPayload).metadata();
    assert.equal(storedMetadata.exif, undefined);
    assert.ok(!stored.rawPayload.includes('secret-camera-owner'));
  });

  test('a picture over 5 MiB is refused with 413, whether declared or found out while streaming', async () => {
    const session = await h.newcomer();
    const declared = await h.upload(session, new Uint8Array(6 * 1024 * 1024));
    assert.equal(declared.statusCode, 413);
    assert.equal(codeOf(declared), 'PROFILES_AVATAR_TOO_LARGE');
    const streamed = await h.upload(session, new Uint8Array(5 * 1024 * 1024 + 1));
    assert.equal(streamed.statusCode, 413);
    assert.equal(codeOf(streamed), 'PROFILES_AVATAR_TOO_LARGE');
    const boundary = 'profiles-test-boundary';
    const chunks = [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      Buffer.alloc(5 * 1024 * 1024),
      Buffer.from(`more\r\n--${boundary}--\r\n`),
    ];
    const chunked = await h.server.app.inject({
      method: 'PUT', url: '/api/v1/profiles/me/avatar', remoteAddress: h.nextClient(),
      headers: { ...auth(session), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Readable.from(chunks),
    });
    assert.equal(chunked.statusCode, 413, 'a streamed body whose limit falls on a chunk boundary is refused too, not cut to 5 MiB');
    assert.equal((await h.get(session, '/profiles/me')).json().avatarUrl, null);
  });

  test('only real JPEG, PNG and WebP pictures are taken, whatever the file claims to be', async () => {
    const session = await h.newcomer();
    const gif = await h.upload(session, await aPicture(32, 32).gif().toBuffer(), 'avatar.gif', 'image/gif');
    assert.equal(gif.statusCode, 415);
    assert.equal(codeOf(gif), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
    const disguisedGif = await h.upload(session, await aPicture(32, 32).gif().toBuffer(), 'avatar.png', 'image/png');
    assert.equal(codeOf(disguisedGif), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
    const text = await h.upload(session, Buffer.from('I am not a picture, just text pretending.\n'), 'avatar.png', 'image/png');
    assert.equal(text.statusCode, 415);
    assert.equal(codeOf(text), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
    const svg = await h.upload(session, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'), 'avatar.png', 'image/png');
    assert.equal(codeOf(svg), 'PROFILES_AVATAR_UNSUPPORTED_TYPE');
    const huge = await h.upload(session, await aPicture(9000, 8).png().toBuffer());
    assert.equal(huge.statusCode, 400);
    assert.equal(codeOf(huge), 'PROFILES_AVATAR_DIMENSIONS_TOO_LARGE');
    const webp = await h.upload(session, await aPicture(300, 300).webp().toBuffer(), 'a.webp', 'application/octet-stream');
    assert.equal(webp.statusCode, 200, 'the bytes count, not the declared type');
  });

  test('a body without exactly one file is refused', async () => {
    const session = await h.newcomer();
    const put = (payload: Buffer | string, contentType: string) => h.putAvatar(session, payload, contentType);
    const empty = await formWith([]);
    assert.equal(codeOf(await put(empty.body, empty.contentType)), 'PROFILES_AVATAR_MISSING');
    assert.equal(codeOf(await put(JSON.stringify({ avatar: 'x' }), 'application/json')), 'PROFILES_AVATAR_MISSING');
    const withField = await formWith([{ name: 'note', value: 'hello' }, { name: 'avatar', file: { bytes: await aPicture(8, 8).png().toBuffer(), filename: 'a.png', type: 'image/png' } }]);
    const refused = await put(withField.body, withField.contentType);
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(codeOf(refused), 'PROFILES_AVATAR_FORM_INVALID');
    const picture = { bytes: await aPicture(8, 8).png().toBuffer(), filename: 'a.png', type: 'image/png' };
    const twoFiles = await formWith([{ name: 'avatar', file: picture }, { name: 'avatar', file: picture }]);
    assert.equal(codeOf(await put(twoFiles.body, twoFiles.contentType)), 'PROFILES_AVATAR_FORM_INVALID', 'a second file is refused, not ignored');
    const unauthenticated = await h.upload({ accessToken: '', accountId: '' }, await aPicture(8, 8).png().toBuffer());
    assert.equal(unauthenticated.statusCode, 401);
  });

  test('a shown picture is for anyone, a hidden one only for its owner; it revalidates by ETag and can be removed', async () => {
    const owner = await h.newcomer();
    const other = await h.newcomer();
    await h.upload(owner, await aPicture(100, 100).png().toBuffer());
    const url = `/profiles/${owner.accountId}/avatar`;
    const anonymous = await h.get(null, url);
    assert.equal(anonymous.statusCode, 200);
    assert.equal(anonymous.headers['cache-control'], 'public, no-cache');
    const etag = String(anonymous.headers.etag);
    const revalidated = await h.get(null, url, { 'if-none-match': etag });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.rawPayload.length, 0);

    await h.patchMe(owner, { privacy: { avatar: false } });
    for (const who of [null, other]) {
      const refused = await h.get(who, url, { 'if-none-match': etag });
      assert.equal(refused.statusCode, 404, 'a hidden picture is not revealed, not even as a 304');
      assert.equal(codeOf(refused), 'PROFILES_AVATAR_NOT_FOUND');
    }
    const own = await h.get(owner, url);
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['cache-control'], 'private, no-cache');
    assert.match(String((await h.get(owner, '/profiles/me')).json().avatarUrl), /\/avatar\?v=/, 'the owner still has the URL');

    const removed = await h.server.app.inject({ method: 'DELETE', url: '/api/v1/profiles/me/avatar', headers: auth(owner) });
    assert.equal(removed.statusCode, 204);
    assert.equal((await h.get(owner, url)).statusCode, 404);
    assert.equal((await h.get(owner, '/profiles/me')).json().avatarUrl, null);
    assert.equal((await h.get(null, `/profiles/${randomUUID()}/avatar`)).statusCode, 404);
  });
});

