import path from 'node:path';
import { Value } from 'typebox/value';
import { SettingsSchema, type Settings } from './settings.ts';

/** The whole server configuration: validated once at boot, frozen, passed down explicitly. */
export interface Config {
  readonly mode: 'development' | 'production' | 'test';
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string;
    /** False when PUBLIC_URL was not set and publicUrl was derived from HOST and PORT. */
    readonly publicUrlExplicit: boolean;
    readonly trustedProxies: readonly string[];
    readonly bodyLimit: number;
    readonly requestTimeoutMs: number;
    readonly connectionTimeoutMs: number;
    readonly keepAliveTimeoutMs: number;
    readonly rateLimitPerMinute: number;
    readonly signInRateLimitPerMinute: number;
    readonly corsOrigins: readonly string[];
  };
  readonly dataDir: string;
  readonly database: { readonly kind: 'pglite'; readonly dir: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly bus: { readonly kind: 'in-process' } | { readonly kind: 'nats'; readonly url: string; readonly stream: string };
  readonly keys: { readonly source: 'data-dir' } | { readonly source: 'config'; readonly json: string };
  readonly timeZone: string;
  readonly log: { readonly level: Settings['LOG_LEVEL']; readonly pretty: boolean; readonly access: 'all' | 'problems' };
  readonly ws: { readonly maxFrameBytes: number; readonly heartbeatMs: number; readonly maxBufferedBytes: number; readonly devTokens: boolean };
  /** The relay's tuning, and how many days published events are kept (0: forever). */
  readonly outbox: { readonly pollMs: number; readonly batchSize: number; readonly maxAttempts: number; readonly retentionDays: number };
  /** How messages reach people: SMTP for email, an HTTP provider for SMS; unset ones use the dev outbox outside production. */
  readonly delivery: {
    readonly smtpUrl?: string;
    readonly emailFrom: string;
    readonly smsHttpUrl?: string;
    readonly smsHttpToken?: string;
    readonly smsFrom: string;
  };
  /** Connections: proximity radius, availability windows, location intake and the map. */
  readonly connections: {
    readonly nearbyRadiusM: number;
    readonly windowMinutes: number;
    readonly disconnectGraceSeconds: number;
    readonly maxAccuracyM: number;
    readonly requestTtlSeconds: number;
  };
  /** The basemap behind every map, served through the map proxy; and the partners' address search. */
  readonly map: {
    readonly styleUrl: string | null;
    readonly rasterTiles: { readonly url: string; readonly attribution: string } | null;
    readonly cacheBytes: number;
    readonly geocoder: { readonly url: string; readonly kind: 'nominatim' | 'photon' } | null;
  };
  readonly shutdownTimeoutMs: number;
  readonly webDistDir: string;
  readonly otlpEndpoint: string | undefined;
  /** OpenID Connect sign-in, when an identity provider is configured. */
  readonly oidc: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string; readonly label: string } | undefined;
}

/** Thrown when settings are invalid; `problems` lists every one of them. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Where settings come from: environment variables and `--kebab-case` CLI flags (flags win). */
export interface ConfigSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly argv?: readonly string[];
  readonly readFile?: (file: string) => string;
}

const SETTING_NAMES = Object.keys(SettingsSchema.properties);

/** Turns `--data-dir x` / `--data-dir=x` / `--log-pretty` into `{ DATA_DIR: 'x', LOG_PRETTY: 'true' }`. */
export function flagsToSettings(argv: readonly string[]): { values: Record<string, string>; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const [flag = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    const name = flag.replaceAll('-', '_').toUpperCase();
    if (!SETTING_NAMES.includes(name)) {
      problems.push(`--${flag}: unknown flag`);
      continue;
    }
    const next = argv[i + 1];
    if (inline !== undefined) values[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) values[name] = argv[++i] ?? '';
    else values[name] = 'true';
  }
  return { values, problems };
}

/** Reads, validates and shapes every setting; throws ConfigError listing all problems at once. */
export function loadConfig(sources: ConfigSources): Config {
  const flags = flagsToSettings(sources.argv ?? []);
  const raw: Record<string, string> = {};
  for (const name of SETTING_NAMES) {
    const value = flags.values[name] ?? sources.env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const converted = Value.Convert(SettingsSchema, Value.Default(SettingsSchema, raw));
  const problems = [...flags.problems];
  for (const [name, schema] of Object.entries(SettingsSchema.properties)) {
    const value: unknown = (converted as Record<string, unknown>)[name];
    if (value === undefined || Value.Check(schema, value)) continue;
    const allowed = allowedLiterals(name);
    const reason = allowed.length > 0 ? `must be one of: ${allowed.join(', ')}` : (Value.Errors(schema, value)[0]?.message ?? 'is invalid');
    problems.push(`${name}: ${reason}, got ${JSON.stringify(shown(name, raw[name]))}`);
  }
  // Cross-setting checks run too, so every problem is listed at once (values that failed above are ignored).
  const shaped = shape(converted as Settings, sources, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(shaped);
}

/** A value as it may be printed: secrets hidden, passwords in URLs masked. */
function shown(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/TOKEN|KEYS|SECRET|PASSWORD/.test(name)) return '[redacted]';
  return name.endsWith('_URL') ? value.replace(/\/\/([^/@]*)@/, '//[redacted]@') : value;
}

function allowedLiterals(name: string): string[] {
  const schema: unknown = (SettingsSchema.properties as Record<string, unknown>)[name];
  if (schema && typeof schema === 'object' && 'anyOf' in schema && Array.isArray(schema.anyOf)) {
    return schema.anyOf.map((s: { const?: unknown }) => String(s.const));
  }
  return [];
}

function shape(s: Settings, sources: ConfigSources, problems: string[]): Config {
  const mode = s.NODE_ENV;
  const devTokens = s.DEV_TOKENS ?? mode !== 'production';
  const distributed = s.DATABASE_URL !== undefined;
  if (typeof s.TIME_ZONE === 'string' && !isTimeZone(s.TIME_ZONE)) problems.push(`TIME_ZONE: "${s.TIME_ZONE}" is not an IANA time zone`);
  const keys = readKeys(s, sources, problems);
  if (distributed && keys.source === 'data-dir') {
    problems.push('KEYS or KEYS_FILE: required when DATABASE_URL is set, so every instance signs with the same keys (make one with `heyblue keys generate`)');
  }
  if (s.OIDC_ISSUER !== undefined && (s.OIDC_CLIENT_ID === undefined || s.OIDC_CLIENT_SECRET === undefined)) {
    problems.push('OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: required with OIDC_ISSUER');
  }
  if (s.NATS_URL !== undefined && !distributed) {
    problems.push('NATS_URL: needs DATABASE_URL too (instances sharing a bus must share a database)');
  }
  if (s.SMS_HTTP_URL !== undefined && s.SMS_HTTP_TOKEN === undefined) problems.push('SMS_HTTP_TOKEN: required when SMS_HTTP_URL is set');
  if (mode === 'production') {
    if (devTokens) problems.push('DEV_TOKENS: development tokens must be off in production');
    if (s.LOG_PRETTY) problems.push('LOG_PRETTY: pretty logs are a development convenience, off in production');
    if (keys.source === 'data-dir' && distributed) problems.push('KEYS: production needs configured keys');
    if (s.PUBLIC_URL === undefined) problems.push('PUBLIC_URL: required in production (links in emails and QR codes use it)');
    if (s.SMTP_URL === undefined) problems.push('SMTP_URL: required in production (sign-in codes are sent by email)');
  }
  const port = s.PORT;
  return {
    mode,
    http: {
      host: s.HOST,
      port,
      publicUrl: (s.PUBLIC_URL ?? `http://${s.HOST}:${port}`).replace(/\/$/, ''),
      publicUrlExplicit: s.PUBLIC_URL !== undefined,
      trustedProxies: list(s.TRUSTED_PROXIES),
      bodyLimit: s.BODY_LIMIT,
      requestTimeoutMs: s.REQUEST_TIMEOUT_MS,
      connectionTimeoutMs: s.CONNECTION_TIMEOUT_MS,
      keepAliveTimeoutMs: s.KEEP_ALIVE_TIMEOUT_MS,
      rateLimitPerMinute: s.RATE_LIMIT_PER_MINUTE,
      signInRateLimitPerMinute: s.SIGN_IN_RATE_LIMIT_PER_MINUTE,
      corsOrigins: list(s.CORS_ORIGINS),
    },
    dataDir: path.resolve(s.DATA_DIR),
    database: s.DATABASE_URL ? { kind: 'postgres', url: s.DATABASE_URL } : { kind: 'pglite', dir: path.resolve(s.DATA_DIR, 'pglite') },
    bus: s.NATS_URL ? { kind: 'nats', url: s.NATS_URL, stream: s.NATS_STREAM } : { kind: 'in-process' },
    keys,
    timeZone: s.TIME_ZONE,
    log: { level: s.LOG_LEVEL, pretty: s.LOG_PRETTY, access: s.ACCESS_LOG },
    ws: { maxFrameBytes: s.WS_MAX_FRAME_BYTES, heartbeatMs: s.WS_HEARTBEAT_MS, maxBufferedBytes: s.WS_MAX_BUFFERED_BYTES, devTokens },
    outbox: { pollMs: s.OUTBOX_POLL_MS, batchSize: s.OUTBOX_BATCH_SIZE, maxAttempts: s.OUTBOX_MAX_ATTEMPTS, retentionDays: s.EVENT_RETENTION_DAYS },
    delivery: { smtpUrl: s.SMTP_URL, emailFrom: s.EMAIL_FROM, smsHttpUrl: s.SMS_HTTP_URL, smsHttpToken: s.SMS_HTTP_TOKEN, smsFrom: s.SMS_FROM },
    connections: {
      nearbyRadiusM: s.NEARBY_RADIUS_M,
      windowMinutes: s.AVAILABILITY_WINDOW_MINUTES,
      disconnectGraceSeconds: s.DISCONNECT_GRACE_SECONDS,
      maxAccuracyM: s.LOCATION_MAX_ACCURACY_M,
      requestTtlSeconds: s.CONNECTION_REQUEST_TTL_SECONDS,
    },
    map: {
      styleUrl: s.MAP_STYLE_URL === 'off' ? null : s.MAP_STYLE_URL,
      rasterTiles: s.MAP_TILE_URL ? { url: s.MAP_TILE_URL, attribution: s.MAP_TILE_ATTRIBUTION ?? '' } : null,
      cacheBytes: s.MAP_CACHE_MB * 1024 * 1024,
      geocoder: s.GEOCODER_URL ? { url: s.GEOCODER_URL, kind: s.GEOCODER_KIND } : null,
    },
    shutdownTimeoutMs: s.SHUTDOWN_TIMEOUT_MS,
    webDistDir: path.resolve(s.WEB_DIST_DIR ?? path.join(import.meta.dirname, '../../../../web/dist')),
    otlpEndpoint: s.OTEL_EXPORTER_OTLP_ENDPOINT,
    oidc: s.OIDC_ISSUER && s.OIDC_CLIENT_ID && s.OIDC_CLIENT_SECRET ? { issuer: s.OIDC_ISSUER, clientId: s.OIDC_CLIENT_ID, clientSecret: s.OIDC_CLIENT_SECRET, label: s.OIDC_LABEL } : undefined,
  };
}

function readKeys(s: Settings, sources: ConfigSources, problems: string[]): Config['keys'] {
  if (s.KEYS !== undefined) return { source: 'config', json: s.KEYS };
  if (s.KEYS_FILE === undefined) return { source: 'data-dir' };
  try {
    return { source: 'config', json: (sources.readFile ?? defaultReadFile)(s.KEYS_FILE) };
  } catch (error) {
    problems.push(`KEYS_FILE: cannot read ${s.KEYS_FILE} (${error instanceof Error ? error.message : String(error)})`);
    return { source: 'data-dir' };
  }
}

function defaultReadFile(file: string): string {
  return process.getBuiltinModule('node:fs').readFileSync(file, 'utf8');
}

function list(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
