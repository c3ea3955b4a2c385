import { AppError } from '../../../platform/errors/app-error.ts';

/** A citizen may have this many requests waiting at once. */
export const MAX_PENDING_PER_CITIZEN = 3;
/** After an officer declines, the same citizen waits this long before asking them again. */
export const DECLINE_COOLDOWN_MS = 10 * 60_000;
/** After a proximity connection, each sees the other's position this long to meet. */
export const MEET_MS = 10 * 60_000;

/** A citizen cannot pile up requests. */
export function assertPendingBelowLimit(pending: number): void {
  if (pending >= MAX_PENDING_PER_CITIZEN) throw new AppError('CONNECTIONS_TOO_MANY_PENDING');
}

/** A decline is respected for a while. */
export function assertNoRecentDecline(lastDeclinedAt: Date | undefined, now: Date): void {
  if (lastDeclinedAt && now.getTime() - lastDeclinedAt.getTime() < DECLINE_COOLDOWN_MS) throw new AppError('CONNECTIONS_DECLINE_COOLDOWN');
}

/** A pair connecting again and again in a day is farming, not meeting: at most `limit` connections in a rolling day (a rewards setting). */
export function assertPairBelowDailyLimit(connectionsInLastDay: number, limit: number): void {
  if (connectionsInLastDay >= limit) throw new AppError('CONNECTIONS_PAIR_DAILY_LIMIT');
}

/** Only a pending request that has not lapsed can be answered. */
export function assertAnswerable(request: { readonly status: string; readonly expiresAt: Date }, now: Date): void {
  if (request.status === 'pending' && request.expiresAt.getTime() <= now.getTime()) throw new AppError('CONNECTIONS_REQUEST_EXPIRED');
  if (request.status === 'expired') throw new AppError('CONNECTIONS_REQUEST_EXPIRED');
  if (request.status !== 'pending') throw new AppError('CONNECTIONS_REQUEST_NOT_PENDING');
}
