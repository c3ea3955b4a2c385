// Rewards: the points ledger (double entry, idempotent, never overdrawn), earning rules (versioned),
// offers and schemes, vouchers (MAC'd codes and short codes) and the external-issuer saga, donations
// to causes and gifts between colleagues (docs/adr/0010-points-ledger.md, docs/rewards-api.md).
// Events in: connections.connection-made.v1 (awards), identity.organisation-approved.v1,
// identity.member-added.v1, identity.officer-verified.v1, identity.account-created.v1, identity.account-deleted.v1.
// Events out: rewards.points-awarded.v1, rewards.voucher-issued.v1, rewards.voucher-used.v1,
// rewards.voucher-cancelled.v1, rewards.redemption-failed.v1, rewards.donation-made.v1, rewards.gift-sent.v1.
// Calls: identity's API (memberships, for partner access), profiles' API (colleagues' public cards).
// API (RewardsApi): upsertOffers, for the partners' imports.
import path from 'node:path';
import type { IdentityApi } from '@heyblue/contracts/identity';
import type { ProfilesApi } from '@heyblue/contracts/profiles';
import type { RewardsApi } from '@heyblue/contracts/rewards';
import { transactionsOn } from '../../platform/db/sql-of.ts';
import { sharpImages } from '../../platform/images/sharp-images.ts';
import type { ServerModule } from '../../platform/module.ts';
import type { IssuerPolicy } from './application/issuer-saga.ts';
import type { RewardsDeps } from './application/rewards-deps.ts';
import { adminRoutes } from './adapters/admin.routes.ts';
import { catalogueImageRoutes } from './adapters/catalogue-image.routes.ts';
import { catalogueRoutes } from './adapters/catalogue.routes.ts';
import { catalogueStore } from './adapters/catalogue-store.pg.ts';
import { givingStore } from './adapters/giving-store.pg.ts';
import { housekeeping } from './adapters/housekeeping.ts';
import { idempotencyStore } from './adapters/idempotency-store.pg.ts';
import { httpIssuerClient } from './adapters/issuer-client.http.ts';
import { issuerRunner } from './adapters/issuer-runner.ts';
import { ledgerStore } from './adapters/ledger-store.pg.ts';
import { livePushes } from './adapters/live-pushes.ts';
import { operatorCommands } from './adapters/operator-commands.ts';
import { partnerRoutes } from './adapters/partner.routes.ts';
import { rewardsApi } from './adapters/rewards.api.ts';
import { rewardsConsumers } from './adapters/rewards.consumers.ts';
import { rulesStore } from './adapters/rules-store.pg.ts';
import { awardBatchStore } from './adapters/award-batch-store.pg.ts';
import { voucherSeal } from './adapters/voucher-seal.ts';
import { voucherStore } from './adapters/voucher-store.pg.ts';
import { walletRoutes } from './adapters/wallet.routes.ts';
import { rewardsEvents } from '@heyblue/contracts/rewards';
import { rewardsErrors } from '@heyblue/contracts/rewards';

/** Tunables of the module (tests shorten the issuer's timeouts). */
export interface RewardsOptions {
  /** How long one issuer call may take. */
  readonly issuerTimeoutMs: number;
  /** Calls before a pending voucher is given up and compensated. */
  readonly issuerMaxAttempts: number;
  /** The wait before the next call after the n-th failed one. */
  readonly issuerBackoffMs: (attempt: number) => number;
  /** How often the saga looks for due vouchers (it is also woken by each redemption). */
  readonly issuerIntervalMs: number;
  /** Typed short codes one till (session) may try a minute. */
  readonly shortCodesPerMinute: number;
}

const defaults: RewardsOptions = {
  issuerTimeoutMs: 5_000,
  issuerMaxAttempts: 5,
  issuerBackoffMs: (attempt) => Math.min(60_000, 1_000 * 2 ** attempt),
  issuerIntervalMs: 2_000,
  shortCodesPerMinute: 30,
};

/** Where a benchmark or test is handed the module's wiring, to call its use cases without HTTP. */
export interface RewardsProbe {
  deps: RewardsDeps | undefined;
}

/** The module APIs rewards calls, handed to it by the composition root. */
export interface RewardsNeeds {
  readonly identity: IdentityApi;
  readonly profiles: ProfilesApi;
}

/** The rewards module. */
export const rewardsModule: ServerModule<RewardsNeeds, RewardsApi> = createRewardsModule();

/** Builds the module with its tunables. */
export function createRewardsModule(overrides: Partial<RewardsOptions> = {}, probe?: RewardsProbe): ServerModule<RewardsNeeds, RewardsApi> {
  const options = { ...defaults, ...overrides };
  return {
    name: 'rewards',
    events: rewardsEvents,
    migrations: { schema: 'rewards', dir: path.join(import.meta.dirname, 'migrations') },
    errors: rewardsErrors,
    create(platform, { identity, profiles }) {
      const logger = platform.logger.child({ module: 'rewards' });
      const secrets = () => ({ signing: platform.keyring.secret('voucher-mac'), all: platform.keyring.secrets('voucher-mac') });
      let wake = (): void => {};
      const deps: RewardsDeps = {
        db: platform.db,
        transaction: transactionsOn(platform.db),
        unitOfWork: platform.unitOfWork,
        clock: platform.clock,
        timeZone: platform.config.timeZone,
        ledger: ledgerStore(),
        catalogue: catalogueStore(),
        vouchers: voucherStore(),
        rules: rulesStore(),
        awards: awardBatchStore(),
        giving: givingStore(),
        keys: idempotencyStore(),
        images: sharpImages(),
        identity,
        profiles,
        voucherKeys: () => ({ signing: secrets().signing, verifying: secrets().all }),
        seal: voucherSeal(secrets),
        push: (userId, message) => {
          platform.gateway.sendToUser(userId, message).catch((error: unknown) => logger.warn({ err: error, type: message.type }, 'could not push a live message'));
        },
        wakeIssuer: () => wake(),
      };
      if (probe) probe.deps = deps;
      const policy: IssuerPolicy = { maxAttempts: options.issuerMaxAttempts, backoffMs: options.issuerBackoffMs, leaseMs: options.issuerTimeoutMs * 3 + 1_000 };
      const saga = issuerRunner(deps, httpIssuerClient({ timeoutMs: options.issuerTimeoutMs }), policy, logger, options.issuerIntervalMs);
      wake = saga.wake;
      const sweeper = housekeeping(deps, logger);
      return {
        routes: async (app) => {
          await app.register(walletRoutes(deps));
          await app.register(catalogueRoutes(deps));
          await app.register(catalogueImageRoutes(deps));
          await app.register(partnerRoutes(deps, { shortCodesPerMinute: options.shortCodesPerMinute }));
          await app.register(adminRoutes(deps));
        },
        subscriptions: [...rewardsConsumers(deps), ...livePushes(deps)],
        api: rewardsApi(deps),
        commands: operatorCommands(deps),
        start: async () => {
          saga.start();
          sweeper.start();
        },
        close: async () => {
          await Promise.all([saga.stop(), sweeper.stop()]);
        },
      };
    },
  };
}
