import type { QRCodeToDataURLOptions } from 'qrcode';

type ToDataUrl = (text: string, options: QRCodeToDataURLOptions) => Promise<string>;

function hasToDataUrl(value: unknown): value is { toDataURL: ToDataUrl } {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'toDataURL') === 'function';
}

/**
 * A QR code of `text` as a PNG data URL: dark on white whatever the theme, with a quiet zone, as
 * scanners need. The `qrcode` library is loaded on first use (CommonJS: its functions may sit on
 * the module or on its default export, depending on the bundler).
 */
export async function qrDataUrl(text: string, sizePx = 256): Promise<string> {
  const loaded: unknown = await import('qrcode');
  const api = [loaded, Reflect.get(Object(loaded), 'default')].find(hasToDataUrl);
  if (!api) throw new Error('The QR code library did not load.');
  return api.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: sizePx, color: { dark: '#000000', light: '#ffffff' } });
}
