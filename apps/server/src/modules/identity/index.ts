// Identity: accounts, sign-in without passwords, sessions, roles.
// Events out: identity.account-created.v1. Events in: none yet.
// Gives the platform its ActorResolver (bearer tokens for HTTP and the websocket).
import path from 'node:path';
import type { ServerModule } from '../../platform/module.ts';
import { accessTokens } from './adapters/access-tokens.ts';
import { sessionActorResolver } from './adapters/actor-resolver.ts';
import { authRoutes } from './adapters/auth.routes.ts';
import { createDelivery } from './adapters/delivery/create-delivery.ts';
import { devOutboxRoutes } from './adapters/delivery/dev-outbox.routes.ts';
import { identityStore } from './adapters/identity-store.pg.ts';
import { meRoutes } from './adapters/me.routes.ts';
import type { IdentityDeps } from './application/identity-deps.ts';
import { identityEvents } from './contracts.ts';
import { identityErrors } from './errors.ts';

/** The identity module. */
export const identityModule: ServerModule = {
  name: 'identity',
  events: identityEvents,
  migrations: { schema: 'identity', dir: path.join(import.meta.dirname, 'migrations') },
  errors: identityErrors,
  create(platform) {
    const store = identityStore(platform.db);
    const tokens = accessTokens(platform.keyring, platform.config.http.publicUrl);
    const { delivery, devOutbox, close } = createDelivery({ settings: platform.config.delivery, mode: platform.config.mode, logger: platform.logger });
    const deps: IdentityDeps = { db: platform.db, store, tokens, keyring: platform.keyring, delivery, clock: platform.clock, unitOfWork: platform.unitOfWork };
    const secureCookies = platform.config.http.publicUrl.startsWith('https://');
    return {
      routes: async (app) => {
        await app.register(authRoutes(deps, { secureCookies }));
        await app.register(meRoutes(deps));
        if (devOutbox) await app.register(devOutboxRoutes(devOutbox));
      },
      actorResolver: sessionActorResolver(tokens, store),
      close,
    };
  },
};
