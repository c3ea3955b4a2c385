import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RequestContext } from '../application/identity-deps.ts';

/** Request facts for audit and rate limits. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { correlationId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** A WebAuthn response as the browser's JSON serialisation gives it; SimpleWebAuthn checks it field by field. */
export const WebAuthnResponse = Type.Object({ id: Type.String({ maxLength: 1024 }), rawId: Type.String({ maxLength: 1024 }), type: Type.Literal('public-key'), response: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: true });
