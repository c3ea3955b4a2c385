import { randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { rolesOf } from '../domain/roles.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { startSession } from './sessions.ts';
import type { SignedIn } from './verify-sign-in-code.ts';

/** Where the browser runs the ceremony: the relying party id (a host name) and the page's origin. */
export interface RelyingParty {
  readonly rpId: string;
  readonly origin: string;
}

const CEREMONY_TTL_MS = 5 * 60_000;

/** Options for the browser to create a passkey for the signed-in account. */
export async function startPasskeyRegistration(deps: IdentityDeps, actor: Actor, rp: RelyingParty): Promise<{ ceremonyId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  return deps.transaction(async (tx) => {
    const account = await deps.store.findAccount(tx, actor.accountId);
    if (!account) throw new AppError('PLATFORM_UNAUTHENTICATED');
    const existing = await deps.passkeys.listFor(tx, account.id);
    const options = await generateRegistrationOptions({
      rpName: 'Hey Blue!',
      rpID: rp.rpId,
      userID: new TextEncoder().encode(account.id),
      userName: account.email ?? account.phone ?? account.id,
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    const ceremonyId = randomUUID();
    await deps.passkeys.startCeremony(tx, { id: ceremonyId, purpose: 'register', accountId: account.id, challenge: options.challenge, rpId: rp.rpId, origin: rp.origin, expiresAt: new Date(deps.clock.now().getTime() + CEREMONY_TTL_MS) });
    return { ceremonyId, options };
  });
}

/** Stores the passkey the browser created, once its attestation checks out. */
export async function finishPasskeyRegistration(deps: IdentityDeps, actor: Actor, input: { ceremonyId: string; response: RegistrationResponseJSON; name?: string }, context: RequestContext): Promise<{ id: string; name: string }> {
  return deps.transaction(async (tx) => {
    const ceremony = await deps.passkeys.takeCeremony(tx, input.ceremonyId, 'register', deps.clock.now());
    if (!ceremony || ceremony.accountId !== actor.accountId) throw new AppError('IDENTITY_PASSKEY_CEREMONY_INVALID');
    const verification = await verifyRegistrationResponse({ response: input.response, expectedChallenge: ceremony.challenge, expectedOrigin: ceremony.origin, expectedRPID: ceremony.rpId, requireUserVerification: false }).catch(() => ({ verified: false as const, registrationInfo: undefined }));
    if (!verification.verified || !verification.registrationInfo) throw new AppError('IDENTITY_PASSKEY_REJECTED');
    const { credential } = verification.registrationInfo;
    const name = input.name?.trim() || `Passkey ${new Date().toISOString().slice(0, 10)}`;
    await deps.passkeys.insert(tx, { credentialId: credential.id, accountId: actor.accountId, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports ?? [], name });
    await deps.store.audit(tx, { actorId: actor.accountId, action: 'passkey.added', subjectType: 'account', subjectId: actor.accountId, correlationId: context.correlationId, ip: context.ip, details: { name } });
    return { id: credential.id, name };
  });
}

/** Options for signing in with any passkey of this site (discoverable credentials: no account named first). */
export async function startPasskeySignIn(deps: IdentityDeps, rp: RelyingParty): Promise<{ ceremonyId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const options = await generateAuthenticationOptions({ rpID: rp.rpId, userVerification: 'preferred' });
  const ceremonyId = randomUUID();
  await deps.transaction((tx) => deps.passkeys.startCeremony(tx, { id: ceremonyId, purpose: 'authenticate', accountId: null, challenge: options.challenge, rpId: rp.rpId, origin: rp.origin, expiresAt: new Date(deps.clock.now().getTime() + CEREMONY_TTL_MS) }));
  return { ceremonyId, options };
}

/** Signs in with the passkey's signature over the challenge; a counter that goes backwards (a cloned key) is refused. */
export async function finishPasskeySignIn(deps: IdentityDeps, input: { ceremonyId: string; response: AuthenticationResponseJSON }, context: RequestContext): Promise<SignedIn> {
  return deps.transaction(async (tx) => {
    const now = deps.clock.now();
    const ceremony = await deps.passkeys.takeCeremony(tx, input.ceremonyId, 'authenticate', now);
    if (!ceremony) throw new AppError('IDENTITY_PASSKEY_CEREMONY_INVALID');
    const passkey = await deps.passkeys.find(tx, input.response.id);
    if (!passkey) throw new AppError('IDENTITY_PASSKEY_REJECTED');
    const verification = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: ceremony.origin,
      expectedRPID: ceremony.rpId,
      credential: { id: passkey.credentialId, publicKey: passkey.publicKey, counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: false,
    }).catch(() => ({ verified: false as const, authenticationInfo: undefined }));
    if (!verification.verified || !verification.authenticationInfo) throw new AppError('IDENTITY_PASSKEY_REJECTED');
    await deps.passkeys.recordUse(tx, passkey.credentialId, verification.authenticationInfo.newCounter, now);
    const account = await deps.store.findAccount(tx, passkey.accountId);
    if (!account) throw new AppError('IDENTITY_PASSKEY_REJECTED');
    await deps.store.audit(tx, { actorId: account.id, action: 'sign-in', subjectType: 'account', subjectId: account.id, correlationId: context.correlationId, ip: context.ip, details: { method: 'passkey' } });
    const tokens = await startSession(deps, tx, account, context);
    return { ...tokens, account: { id: account.id, roles: rolesOf(account), isNew: false } };
  });
}
