import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config/config.ts';
import type { Database } from './platform/db/database.ts';
import { migrate, type MigrationSet } from './platform/db/migrator.ts';
import { identityModule } from './modules/identity/index.ts';
import { profilesModule } from './modules/profiles/index.ts';
import { connectionsModule } from './modules/connections/index.ts';
import { rewardsModule } from './modules/rewards/index.ts';
import { openPglite } from './platform/db/pglite.ts';
import { openPostgres } from './platform/db/postgres.ts';
import { ErrorRegistry } from './platform/errors/registry.ts';
import { platformErrors } from '@heyblue/contracts/platform';
import { asyncApiDocument } from './platform/events/asyncapi.ts';
import type { EventBus } from './platform/events/bus.ts';
import { deferredBroadcast } from './platform/events/broadcast.ts';
import { InProcessBus } from './platform/events/in-process-bus.ts';
import { NatsBus } from './platform/events/nats-bus.ts';
import type { EventCatalog, EventDefinition } from './platform/events/event-catalog.ts';
import { instrumented } from './platform/events/instrumented.ts';
import type { ModuleDeps, ModuleFacts, OperatorCommand, ServerModule } from './platform/module.ts';
import { buildProduct, buildStandalone, type ProductModules } from './module-wiring.ts';
import { platformEvents } from '@heyblue/contracts/platform';
import { registerOutboxGauges } from './platform/events/outbox-gauges.ts';
import { INBOX_DAYS, startHistorySweeper } from './platform/events/history-sweeper.ts';
import { OutboxRelay } from './platform/events/relay.ts';
import { createUnitOfWork } from './platform/events/unit-of-work.ts';
import { keyringFromJson, loadOrCreateKeyring, type Keyring } from './platform/keys/keyring.ts';
import { createLogger } from './platform/observability/logger.ts';
import { createMetrics, type Metrics } from './platform/observability/metrics.ts';
import { startTracing } from './platform/observability/tracing-setup.ts';
import { devTokenAuthenticator, firstOf } from './platform/ws/dev-authenticator.ts';
import type { WsAuthenticator } from './platform/ws/gateway.ts';
import type { ActorResolver } from './platform/http/actor.ts';
import { deferredFanout, localFanout, natsFanout } from './platform/ws/fanout.ts';
import { WsGateway } from './platform/ws/gateway.ts';
import { SERVER_VERSION } from './version.ts';

/** The product's modules, in dependency order; `module-wiring.ts` builds them and hands each the APIs it calls. Each later issue adds its module here and there. */
export const productModules: ProductModules = { identity: identityModule, profiles: profilesModule, connections: connectionsModule, rewards: rewardsModule };

const platformMigrations: MigrationSet = { schema: 'platform', dir: path.join(import.meta.dirname, 'platform/db/migrations') };

/** Every migration set: the platform's, then each module's. */
export function migrationSetsOf(modules: readonly ModuleFacts[]): MigrationSet[] {
  return [platformMigrations, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))];
}

/** The event catalog of the whole server: the platform's and each module's. */
export function eventCatalogOf(modules: readonly ModuleFacts[]): EventCatalog {
  const catalog: Record<string, EventDefinition> = { ...platformEvents };
  for (const module of modules) {
    for (const [type, definition] of Object.entries(module.events ?? {})) {
      if (catalog[type]) throw new Error(`event ${type} is defined twice`);
      catalog[type] = definition;
    }
  }
  return catalog;
}

/** A composed server: the app plus what must start after listening and stop on shutdown. */
export interface Server {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly database: Database;
  readonly bus: EventBus;
  readonly relay: OutboxRelay;
  readonly gateway: WsGateway;
  readonly keyring: Keyring;
  readonly instanceId: string;
  /** Operator commands offered by the modules, by name. */
  readonly commands: ReadonlyMap<string, OperatorCommand>;
  /** Listens on HOST:PORT and starts the relay; resolves to the address it listens on. */
  listen(): Promise<string>;
  /** Where people open this server, the one origin every printed link names: PUBLIC_URL, or the listening address with a loopback IP as localhost. */
  publicUrl(): string;
  /** Graceful shutdown: stop taking traffic, drain HTTP and websockets, finish the relay batch, close the database. */
  stop(reason: string): Promise<void>;
}

/** What tests may swap: a shared database, a quiet logger, a fixed clock. */
export interface ComposeOverrides {
  readonly database?: Database;
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** NATS subject prefix, so tests on one NATS server stay apart. */
  readonly natsSubjectPrefix?: string;
  /** Modules that call no other module, to run instead of the product's (platform tests run a probe alone). */
  readonly modules?: readonly ServerModule[];
  /** Product modules to run in place of the product's own (a copy with test tunables). */
  readonly product?: Partial<ProductModules>;
  /** Modules that call no other module, to run after the product's (test fixtures). */
  readonly extraModules?: readonly ServerModule[];
  /** Leave the relay stopped after listening (crash tests leave events unrelayed on purpose). */
  readonly relayPaused?: boolean;
  /** Check every JSON answer against the response schema its route declares (the test harness turns it on). */
  readonly checkAnswers?: boolean;
}

/** The composition root: adapters from configuration, then modules, then explicit event subscriptions. */
export async function composeServer(config: Config, overrides: ComposeOverrides = {}): Promise<Server> {
  const logger = overrides.logger ?? createLogger({ level: config.log.level, pretty: config.log.pretty });
  const metrics = createMetrics();
  const clock = overrides.clock ?? systemClock;
  const instanceId = randomUUID();
  const tracing = config.otlpEndpoint ? startTracing({ endpoint: config.otlpEndpoint, serviceName: 'heyblue', version: SERVER_VERSION, instanceId }) : undefined;
  const product = overrides.modules ? undefined : { ...productModules, ...overrides.product };
  const standalone = [...(overrides.modules ?? []), ...(overrides.extraModules ?? [])];
  const modules: readonly ModuleFacts[] = [...(product ? Object.values(product) : []), ...standalone];
  const eventCatalog = eventCatalogOf(modules);
  const database = overrides.database ?? (config.database.kind === 'pglite' ? await openPglite(config.database.dir) : openPostgres(config.database.url));
  try {
    const report = await migrate(database.db, migrationSetsOf(modules));
    if (report.applied.length > 0) logger.info({ applied: report.applied }, 'migrations applied');
    const keyring = config.keys.source === 'config' ? keyringFromJson(config.keys.json) : loadOrCreateKeyring(config.dataDir);

    const bus: EventBus =
      config.bus.kind === 'nats'
        ? new NatsBus({ url: config.bus.url, stream: config.bus.stream, types: Object.keys(eventCatalog), subjectPrefix: overrides.natsSubjectPrefix, maxDeliver: config.outbox.maxAttempts, logger })
        : new InProcessBus();
    registerOutboxGauges(metrics.registry, database.db);
    // PGlite's data folder is locked to one process, so its relay is alone and need not lease rows.
    const relay = new OutboxRelay({ db: database.db, bus, logger, metrics, options: { ...config.outbox, exclusive: database.kind === 'pglite' } });
    const unitOfWork = createUnitOfWork({ db: database.db, catalog: eventCatalog, clock, afterCommit: () => relay.wake() });

    const natsLink = config.bus.kind === 'nats' ? deferredFanout() : undefined;
    const fanout = natsLink ?? localFanout();
    let actorResolver: ActorResolver | undefined;
    const sessionAuthenticator = (): WsAuthenticator | undefined =>
      actorResolver && { authenticate: async (token) => (token ? await actorResolver?.resolve(token).then((a) => (a ? { userId: a.accountId, roles: a.roles } : null)) ?? null : null) };
    const authenticator = firstOf([() => devTokenAuthenticator(config.ws.devTokens), sessionAuthenticator]);
    const gateway = new WsGateway({ options: config.ws, logger, metrics, authenticator, fanout });
    const errors = new ErrorRegistry().register(platformErrors);
    let listeningUrl: string | undefined;
    const publicUrl = (): string => (config.http.publicUrlExplicit ? config.http.publicUrl : (listeningUrl ?? config.http.publicUrl));
    const broadcast = deferredBroadcast(instanceId);
    const deps: ModuleDeps = { config, db: database.db, unitOfWork, gateway, keyring, clock, logger, metrics, publicUrl, broadcast, instanceId };
    const routes: FastifyPluginAsync[] = [];
    const closers: Array<() => Promise<void> | void> = [];
    const starters: Array<() => Promise<void>> = [];
    const commands = new Map<string, OperatorCommand>();
    for (const [module, parts] of [...(product ? buildProduct(product, deps) : []), ...buildStandalone(standalone, deps)]) {
      if (module.errors) errors.register(module.errors);
      if (parts.routes) routes.push(parts.routes);
      if (parts.close) closers.push(parts.close);
      if (parts.start) starters.push(parts.start);
      for (const command of parts.commands ?? []) commands.set(command.name, command);
      if (parts.actorResolver) {
        if (actorResolver) throw new Error(`two modules resolve actors (the second is ${module.name})`);
        actorResolver = parts.actorResolver;
      }
      for (const subscription of parts.subscriptions ?? []) bus.subscribe(instrumented(subscription, metrics));
    }
    await bus.start();
    if (bus instanceof NatsBus && natsLink) natsLink.attach(natsFanout(bus.connection, `${overrides.natsSubjectPrefix ?? ''}heyblue.`));
    if (bus instanceof NatsBus) broadcast.attach(bus.connection, `${overrides.natsSubjectPrefix ?? ''}heyblue.`);
    let shuttingDown = false;
    const app = await buildApp({
      config,
      logger,
      metrics,
      errors,
      gateway,
      readiness: [
        { name: 'database', check: async () => void (await sql`select 1`.execute(database.db)) },
        { name: 'bus', check: async () => { if (bus instanceof NatsBus && bus.connection.isClosed()) throw new Error('NATS connection closed'); } },
      ],
      isShuttingDown: () => shuttingDown,
      checkAnswers: overrides.checkAnswers ?? false,
      asyncApi: asyncApiDocument(eventCatalog, { version: SERVER_VERSION, natsUrl: config.bus.kind === 'nats' ? config.bus.url : undefined }),
      version: SERVER_VERSION,
      routes,
      actorResolver,
    });
    const mode = config.database.kind === 'postgres' ? 'distributed' : 'embedded';
    const system = { actorId: null, correlationId: instanceId, causationId: null };

    let stopping: Promise<void> | undefined;
    let listening = false;
    let historySweeper: { stop(): Promise<void> } | undefined;
    return {
      app, config, logger, metrics, database, bus, relay, gateway, keyring, instanceId, commands, publicUrl,
      async listen() {
        const address = await app.listen({ host: config.http.host, port: config.http.port });
        listening = true;
        // Passkeys need a host name, and 127.0.0.1 cannot be one: links on a loopback server say localhost.
        listeningUrl = address.replace('//127.0.0.1:', '//localhost:');
        if (!overrides.relayPaused) relay.start();
        historySweeper ??= startHistorySweeper({ db: database.db, retention: { eventDays: config.outbox.retentionDays, inboxDays: INBOX_DAYS }, logger });
        for (const start of starters) await start();
        await unitOfWork(system, async (_trx, events) => events.emit('platform.instance-started.v1', { instanceId, version: SERVER_VERSION, mode }));
        return address;
      },
      stop(reason) {
        stopping ??= (async () => {
          shuttingDown = true;
          const step = async (name: string, work: () => Promise<unknown>): Promise<void> => {
            const started = Date.now();
            await work();
            logger.info({ step: name, ms: Date.now() - started }, 'shutdown step done');
          };
          await step('websockets closed', () => gateway.close());
          const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
          await step('HTTP drained', () => app.close()).finally(() => clearInterval(sweep));
          if (listening) await step('stop recorded', () => unitOfWork(system, async (_trx, events) => events.emit('platform.instance-stopped.v1', { instanceId, reason })).catch((error: unknown) => logger.warn({ err: error }, 'could not record the stop')));
          await step('relay batch finished', () => relay.stop());
          await step('history sweep finished', async () => historySweeper?.stop());
          await step('modules closed', async () => { for (const close of closers) await close(); });
          await step('bus closed', async () => { broadcast.close(); await bus.close(); });
          await step('database closed', () => database.close());
          if (tracing) await step('traces flushed', () => tracing.shutdown());
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
