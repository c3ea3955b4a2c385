import { decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Keyring } from '../../../platform/keys/keyring.ts';
import type { AccessTokens } from '../application/ports.ts';
import { ACCESS_TOKEN_TTL_SECONDS } from '../domain/refresh-rotation.ts';

/** EdDSA access tokens signed with the keyring's newest token-signing key (its id in `kid`); any key of the ring verifies. */
export function accessTokens(keyring: Keyring, issuer: string): AccessTokens {
  return {
    async issue({ accountId, sessionId, roles }) {
      const key = keyring.signing('token-signing');
      const token = await new SignJWT({ sid: sessionId, roles: [...roles] })
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' })
        .setSubject(accountId)
        .setIssuer(issuer)
        .setAudience('heyblue')
        .setIssuedAt()
        .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
        .sign(key.privateKey);
      return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
    async verify(token) {
      try {
        const { kid } = decodeProtectedHeader(token);
        const key = keyring.verifiers('token-signing').find((k) => k.kid === kid);
        if (!key) return null;
        const { payload } = await jwtVerify(token, key.publicKey, { issuer, audience: 'heyblue', algorithms: ['EdDSA'], typ: 'at+jwt' });
        return claimsOf(payload);
      } catch {
        return null;
      }
    },
  };
}

function claimsOf(payload: JWTPayload): { accountId: string; sessionId: string; roles: readonly string[] } | null {
  const roles = payload.roles;
  if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !Array.isArray(roles)) return null;
  return { accountId: payload.sub, sessionId: payload.sid, roles: roles.filter((r): r is string => typeof r === 'string') };
}

