// Connections: officers' availability windows, live locations over the websocket, "an officer is near"
// from an in-memory proximity index of snapped officer cells, connection requests, QR codes and
// virtual connections. Live positions never reach the database or the logs (docs/adr/0009).
// Events in: identity.officer-verified.v1 (who may be available), identity.account-deleted.v1.
// Events out: connections.availability-started.v1, connections.availability-ended.v1,
// connections.connection-requested.v1, connections.connection-made.v1.
import type { RewardsApi } from '@heyblue/contracts/rewards';
import path from 'node:path';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { ServerModule } from '../../platform/module.ts';
import { availabilityRoutes } from './adapters/availability.routes.ts';
import { connectionsStore } from './adapters/connections-store.pg.ts';
import { connectionsRoutes } from './adapters/connections.routes.ts';
import { eventCell, h3Snapper } from './adapters/h3-snapper.ts';
import { housekeeping } from './adapters/housekeeping.ts';
import { identityConsumers } from './adapters/identity.consumers.ts';
import { broadcastLink } from './adapters/live-link.nats.ts';
import { registerLocationMessages } from './adapters/location.ws.ts';
import { requestsRoutes } from './adapters/requests.routes.ts';
import { censusZipLookup } from './adapters/zip-lookup.ts';
import { loadOpenWindows } from './application/availability.ts';
import type { ConnectionsDeps } from './application/connections-deps.ts';
import { LiveHub } from './application/live-hub.ts';
import { soloLink } from './application/live-link.ts';
import { connectionsEvents, type ConnectionsPush } from '@heyblue/contracts/connections';
import { LiveMap } from './domain/live-map.ts';
import { connectionsErrors } from '@heyblue/contracts/connections';

/** Past the radius, an officer stops being near only this much farther (hysteresis). */
const LEAVE_MARGIN_M = 250;
/** A citizen hears of at most this many officers. */
const MAX_NEARBY = 20;
/** A citizen's position is dropped after this long without a fix. */
const CITIZEN_TTL_MS = 2 * 60_000;

/** What tests may look into after building the module: the live map and the hub (retention, privacy and integrity tests). */
export interface ConnectionsProbe {
  map: LiveMap | undefined;
  hub?: LiveHub | undefined;
}

/** The connections module. */
export const connectionsModule: ServerModule<{ readonly rewards: RewardsApi }> = createConnectionsModule();

/** Builds the module; a probe, when given, receives the live map once the module is created (tests only). */
export function createConnectionsModule(probe?: ConnectionsProbe): ServerModule<{ readonly rewards: RewardsApi }> {
  return {
    name: 'connections',
    events: connectionsEvents,
    migrations: {
      schema: 'connections',
      dir: path.join(import.meta.dirname, 'migrations'),
    },
    errors: connectionsErrors,
    create(platform, apis) {
      const settings = platform.config.connections;
      const logger = platform.logger.child({ module: 'connections' });
      const push = (userId: string, message: ConnectionsPush): void => {
        platform.gateway.sendToUser(userId, message).catch((error: unknown) => logger.warn({ err: error, type: message.type }, 'could not push a live message'));
      };
      const map = new LiveMap({
        radiusM: settings.nearbyRadiusM,
        leaveMarginM: LEAVE_MARGIN_M,
        maxNearby: MAX_NEARBY,
        citizenTtlMs: CITIZEN_TTL_MS,
        snapper: h3Snapper(),
        notify: LiveHub.noticeSink(push),
      });
      if (probe) probe.map = map;
      const store = connectionsStore();
      const fixes = new Counter({ name: 'heyblue_location_fixes_total', help: 'Location fixes received, by outcome (accepted or the rejection code)', labelNames: ['outcome'] as const, registers: [platform.metrics.registry] });
      const acceptedFixes = fixes.labels('accepted');
      const fixSeconds = new Histogram({ name: 'heyblue_location_fix_seconds', help: 'Time to check and apply one accepted fix (index, notifications)', buckets: [0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05], registers: [platform.metrics.registry] });
      new Gauge({ name: 'heyblue_live_officers_available', help: 'Officers with an open window in this instance’s live map', registers: [platform.metrics.registry], collect() { this.set(map.stats.available); } });
      new Gauge({ name: 'heyblue_live_positions', help: 'People whose live position this instance holds in memory', registers: [platform.metrics.registry], collect() { this.set(map.stats.positions); } });
      const hub = new LiveHub({
        map,
        link: platform.config.bus.kind === 'nats' ? broadcastLink(platform.broadcast) : soloLink(),
        clock: platform.clock,
        maxAccuracyM: settings.maxAccuracyM,
        push,
        observe: (outcome, seconds) => {
          // The accepted series is bound once: a label lookup per fix is measurable at 10k fixes/s.
          if (outcome !== 'accepted') return fixes.inc({ outcome });
          acceptedFixes.inc();
          fixSeconds.observe(seconds);
        },
        recordFlag: (accountId, flag) => {
          store
            .insertFraudFlag(platform.db, {
              id: crypto.randomUUID(),
              accountId,
              ...flag,
              flaggedAt: platform.clock.now(),
            })
            .catch((error: unknown) => logger.warn({ err: error }, 'could not record a fraud flag'));
        },
      });
      if (probe) probe.hub = hub;
      const zips = censusZipLookup();
      const deps: ConnectionsDeps = {
        db: platform.db,
        store,
        clock: platform.clock,
        unitOfWork: platform.unitOfWork,
        settings,
        map,
        hub,
        push,
        qrKeys: () => ({
          signing: platform.keyring.secret('qr-mac'),
          verifying: platform.keyring.secrets('qr-mac'),
        }),
        coarseCell: eventCell,
        zipOf: (lat, lon) => zips.zipOf(lat, lon),
        pairConnectionsPerDay: () => apis.rewards.pairConnectionsPerDay(),
      };
      registerLocationMessages(platform.gateway, hub);
      const chores = housekeeping(deps, logger, settings.disconnectGraceSeconds);
      platform.gateway.onPresence((userId, online) => (online ? chores.online(userId) : chores.offline(userId, () => platform.gateway.isOnlineHere(userId))));
      return {
        routes: async (app) => {
          await app.register(availabilityRoutes(deps));
          await app.register(requestsRoutes(deps));
          await app.register(connectionsRoutes(deps));
        },
        subscriptions: identityConsumers(deps),
        start: async () => {
          const open = await loadOpenWindows(deps);
          if (open > 0) logger.info({ open }, 'open availability windows loaded');
          chores.start();
        },
        close: () => chores.stop(),
      };
    },
  };
}
