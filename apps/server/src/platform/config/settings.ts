import { Type, type Static } from 'typebox';

/** One schema for every setting. Each key is read from the env var of the same name or the CLI flag `--kebab-case-of-it`. */
export const SettingsSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
    description: 'development, production or test',
  }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1, description: 'interface the server binds to' }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535, description: 'TCP port (0 picks a free one)' }),
  PUBLIC_URL: Type.Optional(Type.String({ format: 'uri', description: 'the URL users reach the server at; defaults to http://HOST:PORT' })),
  DATA_DIR: Type.String({ default: './data', minLength: 1, description: 'folder for the embedded database and generated keys' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL server; when unset the embedded PGlite in DATA_DIR is used' })),
  NATS_URL: Type.Optional(Type.String({ pattern: '^(nats|tls)://', description: 'NATS JetStream; when unset the in-process bus is used' })),
  NATS_STREAM: Type.String({ default: 'HEYBLUE', pattern: '^[A-Za-z0-9_-]+$', description: 'JetStream stream that carries events' }),
  KEYS: Type.Optional(Type.String({ description: 'keyring JSON (see `heyblue keys generate`); required in distributed mode' })),
  KEYS_FILE: Type.Optional(Type.String({ description: 'path of a keyring JSON file, instead of KEYS' })),
  TRUSTED_PROXIES: Type.String({ default: '', description: 'comma-separated addresses/CIDRs of reverse proxies whose X-Forwarded-* headers are trusted' }),
  TIME_ZONE: Type.String({ default: 'UTC', description: 'IANA time zone of the deployment (days, caps, reports)' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  ACCESS_LOG: Type.Union([Type.Literal('all'), Type.Literal('problems')], {
    default: 'problems',
    description: 'which requests get an access-log line: all, or problems (4xx, 5xx, slower than 1 s); latency and status of every request are in /metrics',
  }),
  LOG_PRETTY: Type.Boolean({ default: false, description: 'human-readable logs (development only)' }),
  BODY_LIMIT: Type.Integer({ default: 1_048_576, minimum: 1024, description: 'largest request body in bytes' }),
  REQUEST_TIMEOUT_MS: Type.Integer({ default: 30_000, minimum: 1000, description: 'time allowed for a whole request' }),
  CONNECTION_TIMEOUT_MS: Type.Integer({ default: 60_000, minimum: 1000, description: 'idle socket timeout' }),
  KEEP_ALIVE_TIMEOUT_MS: Type.Integer({ default: 72_000, minimum: 1000 }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ default: 15_000, minimum: 100, description: 'longest graceful shutdown before forcing' }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ default: 600, minimum: 1, description: 'requests per minute per client address' }),
  CORS_ORIGINS: Type.String({ default: '', description: 'comma-separated origins allowed cross-origin; empty means none' }),
  WS_MAX_FRAME_BYTES: Type.Integer({ default: 16_384, minimum: 256, maximum: 1_048_576 }),
  WS_HEARTBEAT_MS: Type.Integer({ default: 30_000, minimum: 100 }),
  WS_MAX_BUFFERED_BYTES: Type.Integer({ default: 1_048_576, minimum: 1024, description: 'a socket whose send buffer grows past this is closed as too slow' }),
  DEV_TOKENS: Type.Optional(Type.Boolean({ description: 'accept `dev:<userId>` websocket tokens; defaults to true in development, forbidden in production' })),
  OIDC_ISSUER: Type.Optional(Type.String({ format: 'uri', description: 'OpenID Connect identity provider; "sign in with" is offered when set' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, description: 'this server’s client id at the identity provider' })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1, description: 'this server’s client secret at the identity provider' })),
  OIDC_LABEL: Type.String({ default: 'Sign in with your organisation', description: 'the sign-in button’s text' }),
  WEB_DIST_DIR: Type.Optional(Type.String({ description: 'built web app to serve; defaults to apps/web/dist' })),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String({ format: 'uri', description: 'OTLP/HTTP endpoint; traces are exported when set' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', description: 'SMTP server for email (smtp://user:pass@host:587 or smtps://…:465); required in production, when unset in development emails go to the dev outbox' })),
  EMAIL_FROM: Type.String({ default: 'Hey Blue! <no-reply@heyblue.local>', minLength: 1, description: 'sender address of emails' }),
  SMS_HTTP_URL: Type.Optional(Type.String({ format: 'uri', description: 'HTTP SMS provider that receives POST {from,to,text}; when unset SMS goes to the dev outbox in development and is unavailable in production' })),
  SMS_HTTP_TOKEN: Type.Optional(Type.String({ description: 'bearer token sent to SMS_HTTP_URL; required with it' })),
  SMS_FROM: Type.String({ default: 'HeyBlue', minLength: 1, description: 'sender name or number of SMS' }),
  OUTBOX_POLL_MS: Type.Integer({ default: 250, minimum: 10 }),
  OUTBOX_BATCH_SIZE: Type.Integer({ default: 100, minimum: 1, maximum: 10_000 }),
  OUTBOX_MAX_ATTEMPTS: Type.Integer({ default: 10, minimum: 1, description: 'attempts to publish an event, and to deliver it to a consumer, before it is parked' }),
});

/** Raw settings as validated, before they are shaped into Config. */
export type Settings = Static<typeof SettingsSchema>;
