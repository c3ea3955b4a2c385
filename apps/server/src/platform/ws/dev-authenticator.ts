import type { WsActor, WsAuthenticator } from './gateway.ts';

/**
 * Until sign-in exists: accepts `dev:<userId>` tokens when development tokens are on, refuses all else.
 * The identity module replaces it with session-token verification.
 */
export function devTokenAuthenticator(enabled: boolean): WsAuthenticator {
  return {
    async authenticate(token): Promise<WsActor | null> {
      if (!enabled || !token) return null;
      const match = /^dev:([A-Za-z0-9_-]{1,64})$/.exec(token);
      return match?.[1] ? { userId: match[1] } : null;
    },
  };
}

/** Tries each authenticator in turn; the first actor wins. */
export function firstOf(authenticators: ReadonlyArray<() => WsAuthenticator | undefined>): WsAuthenticator {
  return {
    async authenticate(token) {
      for (const get of authenticators) {
        const actor = await get()?.authenticate(token);
        if (actor) return actor;
      }
      return null;
    },
  };
}
