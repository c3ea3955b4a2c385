import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { ActorResolver } from './http/actor.ts';
import type { Config } from './config/config.ts';
import type { Db } from './db/database.ts';
import type { MigrationSet } from './db/migrator.ts';
import type { ErrorSpec } from './errors/app-error.ts';
import type { Broadcast } from './events/broadcast.ts';
import type { Subscription } from './events/bus.ts';
import type { EventCatalog } from './events/event-catalog.ts';
import type { UnitOfWork } from './events/unit-of-work.ts';
import type { Keyring } from './keys/keyring.ts';
import type { Metrics } from './observability/metrics.ts';
import type { WsGateway } from './ws/gateway.ts';

/** What the composition root hands every module when it builds it. */
export interface ModuleDeps {
  readonly config: Config;
  readonly db: Db;
  readonly unitOfWork: UnitOfWork<EventCatalog>;
  readonly gateway: WsGateway;
  readonly keyring: Keyring;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Messages to the other instances' memory (NATS core in distributed mode; nobody to tell in embedded mode). */
  readonly broadcast: Broadcast;
  /** This instance's id (unique per process). */
  readonly instanceId: string;
  /** Where users reach this server, for links in messages: PUBLIC_URL, or (when unset) the address it listens on, as localhost. */
  readonly publicUrl: () => string;
}

/** What a built module gives back: its routes (mounted under /api/v1), its event consumers, and its API for other modules. */
export interface ModuleParts<Api = undefined> {
  /**
   * Functions other modules may call synchronously (an interface declared in `@heyblue/contracts/<module>`);
   * the composition root hands it to the modules built after this one that need it (docs/adr/0013-module-apis.md).
   */
  readonly api?: Api;
  readonly routes?: FastifyPluginAsync;
  readonly subscriptions?: readonly Subscription[];
  /** Only the identity module gives one: how bearer tokens (HTTP and websocket) become actors. */
  readonly actorResolver?: ActorResolver;
  /** Operator commands the CLI can run against a composed (not listening) server, e.g. `admin.create`. */
  readonly commands?: readonly OperatorCommand[];
  /** Runs once the server listens (e.g. first-start setup); a throw stops the start. */
  readonly start?: () => Promise<void>;
  /** Releases what the module holds (provider connections) at shutdown, after HTTP has drained. */
  readonly close?: () => Promise<void> | void;
}

/** Static facts about a module, known before anything starts: events for the bus and AsyncAPI, migrations, error codes. */
export interface ModuleFacts {
  readonly name: string;
  readonly events?: EventCatalog;
  readonly migrations?: MigrationSet;
  readonly errors?: Readonly<Record<string, ErrorSpec>>;
}

/** What a module that calls no other module is handed besides its deps: nothing. */
export type NoApis = Record<never, never>;

/**
 * A module as the composition root sees it: its facts and `create`, which builds it from its deps and
 * the APIs of the modules it calls (`Needs`, e.g. `{ identity: IdentityApi }`), answering its own (`Api`).
 */
export interface ServerModule<Needs extends object = NoApis, Api = undefined> extends ModuleFacts {
  create(deps: ModuleDeps, apis: Needs): ModuleParts<Api>;
}

/** An operator command a module offers to the CLI. */
export interface OperatorCommand {
  /** Dotted name, e.g. `admin.create`. */
  readonly name: string;
  /** Runs it; the returned text is printed. */
  run(options: Readonly<Record<string, string | boolean | undefined>>): Promise<string>;
}
