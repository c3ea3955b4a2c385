import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../../platform/http/actor.ts';
import type { Caller } from '../application/connections-deps.ts';

/** The signed-in caller of a request (401 when anonymous). */
export function callerOf(request: FastifyRequest): Caller {
  const actor = requireActor(request);
  return { accountId: actor.accountId, roles: actor.roles, correlationId: request.id };
}
