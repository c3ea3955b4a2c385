import { OidcOffer } from '@heyblue/contracts/identity';
import { precompiledChecks } from '@heyblue/contracts/identity/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import { apiGet } from './http.ts';

export type { OidcOffer };

// The identity schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

/** Checks the body of `GET /auth/oidc`. */
export const decodeOidcOffer = decoderOf(OidcOffer);

/** Whether the server offers OpenID Connect sign-in. */
export function getOidcOffer(signal?: AbortSignal): Promise<OidcOffer> {
  return apiGet('/api/v1/auth/oidc', { decode: decodeOidcOffer, ...(signal ? { signal } : {}) });
}

/** Where the browser goes (full page) to sign in with the organisation's identity provider. */
export const oidcStartPath = '/api/v1/auth/oidc/start';
