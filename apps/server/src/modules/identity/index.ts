// Identity: accounts, sign-in without passwords, sessions, roles.
// Events out: identity.account-created.v1, identity.account-deleted.v1, identity.officer-verified.v1,
// identity.organisation-approved.v1, identity.member-added.v1. Events in: none.
// Gives the platform its ActorResolver (bearer tokens for HTTP and the websocket).
// API (IdentityApi): memberships of organisations, for modules that decide who may act for one.
import path from 'node:path';
import type { IdentityApi } from '@heyblue/contracts/identity';
import { transactionsOn } from '../../platform/db/sql-of.ts';
import type { NoApis, ServerModule } from '../../platform/module.ts';
import { accessTokens } from './adapters/access-tokens.ts';
import { sessionActorResolver } from './adapters/actor-resolver.ts';
import { authRoutes } from './adapters/auth.routes.ts';
import { passkeyRoutes } from './adapters/passkeys.routes.ts';
import { openIdProvider } from './adapters/oidc-provider.ts';
import { createDelivery } from './adapters/delivery/create-delivery.ts';
import { devOutboxRoutes } from './adapters/delivery/dev-outbox.routes.ts';
import { identityStore } from './adapters/identity-store.pg.ts';
import { meRoutes } from './adapters/me.routes.ts';
import { adminRoutes } from './adapters/admin.routes.ts';
import { organisationRoutes } from './adapters/organisations.routes.ts';
import { organisationStore } from './adapters/organisation-store.pg.ts';
import { passkeyStore } from './adapters/passkey-store.pg.ts';
import { officerClaimStore } from './adapters/officer-claim-store.pg.ts';
import { identityApi } from './adapters/identity.api.ts';
import type { IdentityDeps } from './application/identity-deps.ts';
import { identityEvents } from '@heyblue/contracts/identity';
import { identityErrors } from '@heyblue/contracts/identity';
import { createBootstrapLinkIfNoAdmin } from './application/admins.ts';
import { operatorCommands } from './adapters/operator-commands.ts';

/** The identity module. */
export const identityModule: ServerModule<NoApis, IdentityApi> = {
  name: 'identity',
  events: identityEvents,
  migrations: { schema: 'identity', dir: path.join(import.meta.dirname, 'migrations') },
  errors: identityErrors,
  create(platform) {
    const store = identityStore(platform.db);
    const tokens = accessTokens(platform.keyring, platform.config.http.publicUrl);
    const { delivery, devOutbox, close } = createDelivery({ settings: platform.config.delivery, mode: platform.config.mode, logger: platform.logger });
    const deps: IdentityDeps = {
      db: platform.db,
      transaction: transactionsOn(platform.db),
      store,
      tokens,
      keyring: platform.keyring,
      delivery,
      clock: platform.clock,
      unitOfWork: platform.unitOfWork,
      organisations: organisationStore(),
      passkeys: passkeyStore,
      claims: officerClaimStore(),
      publicUrl: platform.publicUrl,
    };
    const secureCookies = platform.config.http.publicUrl.startsWith('https://');
    const oidcSettings = platform.config.oidc;
    const oidc = oidcSettings && {
      label: oidcSettings.label,
      provider: openIdProvider({ ...oidcSettings, redirectUri: `${platform.config.http.publicUrl}/api/v1/auth/oidc/callback` }),
    };
    return {
      routes: async (app) => {
        await app.register(authRoutes(deps, { secureCookies, mode: platform.config.mode, signInPerMinute: platform.config.http.signInRateLimitPerMinute, oidc }));
        await app.register(passkeyRoutes(deps, { mode: platform.config.mode }));
        await app.register(meRoutes(deps));
        await app.register(organisationRoutes(deps));
        await app.register(adminRoutes(deps));
        if (devOutbox) await app.register(devOutboxRoutes(devOutbox));
      },
      api: identityApi(deps),
      actorResolver: sessionActorResolver(tokens, store),
      close,
      start: async () => {
        if (platform.config.mode !== 'development' || platform.config.database.kind !== 'pglite') return;
        const link = await createBootstrapLinkIfNoAdmin(deps);
        if (!link) return;
        platform.logger.info({ devFirstAdmin: true }, 'no admin yet: a one-time first-admin link was printed');
        console.log(`\nNo admin yet. Open this one-time link within 24 hours to become the first admin:\n  ${link}\n`);
      },
      commands: operatorCommands(deps, platform.config.mode),
    };
  },
};
