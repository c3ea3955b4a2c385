import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../application/identity-deps.ts';

/** Request facts for audit and rate limits. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { correlationId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}
