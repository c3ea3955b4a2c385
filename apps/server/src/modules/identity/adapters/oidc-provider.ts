import * as client from 'openid-client';
import type { OidcProviderPort } from '../application/oidc-sign-in.ts';

/**
 * openid-client against the configured provider: discovery on first use (so a provider that is down
 * does not stop the server), authorization code flow with PKCE, state and nonce.
 */
export function openIdProvider(settings: { issuer: string; clientId: string; clientSecret: string; redirectUri: string }): OidcProviderPort {
  let configuration: Promise<client.Configuration> | undefined;
  const config = (): Promise<client.Configuration> => {
    configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, settings.issuer.startsWith('http://') ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
  return {
    randoms: () => ({ state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() }),
    async authorizationUrl(checks) {
      return client.buildAuthorizationUrl(await config(), {
        redirect_uri: settings.redirectUri,
        scope: 'openid email',
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
    },
    async claims(callbackUrl, checks) {
      const configuration = await config();
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      if (typeof claims.email === 'string') return claims;
      // Providers that keep the ID token small (oidc-provider's default) give the email at userinfo.
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      return { ...userInfo, sub: claims.sub };
    },
  };
}
