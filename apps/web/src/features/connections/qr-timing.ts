import type { QrCode } from '../../api/connections.ts';
import { msUntil } from './countdown.ts';

/** The server's refresh period when its times cannot be trusted against this device's clock. */
const defaultRefreshSeconds = 15;

/**
 * When to ask for the next code: at `refreshAt`, unless this device's clock disagrees so much with
 * the server's that the wait looks wrong (already past, or far longer than a period); then after the
 * configured period.
 */
export function refreshDelayMs(code: Pick<QrCode, 'refreshAt'>, now: number, refreshSeconds = defaultRefreshSeconds): number {
  const wait = msUntil(code.refreshAt, now);
  const period = refreshSeconds * 1000;
  return wait <= 0 || wait > period * 2 ? period : wait;
}

/** A short code as typed: spaces and dashes dropped, upper case. */
export function normaliseShortCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}
