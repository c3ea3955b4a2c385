import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';

/** Who is asking: a signed-in account, the session it came through, and its roles. */
export interface Actor {
  readonly accountId: string;
  readonly sessionId: string;
  readonly roles: readonly string[];
}

/** Turns a bearer token into an actor, or null when the token is not valid (the identity module provides it). */
export interface ActorResolver {
  resolve(token: string): Promise<Actor | null>;
}

/**
 * Sets `request.actor` from `Authorization: Bearer …` (null when absent). A token that is present but
 * not valid is refused with 401 PLATFORM_UNAUTHENTICATED rather than treated as anonymous.
 */
export function registerActorResolution(app: FastifyInstance, resolver: ActorResolver | undefined): void {
  app.decorateRequest('actor', null);
  if (!resolver) return;
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (!header) return;
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    const actor = match?.[1] ? await resolver.resolve(match[1]) : null;
    if (!actor) throw new AppError('PLATFORM_UNAUTHENTICATED', 'Your session has ended; sign in again.');
    request.actor = actor;
  });
}

/** The signed-in actor of a request, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('PLATFORM_UNAUTHENTICATED');
  return request.actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in actor, or null for an anonymous request. */
    actor: Actor | null;
  }
}
