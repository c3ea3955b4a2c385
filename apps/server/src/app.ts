import { mapRoutes } from './platform/map/map-routes.ts';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './platform/config/config.ts';
import { AppError } from './platform/errors/app-error.ts';
import type { ErrorRegistry } from './platform/errors/registry.ts';
import { registerDocs } from './platform/http/docs.ts';
import { AccessLogController } from './platform/http/access-log.ts';
import { registerActorResolution, type ActorResolver } from './platform/http/actor.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { registerHealthRoutes, type ReadinessCheck } from './platform/http/health.ts';
import { registerMetaRoute } from './platform/http/meta.ts';
import { registerMetrics } from './platform/http/metrics-hooks.ts';
import { registerTracingHooks } from './platform/http/tracing-hooks.ts';
import { requestIdOf } from './platform/http/request-id.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { checkAnswersAgainstContracts } from './platform/http/response-contract.ts';
import { refuseUnstorableText, validatorCompiler } from './platform/http/validator.ts';
import { recordRoutes } from './platform/http/route-table.ts';
import { isHashedAsset, registerWebApp } from './platform/http/web-app.ts';
import type { Metrics } from './platform/observability/metrics.ts';
import type { WsGateway } from './platform/ws/gateway.ts';

/** Everything the HTTP app needs, built by the composition root. */
export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly errors: ErrorRegistry;
  readonly gateway: WsGateway;
  readonly readiness: readonly ReadinessCheck[];
  readonly isShuttingDown: () => boolean;
  /** Check every JSON answer against its route's contract (tests). */
  readonly checkAnswers?: boolean;
  readonly asyncApi: Record<string, unknown>;
  readonly version: string;
  /** Module route plugins, mounted under /api/v1. */
  readonly routes: readonly FastifyPluginAsync[];
  /** Resolves bearer tokens to actors (from the identity module); without it every request is anonymous. */
  readonly actorResolver?: ActorResolver;
}

/** Builds the Fastify app; never listens (main.ts does), so tests drive it with `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance,
    genReqId: requestIdOf,
    logController: new AccessLogController(config.log.access),
    bodyLimit: config.http.bodyLimit,
    requestTimeout: config.http.requestTimeoutMs,
    connectionTimeout: config.http.connectionTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    trustProxy: config.http.trustedProxies.length > 0 ? [...config.http.trustedProxies] : false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  refuseUnstorableText(app);
  // Tests check every answer against its route's contract (the schema the web decodes it with).
  if (deps.checkAnswers) checkAnswersAgainstContracts(app, (breach) => deps.logger.error(breach, 'an answer broke its contract'));
  recordRoutes(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // While draining, every answer closes its keep-alive connection, or busy clients would hold the server open.
    if (deps.isShuttingDown()) reply.header('connection', 'close');
    done(null, payload);
  });

  installErrorHandler(app, deps.errors);
  if (config.otlpEndpoint) registerTracingHooks(app);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(cors, { origin: config.http.corsOrigins.length > 0 ? [...config.http.corsOrigins] : false, credentials: true });
  await app.register(rateLimit, {
    global: true,
    max: config.http.rateLimitPerMinute,
    timeWindow: 60_000,
    // Limit headers only once a client is limited (retry-after and friends); three extra headers on every answer cost ~8% of throughput.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    // request.ip is undefined once the client's socket is gone; the plugin would throw on it.
    keyGenerator: (request) => request.ip ?? request.socket?.remoteAddress ?? 'gone',
    // The web app's hashed files are not counted: a first visit's service worker fetches every page's
    // chunk (~80 files), and phones behind one address would otherwise spend each other's allowance.
    allowList: (request) => isHashedAsset(request),
    errorResponseBuilder: (_request, context) => new AppError('PLATFORM_RATE_LIMITED', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`),
  });
  registerMetrics(app, deps.metrics);
  registerActorResolution(app, deps.actorResolver);
  await registerDocs(app, { version: deps.version, publicUrl: config.http.publicUrl, asyncApi: deps.asyncApi, errors: deps.errors });
  registerHealthRoutes(app, { checks: deps.readiness, isShuttingDown: deps.isShuttingDown });
  registerMetaRoute(app, { version: deps.version, distributed: config.database.kind === 'postgres', timeZone: config.timeZone, geocoder: config.map.geocoder !== null });
  await app.register(mapRoutes({ map: config.map, logger: deps.logger }));

  await app.register(websocket, { options: { maxPayload: config.ws.maxFrameBytes } });
  deps.gateway.register(app);

  await app.register(async (api) => {
    for (const routes of deps.routes) await api.register(routes);
  }, { prefix: '/api/v1' });

  await registerWebApp(app, config.webDistDir);
  return app;
}
