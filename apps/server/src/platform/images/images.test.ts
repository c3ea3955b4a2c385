import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { convertUpload, imageProblem, type ImageConverter } from './images.ts';
import { sharpImages } from './sharp-images.ts';

const limits = { maxBytes: 1000, maxSide: 8000, formats: ['jpeg', 'png', 'webp'] };
const photo = { format: 'jpeg', width: 4000, height: 3000 };

test('a picture is one of the formats, within the byte limit and the largest side, judged by its bytes', () => {
  assert.equal(imageProblem(1000, photo, limits), null);
  assert.equal(imageProblem(1000, { ...photo, format: 'png' }, limits), null);
  assert.equal(imageProblem(1000, { ...photo, format: 'webp' }, limits), null);
  assert.equal(imageProblem(1001, photo, limits), 'too-large');
  assert.equal(imageProblem(10, { ...photo, format: 'gif' }, limits), 'unsupported-type');
  assert.equal(imageProblem(10, { ...photo, format: 'svg' }, limits), 'unsupported-type');
  assert.equal(imageProblem(10, null, limits), 'unsupported-type');
  assert.equal(imageProblem(10, { ...photo, width: 8001 }, limits), 'dimensions-too-large');
  assert.equal(imageProblem(10, { ...photo, height: 20000 }, limits), 'dimensions-too-large');
  assert.equal(imageProblem(10, { ...photo, width: 0 }, limits), 'unreadable');
});

test('an upload is converted only when its bytes pass, and a picture that will not decode is unreadable', async () => {
  const calls: string[] = [];
  const converter = (decodes: boolean): ImageConverter => ({
    inspect: async () => (calls.push('inspect'), photo),
    toWebp: async () => (calls.push('convert'), decodes ? Buffer.from('webp') : null),
  });
  assert.deepEqual(await convertUpload(converter(true), Buffer.alloc(2000), limits, { width: 8, height: 8 }), { ok: false, problem: 'too-large' });
  assert.deepEqual(calls, ['inspect'], 'nothing is converted after a refusal');
  assert.deepEqual(await convertUpload(converter(false), Buffer.alloc(10), limits, { width: 8, height: 8 }), { ok: false, problem: 'unreadable' });
  const converted = await convertUpload(converter(true), Buffer.alloc(10), limits, { width: 8, height: 8 });
  assert.ok(converted.ok && converted.image.toString() === 'webp');
});

test('sharp keeps a WebP of the asked size, cropped to cover, without the upload’s metadata', async () => {
  const upload = await sharp({ create: { width: 1200, height: 400, channels: 3, background: '#0b3d91' } }).jpeg().withExif({ IFD0: { Copyright: 'secret-owner' } }).toBuffer();
  const images = sharpImages();
  assert.deepEqual(await images.inspect(upload), { format: 'jpeg', width: 1200, height: 400 });
  assert.equal(await images.inspect(Buffer.from('not a picture')), null);
  const webp = await images.toWebp(upload, { width: 160, height: 100 }, 8000);
  assert.ok(webp);
  const kept = await sharp(webp).metadata();
  assert.deepEqual([kept.format, kept.width, kept.height, kept.exif], ['webp', 160, 100, undefined]);
  assert.equal(await images.toWebp(upload, { width: 16, height: 10 }, 100), null, 'a picture larger than maxSide² pixels is not decoded');
});
