import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { RelyingParty } from '../application/passkeys.ts';

/**
 * The WebAuthn relying party for a request: its Origin must be the public URL's origin, or, outside
 * production, any http://localhost port (passkeys need a host name; 127.0.0.1 cannot be an RP id).
 */
export function relyingPartyOf(request: FastifyRequest, publicUrl: string, mode: string): RelyingParty {
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    try {
      const url = new URL(origin);
      if (url.origin === new URL(publicUrl).origin || (mode !== 'production' && url.protocol === 'http:' && url.hostname === 'localhost')) return { rpId: url.hostname, origin: url.origin };
    } catch {
      // not a URL: refused below
    }
  }
  throw new AppError('IDENTITY_ORIGIN_NOT_ALLOWED');
}
