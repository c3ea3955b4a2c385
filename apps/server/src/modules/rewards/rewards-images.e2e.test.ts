// Pictures of offers and causes: set by the organisation's members (a JPEG, PNG or WebP judged by its
// bytes, at most 8 MiB, kept as an 800×500 WebP without metadata), removed, and served to anyone with
// an entity tag and a year's caching at the version the catalogue names.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { signInByEmail, type Person } from '../../../test/support/people.ts';
import { aPicture, formWith, rawFileForm } from '../../../test/support/uploads.ts';
import { startRewardsStage, type Partner, type RewardsStage } from './rewards.e2e-harness.ts';

let stage: RewardsStage;
let shop: Partner;
let otherShop: Partner;
let charity: Partner;
let citizen: Person;

before(async () => {
  stage = await startRewardsStage({ citizens: 1, officers: 0 });
  shop = await stage.partner('retailer', 'Picture Shop');
  otherShop = await stage.partner('retailer', 'Another Shop');
  charity = await stage.partner('charity', 'Picture Charity');
  const first = stage.citizens[0];
  assert.ok(first);
  citizen = first;
});
after(async () => stage?.close());

const offerImagePath = (partner: Partner, offerId: string) => `/api/v1/rewards/organisations/${partner.id}/offers/${offerId}/image`;
const causeImagePath = (partner: Partner, causeId: string) => `/api/v1/rewards/organisations/${partner.id}/causes/${causeId}/image`;
const bearer = (person: Person | undefined): Record<string, string> => (person ? { authorization: `Bearer ${person.token}` } : {});
const codeOf = (response: { json(): { error?: { code?: string } } }) => response.json().error?.code;

let clients = 0;

/** PUTs a body to a picture route, each from a client address of its own (uploads are limited per address). */
function put(person: Person | undefined, url: string, body: Buffer | Readable, contentType: string) {
  clients += 1;
  return stage.server.app.inject({ method: 'PUT', url, headers: { ...bearer(person), 'content-type': contentType }, payload: body, remoteAddress: `10.94.${Math.floor(clients / 250)}.${clients % 250}` });
}

/** Uploads one file the way a browser form does. */
async function upload(person: Person | undefined, url: string, bytes: Uint8Array, filename = 'picture.png', type = 'image/png') {
  const { body, contentType } = await formWith([{ name: 'image', file: { bytes, filename, type } }]);
  return put(person, url, body, contentType);
}

function fetchImage(url: string, headers: Record<string, string> = {}) {
  return stage.server.app.inject({ method: 'GET', url, headers });
}

describe('an offer’s picture', () => {
  it('a PNG becomes an 800×500 WebP that the offer, the catalogue and the dashboard name by a versioned URL; a JPEG loses its metadata', async () => {
    const offer = await stage.offer(shop, { title: 'Pictured coffee' });
    const set = await upload(shop.owner, offerImagePath(shop, offer.id), await aPicture(1600, 900).png().toBuffer());
    assert.equal(set.statusCode, 200, set.body);
    const imageUrl: string = set.json().offer.imageUrl;
    assert.match(imageUrl, new RegExp(`^/api/v1/rewards/offers/${offer.id}/image\\?v=[a-z0-9]+$`));
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer.imageUrl, imageUrl);
    const listed = (await stage.call(citizen, 'GET', '/rewards/offers?q=pictured')).json().items;
    assert.deepEqual(listed.map((o: { imageUrl: string | null }) => o.imageUrl), [imageUrl]);
    const own = (await stage.call(shop.owner, 'GET', `/rewards/organisations/${shop.id}/offers`)).json().items.find((o: { id: string }) => o.id === offer.id);
    assert.equal(own.imageUrl, imageUrl);

    const picture = await fetchImage(imageUrl);
    assert.equal(picture.statusCode, 200);
    assert.equal(picture.headers['content-type'], 'image/webp');
    const metadata = await sharp(picture.rawPayload).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['webp', 800, 500]);

    const photo = await aPicture(640, 480, '#e11d48').jpeg().withExif({ IFD0: { Copyright: 'secret-camera-owner', Make: 'SpyCam' } }).toBuffer();
    assert.equal((await upload(shop.owner, offerImagePath(shop, offer.id), photo, 'shop.jpg', 'image/jpeg')).statusCode, 200);
    const stored = await fetchImage(`/api/v1/rewards/offers/${offer.id}/image`);
    assert.equal((await sharp(stored.rawPayload).metadata()).exif, undefined);
    assert.ok(!stored.rawPayload.includes('secret-camera-owner'));
  });

  it('is kept a year at the version its URL names, revalidated by ETag otherwise, and a new picture gets a new URL', async () => {
    const offer = await stage.offer(shop, { title: 'Cached croissant' });
    const first: string = (await upload(shop.owner, offerImagePath(shop, offer.id), await aPicture(800, 500).png().toBuffer())).json().offer.imageUrl;
    const versioned = await fetchImage(first);
    assert.equal(versioned.headers['cache-control'], 'public, max-age=31536000, immutable');
    const etag = String(versioned.headers.etag);
    assert.match(etag, /^"[a-z0-9]+"$/);
    assert.ok(versioned.headers['last-modified']);
    const unversioned = await fetchImage(`/api/v1/rewards/offers/${offer.id}/image`);
    assert.equal(unversioned.headers['cache-control'], 'public, no-cache');
    const revalidated = await fetchImage(`/api/v1/rewards/offers/${offer.id}/image`, { 'if-none-match': etag });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.rawPayload.length, 0);

    stage.clock.advance(1_000);
    const second: string = (await upload(shop.owner, offerImagePath(shop, offer.id), await aPicture(800, 500, '#16a34a').png().toBuffer())).json().offer.imageUrl;
    assert.notEqual(second, first, 'a new picture, a new version');
    const stale = await fetchImage(first, { 'if-none-match': etag });
    assert.equal(stale.statusCode, 200, 'the old tag no longer matches');
    assert.equal(stale.headers['cache-control'], 'public, no-cache', 'an old version is not kept');
  });

  it('takes only real JPEG, PNG and WebP pictures, whatever the file claims, each refusal with its own code', async () => {
    const offer = await stage.offer(shop, { title: 'Refusing rolls' });
    const path = offerImagePath(shop, offer.id);
    const gif = await upload(shop.owner, path, await aPicture(32, 32).gif().toBuffer(), 'a.gif', 'image/gif');
    assert.deepEqual([gif.statusCode, codeOf(gif)], [415, 'REWARDS_IMAGE_UNSUPPORTED_TYPE']);
    const disguised = await upload(shop.owner, path, await aPicture(32, 32).gif().toBuffer(), 'a.png', 'image/png');
    assert.equal(codeOf(disguised), 'REWARDS_IMAGE_UNSUPPORTED_TYPE');
    const text = await upload(shop.owner, path, Buffer.from('Just text pretending to be a picture.\n'), 'a.jpg', 'image/jpeg');
    assert.deepEqual([text.statusCode, codeOf(text)], [415, 'REWARDS_IMAGE_UNSUPPORTED_TYPE']);
    const svg = await upload(shop.owner, path, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), 'a.png', 'image/png');
    assert.equal(codeOf(svg), 'REWARDS_IMAGE_UNSUPPORTED_TYPE');
    const huge = await upload(shop.owner, path, await aPicture(9000, 8).png().toBuffer());
    assert.deepEqual([huge.statusCode, codeOf(huge)], [400, 'REWARDS_IMAGE_DIMENSIONS_TOO_LARGE']);
    const png = await aPicture(300, 200).png().toBuffer();
    const truncated = await upload(shop.owner, path, png.subarray(0, Math.floor(png.length / 2)));
    assert.deepEqual([truncated.statusCode, codeOf(truncated)], [400, 'REWARDS_IMAGE_UNREADABLE']);
    assert.equal((await stage.call(shop.owner, 'GET', `/rewards/organisations/${shop.id}/offers`)).json().items.find((o: { id: string }) => o.id === offer.id).imageUrl, null, 'nothing was kept');
    const webp = await upload(shop.owner, path, await aPicture(300, 300).webp().toBuffer(), 'a.bin', 'application/octet-stream');
    assert.equal(webp.statusCode, 200, 'the bytes count, not the declared type');
  });

  it('refuses a picture over 8 MiB with 413, whether declared or found out while streaming', async () => {
    const offer = await stage.offer(shop, { title: 'Heavy bread' });
    const path = offerImagePath(shop, offer.id);
    const declared = await upload(shop.owner, path, new Uint8Array(9 * 1024 * 1024));
    assert.deepEqual([declared.statusCode, codeOf(declared)], [413, 'REWARDS_IMAGE_TOO_LARGE']);
    assert.equal(declared.headers.connection, 'close', 'the rest of the body is not read');
    const streamed = await upload(shop.owner, path, new Uint8Array(8 * 1024 * 1024 + 1));
    assert.deepEqual([streamed.statusCode, codeOf(streamed)], [413, 'REWARDS_IMAGE_TOO_LARGE']);
    const { body, contentType } = rawFileForm('name="image"; filename="a.png"', new Uint8Array(8 * 1024 * 1024 + 10));
    const chunked = await put(shop.owner, path, Readable.from([body.subarray(0, 1000), body.subarray(1000)]), contentType);
    assert.deepEqual([chunked.statusCode, codeOf(chunked)], [413, 'REWARDS_IMAGE_TOO_LARGE'], 'a body with no declared length is cut at the limit');
  });

  it('refuses a body without exactly one file', async () => {
    const offer = await stage.offer(shop, { title: 'Formless fig' });
    const path = offerImagePath(shop, offer.id);
    const empty = await formWith([]);
    assert.equal(codeOf(await put(shop.owner, path, empty.body, empty.contentType)), 'REWARDS_IMAGE_MISSING');
    assert.equal(codeOf(await put(shop.owner, path, Buffer.from('{"image":"x"}'), 'application/json')), 'REWARDS_IMAGE_MISSING');
    const png = await aPicture(8, 8).png().toBuffer();
    const two = await formWith([{ name: 'a', file: { bytes: png, filename: 'a.png', type: 'image/png' } }, { name: 'b', file: { bytes: png, filename: 'b.png', type: 'image/png' } }]);
    const refused = await put(shop.owner, path, two.body, two.contentType);
    assert.deepEqual([refused.statusCode, codeOf(refused)], [400, 'REWARDS_IMAGE_FORM_INVALID']);
  });

  it('may be set and removed only by the offer’s organisation: its owner and staff, never another shop, a citizen or anyone signed out', async () => {
    const offer = await stage.offer(shop, { title: 'Guarded grapes' });
    const path = offerImagePath(shop, offer.id);
    const png = await aPicture(80, 50).png().toBuffer();
    const staff = await staffOf(shop);
    assert.equal((await upload(staff, path, png)).statusCode, 200, 'staff may');
    for (const [who, person] of [['another shop’s owner', otherShop.owner], ['a citizen', citizen], ['a charity’s owner', charity.owner]] as const) {
      const refused = await upload(person, path, png);
      assert.deepEqual([refused.statusCode, codeOf(refused)], [404, 'REWARDS_ORGANISATION_NOT_FOUND'], who);
      const removal = await stage.call(person, 'DELETE', path.replace('/api/v1', ''));
      assert.equal(removal.statusCode, 404, who);
    }
    assert.equal((await upload(undefined, path, png)).statusCode, 401);
    const crossed = await upload(otherShop.owner, offerImagePath(otherShop, offer.id), png);
    assert.deepEqual([crossed.statusCode, codeOf(crossed)], [404, 'REWARDS_OFFER_NOT_FOUND'], 'another shop cannot reach it through its own organisation');
    const emptyForm = await formWith([]);
    assert.equal((await put(citizen, path, emptyForm.body, emptyForm.contentType)).statusCode, 404, 'an outsider learns nothing from how a bad upload is answered');
    assert.ok((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer.imageUrl, 'the staff member’s picture stayed');
  });

  it('ignores the file’s name, however hostile: it is neither kept nor answered', async () => {
    const offer = await stage.offer(shop, { title: 'Named nuts' });
    const path = offerImagePath(shop, offer.id);
    const png = await aPicture(64, 40).png().toBuffer();
    const names = [
      'filename="../../../../etc/passwd"',
      'filename="<img src=x onerror=alert(1)>.png"',
      'filename="a\u0000b.png"',
      'filename="\u202Egnp.exe"',
      `filename="${'x'.repeat(5000)}.png"`,
      'filename="C:\\\\Windows\\\\system32\\\\evil.png"',
      'filename*=UTF-8\'\'%E2%80%AEgnp.exe',
      'filename="semi;colon\\"quote.png"',
    ];
    for (const name of names) {
      const { body, contentType } = rawFileForm(`name="image"; ${name}`, png);
      const answer = await put(shop.owner, path, body, contentType);
      assert.equal(answer.statusCode, 200, `${name.slice(0, 60)}: ${answer.body.slice(0, 200)}`);
      assert.match(answer.json().offer.imageUrl, new RegExp(`^/api/v1/rewards/offers/${offer.id}/image\\?v=[a-z0-9]+$`));
      for (const fragment of ['passwd', 'onerror', 'gnp', 'xxxxxxxxxx', 'evil', 'colon']) assert.ok(!answer.body.includes(fragment), `${fragment} is not echoed`);
    }
    const served = await fetchImage(`/api/v1/rewards/offers/${offer.id}/image`);
    assert.equal(served.headers['content-type'], 'image/webp');
    assert.equal(served.headers['content-disposition'], undefined);
  });

  it('can be removed; then its URL is not found, and neither is a picture no offer has', async () => {
    const offer = await stage.offer(shop, { title: 'Fleeting fennel' });
    const url: string = (await upload(shop.owner, offerImagePath(shop, offer.id), await aPicture(80, 50).png().toBuffer())).json().offer.imageUrl;
    const removed = await stage.call(shop.owner, 'DELETE', `/rewards/organisations/${shop.id}/offers/${offer.id}/image`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json().offer.imageUrl, null);
    const gone = await fetchImage(url);
    assert.deepEqual([gone.statusCode, codeOf(gone)], [404, 'REWARDS_IMAGE_NOT_FOUND']);
    assert.equal((await stage.call(citizen, 'GET', `/rewards/offers/${offer.id}`)).json().offer.imageUrl, null);
    assert.equal((await fetchImage(`/api/v1/rewards/offers/${crypto.randomUUID()}/image`)).statusCode, 404);
    assert.equal((await stage.call(shop.owner, 'DELETE', `/rewards/organisations/${shop.id}/offers/${offer.id}/image`)).statusCode, 200, 'removing twice is no error');
  });
});

describe('a cause’s picture', () => {
  it('is set by the charity, shown in the causes list, served to anyone, and removed; a shop cannot touch it', async () => {
    const cause = await stage.cause(charity, { title: 'Pictured pantry' });
    const path = causeImagePath(charity, cause.id);
    const set = await upload(charity.owner, path, await aPicture(1000, 1000).jpeg().toBuffer(), 'pantry.jpg', 'image/jpeg');
    assert.equal(set.statusCode, 200, set.body);
    const imageUrl: string = set.json().cause.imageUrl;
    assert.match(imageUrl, new RegExp(`^/api/v1/rewards/causes/${cause.id}/image\\?v=[a-z0-9]+$`));
    const listed = (await stage.call(citizen, 'GET', '/rewards/causes?q=pictured')).json().items;
    assert.deepEqual(listed.map((c: { imageUrl: string | null }) => c.imageUrl), [imageUrl]);
    const served = await fetchImage(imageUrl);
    assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable');
    const metadata = await sharp(served.rawPayload).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['webp', 800, 500]);
    const foreign = await upload(shop.owner, path, await aPicture(8, 8).png().toBuffer());
    assert.equal(foreign.statusCode, 404);
    const wrongType = await upload(charity.owner, path, Buffer.from('GIF89a not really'), 'a.gif', 'image/gif');
    assert.equal(codeOf(wrongType), 'REWARDS_IMAGE_UNSUPPORTED_TYPE');
    const removed = await stage.call(charity.owner, 'DELETE', path.replace('/api/v1', ''));
    assert.equal(removed.json().cause.imageUrl, null);
    assert.equal((await fetchImage(imageUrl)).statusCode, 404);
  });
});

/** A staff member of the partner: invited by its owner, signed in, accepted. */
async function staffOf(partner: Partner): Promise<Person> {
  const email = `staff-${crypto.randomUUID().slice(0, 8)}@pictures.example`;
  assert.equal((await stage.call(partner.owner, 'POST', `/organisations/${partner.id}/invitations`, { email, role: 'staff' })).statusCode, 201);
  const messages = (await stage.server.app.inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(messages.find((m) => m.to === email)?.text ?? '')?.[1] ?? '';
  const staff = await signInByEmail(stage.server, email, '10.95.0.1');
  assert.equal((await stage.call(staff, 'POST', `/invitations/${token}/accept`)).statusCode, 200);
  return staff;
}
