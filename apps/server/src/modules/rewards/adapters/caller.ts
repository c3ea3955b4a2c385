import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors/app-error.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import type { Caller } from '../application/rewards-deps.ts';
import { isIdempotencyKey } from '../domain/idempotency.ts';

/** The signed-in caller of a request (401 when anonymous). */
export function callerOf(request: FastifyRequest): Caller {
  const actor = requireActor(request);
  return { accountId: actor.accountId, roles: actor.roles, correlationId: request.id };
}

/** The request's Idempotency-Key header, or a 400 that says how to send one. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers['idempotency-key'];
  if (!isIdempotencyKey(key)) throw new AppError('REWARDS_IDEMPOTENCY_KEY_REQUIRED');
  return key;
}

/** A till is a signed-in session: typed short codes are limited per session, per minute. */
export function tillLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one typed code for the session; throws once the minute's allowance is spent. */
    take(request: FastifyRequest): void {
      const session = requireActor(request).sessionId;
      const t = now();
      const window = windows.get(session);
      if (!window || t - window.start >= 60_000) {
        if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= 60_000) windows.delete(k);
        windows.set(session, { start: t, count: 1 });
        return;
      }
      window.count += 1;
      if (window.count > perMinute) throw new AppError('REWARDS_SHORT_CODE_RATE_LIMITED');
    },
  };
}
