/** Pictures for browser tests, made here: a PNG of soft diagonal bands in two colours (no image library needed). */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width×height RGB PNG shading from `from` to `to` (#rrggbb) in diagonal bands, like a photo's soft light. */
export function bandedPng(width: number, height: number, from: string, to: string): Buffer {
  const a = [1, 3, 5].map((i) => parseInt(from.slice(i, i + 2), 16));
  const b = [1, 3, 5].map((i) => parseInt(to.slice(i, i + 2), 16));
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const mix = ((x + y) / (width + height)) * 0.8 + 0.2 * (0.5 + 0.5 * Math.sin((x - y) / 40));
      for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round((a[c] ?? 0) * (1 - mix) + (b[c] ?? 0) * mix);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Sets a picture through the API (one file in a multipart form, as the dashboard sends it); answers its URL. */
export async function putPicture(server: { url: string }, token: string, path: string, png: Buffer): Promise<string> {
  const form = new FormData();
  form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'picture.png');
  const response = await fetch(`${server.url}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, body: form });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`the picture was refused: ${response.status} ${JSON.stringify(body)}`);
  const pictured = Object.values(body as Record<string, { imageUrl?: unknown }>)[0];
  if (typeof pictured?.imageUrl !== 'string') throw new Error(`no imageUrl in ${JSON.stringify(body)}`);
  return pictured.imageUrl;
}
