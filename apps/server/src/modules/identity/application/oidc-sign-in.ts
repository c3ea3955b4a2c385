import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import { rolesOf } from '../domain/roles.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { startSession } from './sessions.ts';
import type { SignedIn } from './verify-sign-in-code.ts';
import { verifyMatchingOfficers } from './verify-officers.ts';

/** The identity provider, as the use cases need it (openid-client behind it). */
export interface OidcProviderPort {
  /** Where to send the browser, for this state, nonce and PKCE verifier. */
  authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL>;
  /** Exchanges the callback for verified claims (signature, issuer, audience, nonce, PKCE checked). */
  claims(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<{ email?: unknown; email_verified?: unknown; sub: string }>;
  /** Fresh random values. */
  randoms(): { state: string; nonce: string; codeVerifier: string };
}

const FLOW_TTL_MS = 10 * 60_000;

/** Starts a sign-in at the identity provider: remembers the checks, returns where to send the browser. */
export async function startOidcSignIn(deps: IdentityDeps, provider: OidcProviderPort, next: string | undefined): Promise<URL> {
  const checks = provider.randoms();
  const nextPath = next !== undefined && isSameSitePath(next) ? next : null;
  await deps.store.insertOidcFlow(deps.db, { ...checks, nextPath, expiresAt: new Date(deps.clock.now().getTime() + FLOW_TTL_MS) });
  return provider.authorizationUrl(checks);
}

/** Finishes it: the provider's verified email signs the person in (the account is created the first time). */
export async function finishOidcSignIn(deps: IdentityDeps, provider: OidcProviderPort, callbackUrl: URL, context: RequestContext): Promise<SignedIn & { next: string | null }> {
  const state = callbackUrl.searchParams.get('state') ?? '';
  const now = deps.clock.now();
  const flow = await deps.store.useOidcFlow(deps.db, state, now);
  if (!flow) throw new AppError('IDENTITY_OIDC_FAILED', 'That sign-in took too long or was already used; try again.');
  let claims: Awaited<ReturnType<OidcProviderPort['claims']>>;
  try {
    claims = await provider.claims(callbackUrl, { state, nonce: flow.nonce, codeVerifier: flow.codeVerifier });
  } catch {
    throw new AppError('IDENTITY_OIDC_FAILED');
  }
  if (typeof claims.email !== 'string' || claims.email_verified !== true) throw new AppError('IDENTITY_OIDC_FAILED', 'The identity provider did not give a verified email address.');
  const email = claims.email.trim().toLowerCase();
  return deps.unitOfWork({ actorId: null, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    let account = await deps.store.findAccountByAddress(tx, 'email', email);
    const isNew = !account;
    if (!account) {
      account = await deps.store.insertAccount(tx, { id: randomUUID(), email, phone: null });
      events.emit('identity.account-created.v1', { accountId: account.id, signedUpWith: 'oidc' });
      await deps.store.audit(tx, { actorId: account.id, action: 'account.created', subjectType: 'account', subjectId: account.id, correlationId: context.correlationId, ip: context.ip });
    }
    if (!account.officerVerifiedAt && (await verifyMatchingOfficers(deps, tx, events, { accountId: account.id }, context.correlationId)) > 0) account = (await deps.store.findAccount(tx, account.id)) ?? account;
    await deps.store.audit(tx, { actorId: account.id, action: 'sign-in', subjectType: 'account', subjectId: account.id, correlationId: context.correlationId, ip: context.ip, details: { method: 'oidc', subject: claims.sub } });
    const tokens = await startSession(deps, tx, account, context);
    return { ...tokens, account: { id: account.id, roles: rolesOf(account), isNew }, next: flow.nextPath };
  });
}

/** A path on this site (not `//elsewhere`, not a URL): the only places a sign-in may send the browser back to. */
export function isSameSitePath(path: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(path) && path.length <= 500;
}
