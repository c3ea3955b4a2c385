import type { ActorResolver } from '../../../platform/http/actor.ts';
import type { AccessTokens, IdentityStore } from '../application/ports.ts';

/** Access tokens become actors while their session family is not revoked, so signing out takes effect at once. */
export function sessionActorResolver(tokens: AccessTokens, store: IdentityStore): ActorResolver {
  return {
    async resolve(token) {
      const claims = await tokens.verify(token);
      if (!claims || !(await store.isFamilyActive(claims.sessionId))) return null;
      return { accountId: claims.accountId, sessionId: claims.sessionId, roles: claims.roles };
    },
  };
}
