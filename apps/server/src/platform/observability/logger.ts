import pino, { type Logger } from 'pino';

/**
 * JSON logs (pretty in development when asked); secrets in headers and query strings are redacted.
 * Lines are buffered (4 KiB) and written asynchronously — a synchronous write per request cost a
 * third of a small request's throughput — and flushed on shutdown and on exit.
 */
export function createLogger(options: { level: string; pretty: boolean; name?: string; destination?: string | number }): Logger {
  const destination = options.pretty ? undefined : pino.destination({ dest: options.destination ?? 1, sync: false, minLength: 4096 });
  if (destination) process.once('exit', () => destination.flushSync());
  return pino({
    name: options.name ?? 'heyblue',
    level: options.level,
    // Fixed paths only: wildcard redaction is paid on every log line.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'token', 'refreshToken'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), requestId: req.id, ip: req.ip }),
      err: pino.stdSerializers.err,
    },
    transport: options.pretty ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } : undefined,
  }, destination);
}

/** Hides credentials passed in query strings (the websocket `token`). */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token|code)=)[^&]*/gi, '$1[redacted]');
}
