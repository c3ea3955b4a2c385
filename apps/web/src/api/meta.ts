import { isRecord } from './decode.ts';
import { apiGet } from './http.ts';

/** What `GET /api/v1/meta` tells about the running server. */
export interface ServerMeta {
  name: string;
  version: string;
  /** How the server runs, e.g. "embedded" or "distributed". */
  mode: string;
  /** The server's clock, ISO 8601. */
  time: string;
}

/** Checks the meta body's shape. */
export function decodeServerMeta(data: unknown): ServerMeta {
  if (isRecord(data)) {
    const { name, version, mode, time } = data;
    if (typeof name === 'string' && typeof version === 'string' && typeof mode === 'string' && typeof time === 'string') {
      return { name, version, mode, time };
    }
  }
  throw new TypeError('Unexpected /api/v1/meta response');
}

/** Fetches the server's name, version, mode and time. */
export function getServerMeta(signal?: AbortSignal): Promise<ServerMeta> {
  return apiGet('/api/v1/meta', { decode: decodeServerMeta, ...(signal ? { signal } : {}) });
}
