import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.ts';
import { normalizeAddress } from './addresses.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import type { AccountRecord, Tx } from './ports.ts';
import { startSession } from './sessions.ts';
import type { SignedIn } from './verify-sign-in-code.ts';
import { rolesOf } from '../domain/roles.ts';

/** A first-admin link is valid this long. */
export const BOOTSTRAP_TTL_MS = 24 * 60 * 60_000;

const hash = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Makes the account with this email an admin, creating it if needed (operator CLI and first-admin link). */
export async function makeAdmin(deps: IdentityDeps, tx: Tx, emailInput: string, correlationId: string, events: { emit(type: 'identity.account-created.v1', payload: { accountId: string; signedUpWith: 'seed' | 'email' }): void }): Promise<AccountRecord> {
  const email = normalizeAddress('email', emailInput);
  let account = await deps.store.findAccountByAddress(tx, 'email', email);
  if (!account) {
    account = await deps.store.insertAccount(tx, { id: randomUUID(), email, phone: null });
    events.emit('identity.account-created.v1', { accountId: account.id, signedUpWith: 'email' });
  }
  await deps.store.grantAdmin(tx, account.id);
  await deps.store.audit(tx, { actorId: null, action: 'admin.granted', subjectType: 'account', subjectId: account.id, correlationId, details: { email } });
  return { ...account, isAdmin: true };
}

/** In embedded development, with no admin yet: a one-time link (printed by the server) that makes the first admin. */
export async function createBootstrapLinkIfNoAdmin(deps: IdentityDeps): Promise<string | null> {
  return deps.transaction(async (tx) => {
    if ((await deps.store.countAdmins(tx)) > 0) return null;
    const token = randomBytes(32).toString('base64url');
    await deps.store.replaceBootstrapLink(tx, hash(token), new Date(deps.clock.now().getTime() + BOOTSTRAP_TTL_MS));
    return `${deps.publicUrl()}/setup/${token}`;
  });
}

/** Redeems the first-admin link: the given email becomes an admin and is signed in. Works once. */
export async function redeemBootstrapLink(deps: IdentityDeps, input: { token: string; email: string }, context: RequestContext): Promise<SignedIn> {
  return deps.unitOfWork({ actorId: null, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const now = deps.clock.now();
    if (!(await deps.store.useBootstrapLink(tx, hash(input.token), now))) throw new AppError('IDENTITY_BOOTSTRAP_INVALID');
    const account = await makeAdmin(deps, tx, input.email, context.correlationId, events);
    await deps.store.audit(tx, { actorId: account.id, action: 'sign-in', subjectType: 'account', subjectId: account.id, correlationId: context.correlationId, ip: context.ip, details: { method: 'first-admin-link' } });
    const tokens = await startSession(deps, tx, account, context);
    return { ...tokens, account: { id: account.id, roles: rolesOf(account), isNew: true } };
  });
}
