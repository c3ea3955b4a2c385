import { isRecord } from './decode.ts';
import { apiGet } from './http.ts';

/** `GET /auth/oidc`: whether "sign in with your organisation" is offered, and its button label. */
export interface OidcOffer {
  enabled: boolean;
  label: string | null;
}

/** Checks the body of `GET /auth/oidc`. */
export function decodeOidcOffer(data: unknown): OidcOffer {
  if (isRecord(data) && typeof data['enabled'] === 'boolean' && (data['label'] === null || typeof data['label'] === 'string')) {
    return { enabled: data['enabled'], label: data['label'] };
  }
  throw new TypeError('Unexpected /auth/oidc response');
}

/** Whether the server offers OpenID Connect sign-in. */
export function getOidcOffer(signal?: AbortSignal): Promise<OidcOffer> {
  return apiGet('/api/v1/auth/oidc', { decode: decodeOidcOffer, ...(signal ? { signal } : {}) });
}

/** Where the browser goes (full page) to sign in with the organisation's identity provider. */
export const oidcStartPath = '/api/v1/auth/oidc/start';
