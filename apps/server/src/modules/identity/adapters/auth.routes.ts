import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccessTokens, ChallengeParams, Ceremony, CodeChallenge, FirstAdminBody, OidcOffer, OidcStartQuery, PasskeySignInBody, RequestCodeBody, VerifiedSignIn, VerifyCodeBody } from '@heyblue/contracts/identity';
import { requireActor } from '../../../platform/http/actor.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { redeemBootstrapLink } from '../application/admins.ts';
import { finishOidcSignIn, startOidcSignIn, type OidcProviderPort } from '../application/oidc-sign-in.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { finishPasskeySignIn, startPasskeySignIn } from '../application/passkeys.ts';
import { contextOf } from './request-context.ts';
import { relyingPartyOf } from './relying-party.ts';
import { refreshSession } from '../application/refresh-session.ts';
import { requestSignInCode } from '../application/request-sign-in-code.ts';
import type { SessionTokens } from '../application/sessions.ts';
import { signOut, signOutEverywhere } from '../application/sign-out.ts';
import { verifySignInCode, type SignedIn } from '../application/verify-sign-in-code.ts';

/** The refresh token lives in this httpOnly cookie, sent only to the auth routes. */
export const REFRESH_COOKIE = 'heyblue_refresh';
const COOKIE_PATH = '/api/v1/auth';

/** The API form of a sign-in: tokens and the account (the refresh token goes in the cookie, never the body). */
function presentSignIn(signedIn: SignedIn): VerifiedSignIn {
  return { accessToken: signedIn.accessToken, expiresIn: signedIn.expiresIn, account: { ...signedIn.account, roles: [...signedIn.account.roles] } };
}

/** Sign-in by one-time code, refresh, sign-out. */
export function authRoutes(deps: IdentityDeps, options: { secureCookies: boolean; mode: string; signInPerMinute: number; oidc?: { provider: OidcProviderPort; label: string } }): FastifyPluginAsyncTypebox {
  const setRefreshCookie = (reply: FastifyReply, tokens: SessionTokens): void => {
    reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: COOKIE_PATH, expires: tokens.refreshExpiresAt });
  };
  const clearRefreshCookie = (reply: FastifyReply): void => {
    reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: options.secureCookies });
  };

  return async (app) => {
    app.post('/auth/codes', {
      config: { rateLimit: { max: options.signInPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'],
        summary: 'Send a one-time sign-in code',
        description: 'Answers the same way whether or not an account exists. Limited per address and per client.',
        body: RequestCodeBody,
        response: { 202: CodeChallenge },
      },
    }, async (request, reply) => reply.status(202).send(await requestSignInCode(deps, request.body, contextOf(request))));

    app.post('/auth/codes/:challengeId/verify', {
      config: { rateLimit: { max: options.signInPerMinute * 2, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with the code',
        description: 'Sets the refresh cookie and returns an access token. Five wrong codes and the code is dead.',
        params: ChallengeParams,
        body: VerifyCodeBody,
        response: { 200: VerifiedSignIn },
      },
    }, async (request, reply) => {
      const signedIn = await verifySignInCode(deps, { challengeId: request.params.challengeId, code: request.body.code.trim() }, contextOf(request));
      setRefreshCookie(reply, signedIn);
      return presentSignIn(signedIn);
    });

    app.post('/auth/first-admin', {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'], summary: 'Redeem the one-time first-admin link printed by a new embedded server',
        body: FirstAdminBody,
        response: { 200: VerifiedSignIn },
      },
    }, async (request, reply) => {
      const signedIn = await redeemBootstrapLink(deps, request.body, contextOf(request));
      setRefreshCookie(reply, signedIn);
      return presentSignIn(signedIn);
    });

    app.post('/auth/passkeys/options', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { tags: ['identity'], summary: 'Start signing in with a passkey (WebAuthn request options)', response: { 200: Ceremony } },
    }, async (request) => startPasskeySignIn(deps, relyingPartyOf(request, deps.publicUrl(), options.mode)));

    app.post('/auth/passkeys/verify', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'], summary: 'Sign in with a passkey',
        body: PasskeySignInBody,
        response: { 200: VerifiedSignIn },
      },
    }, async (request, reply) => {
      const signedIn = await finishPasskeySignIn(deps, request.body, contextOf(request));
      setRefreshCookie(reply, signedIn);
      return presentSignIn(signedIn);
    });

    app.get('/auth/oidc', {
      schema: { tags: ['identity'], summary: 'Whether "sign in with your organisation" (OpenID Connect) is offered', response: { 200: OidcOffer } },
    }, async () => ({ enabled: options.oidc !== undefined, label: options.oidc?.label ?? null }));

    app.get('/auth/oidc/start', {
      schema: { tags: ['identity'], summary: 'Go to the identity provider (browser navigation; answers 302)', querystring: OidcStartQuery },
    }, async (request, reply) => {
      if (!options.oidc) throw new AppError('IDENTITY_OIDC_NOT_CONFIGURED');
      return reply.redirect((await startOidcSignIn(deps, options.oidc.provider, request.query.next)).href);
    });

    app.get('/auth/oidc/callback', { schema: { tags: ['identity'], summary: 'Where the identity provider sends the browser back (302 to the app, signed in)' } }, async (request, reply) => {
      if (!options.oidc) throw new AppError('IDENTITY_OIDC_NOT_CONFIGURED');
      try {
        const signedIn = await finishOidcSignIn(deps, options.oidc.provider, new URL(request.url, deps.publicUrl()), contextOf(request));
        setRefreshCookie(reply, signedIn);
        return reply.redirect(signedIn.next ?? (signedIn.account.isNew ? '/welcome' : '/'));
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'IDENTITY_OIDC_FAILED';
        request.log.warn({ err: error }, 'OpenID Connect sign-in failed');
        return reply.redirect(`/sign-in?error=${encodeURIComponent(code)}`);
      }
    });

    app.post('/auth/refresh', {
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: { tags: ['identity'], summary: 'New tokens for the refresh cookie (rotates it)', response: { 200: AccessTokens } },
    }, async (request, reply) => {
      try {
        const tokens = await refreshSession(deps, request.cookies[REFRESH_COOKIE], contextOf(request));
        setRefreshCookie(reply, tokens);
        return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
      } catch (error) {
        clearRefreshCookie(reply);
        throw error;
      }
    });

    app.post('/auth/sign-out', { schema: { tags: ['identity'], summary: 'End this device’s session' } }, async (request, reply) => {
      await signOut(deps, request.cookies[REFRESH_COOKIE], contextOf(request));
      clearRefreshCookie(reply);
      return reply.status(204).send();
    });

    app.post('/auth/sign-out-everywhere', { schema: { tags: ['identity'], summary: 'End every session of the signed-in account', security: [{ bearer: [] }] } }, async (request, reply) => {
      const actor = requireActor(request);
      await signOutEverywhere(deps, actor.accountId, contextOf(request));
      clearRefreshCookie(reply);
      return reply.status(204).send();
    });
  };
}
