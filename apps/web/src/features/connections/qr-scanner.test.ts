import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from 'qrcode';
import { cameraProblemOf, decodeQrFromImageData } from './qr-scanner.ts';
import type { ImageDataLike } from './qr-scanner.ts';

/** Draws a QR code's modules into an RGBA image, `scale` pixels a module, with a 4-module quiet zone. */
function drawQr(text: string, { scale = 4, invert = false } = {}): ImageDataLike {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const side = (modules.size + quiet * 2) * scale;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - quiet;
      const col = Math.floor(x / scale) - quiet;
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      const dark = inside && modules.get(row, col) === 1;
      const value = dark !== invert ? 0 : 255;
      const i = (y * side + x) * 4;
      data[i] = value;
      data[i + 1] = value;
      data[i + 2] = value;
      data[i + 3] = 255;
    }
  }
  return { data, width: side, height: side };
}

test('a QR code drawn into an image decodes to its text', () => {
  const token = 'v1.eyJzdWIiOiJhY2NvdW50LTEiLCJleHAiOjE4OTM0NTYwMDB9.c2lnbmF0dXJl';
  assert.equal(decodeQrFromImageData(drawQr(token)), token);
});

test('a light-on-dark code (a phone in dark mode) decodes too', () => {
  assert.equal(decodeQrFromImageData(drawQr('HB-123456', { invert: true })), 'HB-123456');
});

test('an image without a code gives nothing', () => {
  const side = 64;
  const blank = { data: new Uint8ClampedArray(side * side * 4).fill(255), width: side, height: side };
  assert.equal(decodeQrFromImageData(blank), undefined);
});

test('a refused camera is told apart from a missing one', () => {
  assert.equal(cameraProblemOf(new DOMException('no', 'NotAllowedError')), 'denied');
  assert.equal(cameraProblemOf(new DOMException('none', 'NotFoundError')), 'unavailable');
  assert.equal(cameraProblemOf('odd'), 'unavailable');
});
