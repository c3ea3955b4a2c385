import { ServerMeta } from '@heyblue/contracts/platform';
import { precompiledChecks } from '@heyblue/contracts/platform/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import { apiGet } from './http.ts';

export type { ServerMeta };

usePrecompiledChecks(precompiledChecks);

/** Checks the meta body's shape. */
export const decodeServerMeta = decoderOf(ServerMeta, '/api/v1/meta response');

/** Fetches the server's name, version, mode, time and time zone. */
export function getServerMeta(signal?: AbortSignal): Promise<ServerMeta> {
  return apiGet('/api/v1/meta', { decode: decodeServerMeta, ...(signal ? { signal } : {}) });
}
