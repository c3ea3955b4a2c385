// The simulator's HTTP client for the Hey Blue! API. Each simulated person calls from their own loopback
// address when the server is on 127.0.0.1, as separate phones would: several routes keep their own
// per-address limit (30 availability changes or requests a minute, 60 refreshes) that the lifted
// general limit does not cover.
import http from 'node:http';

/** An answer: status, parsed JSON body (empty object when none) and Set-Cookie headers. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly cookies: readonly string[];
}

/** The error code of a failed answer (`CONNECTIONS_TOO_MANY_PENDING`), or `HTTP_<status>` without one. */
export function errorCode(answer: Answer): string {
  const error = answer.body.error;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return `HTTP_${answer.status}`;
}

/** The loopback address person `index` calls from (127.1.x.y, distinct for the first 62,500). */
export function loopbackSource(index: number): string {
  return `127.1.${(Math.floor(index / 250) % 250) + 1}.${(index % 250) + 1}`;
}

/** Calls the API under `/api/v1`. */
export class Api {
  readonly #url: URL;
  readonly #ownAddresses: boolean;

  constructor(baseUrl: string) {
    this.#url = new URL(baseUrl);
    this.#ownAddresses = this.#url.hostname === '127.0.0.1';
  }

  /** The websocket URL for a token. */
  socketUrl(token: string): string {
    return `${this.#url.protocol === 'https:' ? 'wss' : 'ws'}://${this.#url.host}/ws?token=${encodeURIComponent(token)}`;
  }

  /** `method /api/v1<path>` as person `caller` with their access token (or a cookie), with an optional JSON body. */
  call(method: 'GET' | 'POST' | 'DELETE', route: string, options: { caller: number; token?: string; body?: object; cookie?: string }): Promise<Answer> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: http.OutgoingHttpHeaders = { connection: 'close' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: this.#url.hostname,
        port: this.#url.port,
        method,
        path: `/api/v1${route}`,
        headers,
        agent: false,
        timeout: 30_000,
        ...(this.#ownAddresses ? { localAddress: loopbackSource(options.caller) } : {}),
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown> = {};
          try {
            if (text !== '') body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = { text };
          }
          resolve({ status: response.statusCode ?? 0, body, cookies: response.headers['set-cookie'] ?? [] });
        });
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error(`${method} ${route} timed out`)));
      request.on('error', reject);
      request.end(payload);
    });
  }
}
