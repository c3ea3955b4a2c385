// Profiles: public profile (display name, bio, picture), privacy settings, data export, and a read
// model of what a person did that later modules feed through their events.
// Events in: identity.account-created.v1 (creates the profile), identity.officer-verified.v1 (shows the
// precinct, hides the bio by default), identity.account-deleted.v1 (removes it), connections.connection-made.v1
// (counts connections made), rewards.points-awarded.v1, rewards.voucher-issued.v1, rewards.voucher-cancelled.v1,
// rewards.donation-made.v1 (points earned, spent and donated).
// Events out: profiles.profile-updated.v1. API (ProfilesApi): public cards, for modules that show a person.
// Calls identity's API for the roster name behind an officer's suggested public name.
import path from 'node:path';
import type { IdentityApi } from '@heyblue/contracts/identity';
import type { ProfilesApi } from '@heyblue/contracts/profiles';
import { transactionsOn } from '../../platform/db/sql-of.ts';
import { sharpImages } from '../../platform/images/sharp-images.ts';
import type { ServerModule } from '../../platform/module.ts';
import { avatarRoutes } from './adapters/avatar.routes.ts';
import { identityConsumers } from './adapters/identity.consumers.ts';
import { profileStore } from './adapters/profile-store.pg.ts';
import { profilesApi } from './adapters/profiles.api.ts';
import { profileRoutes } from './adapters/profile.routes.ts';
import { rewardsConsumers } from './adapters/rewards.consumers.ts';
import type { ProfilesDeps } from './application/profiles-deps.ts';
import { profilesEvents } from '@heyblue/contracts/profiles';
import { profilesErrors } from '@heyblue/contracts/profiles';

/** The profiles module. */
export const profilesModule: ServerModule<{ readonly identity: IdentityApi }, ProfilesApi> = {
  name: 'profiles',
  events: profilesEvents,
  migrations: { schema: 'profiles', dir: path.join(import.meta.dirname, 'migrations') },
  errors: profilesErrors,
  create(platform, apis) {
    const deps: ProfilesDeps = {
      db: platform.db, transaction: transactionsOn(platform.db), store: profileStore(), images: sharpImages(), clock: platform.clock, unitOfWork: platform.unitOfWork, identity: apis.identity,
    };
    return {
      routes: async (app) => {
        await app.register(profileRoutes(deps));
        await app.register(avatarRoutes(deps));
      },
      subscriptions: [...identityConsumers(deps), ...rewardsConsumers(deps)],
      api: profilesApi(deps),
    };
  },
};
