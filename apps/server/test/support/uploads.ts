// Pictures and multipart/form-data bodies for tests of upload routes (profile pictures, catalogue images).
import sharp, { type Sharp } from 'sharp';

/** One part of a multipart/form-data body. */
export interface FormPart {
  readonly name: string;
  readonly file?: { readonly bytes: Uint8Array; readonly filename: string; readonly type: string };
  readonly value?: string;
}

/** A plain picture of the given size, to encode in any format. */
export function aPicture(width: number, height: number, colour = '#1d4ed8'): Sharp {
  return sharp({ create: { width, height, channels: 3, background: colour } });
}

/** A multipart/form-data body as a browser would send it, with its content type. */
export async function formWith(parts: readonly FormPart[]): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const part of parts) {
    if (part.file) form.append(part.name, new Blob([new Uint8Array(part.file.bytes)], { type: part.file.type }), part.file.filename);
    else form.append(part.name, part.value ?? '');
  }
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' };
}

/** A multipart/form-data body with one file part whose Content-Disposition is written exactly as given (hostile names, odd bytes). */
export function rawFileForm(disposition: string, bytes: Uint8Array, type = 'image/png'): { body: Buffer; contentType: string } {
  const boundary = 'raw-upload-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: ${type}\r\n\r\n`, 'utf8'),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
