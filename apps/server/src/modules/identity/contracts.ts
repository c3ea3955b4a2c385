// The identity module's published contracts: the only file other modules may import.
import { Type, type Static } from 'typebox';
import { catalogOf, defineEvent } from '../../platform/events/event-catalog.ts';

/** Roles an account can hold. */
export type Role = 'citizen' | 'officer' | 'admin';

/** A new account exists (first sign-in). */
export const AccountCreatedV1 = Type.Object({
  accountId: Type.String({ format: 'uuid', description: 'the new account' }),
  signedUpWith: Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('oidc'), Type.Literal('seed')], { description: 'how the account was created' }),
});
export type AccountCreatedV1 = Static<typeof AccountCreatedV1>;

/** An account was deleted: its personal data is gone; modules remove theirs, keeping only what the ledger needs without identity. */
export const AccountDeletedV1 = Type.Object({
  accountId: Type.String({ format: 'uuid', description: 'the deleted account (the id stays, with no personal data behind it)' }),
});
export type AccountDeletedV1 = Static<typeof AccountDeletedV1>;

/** Identity's events. */
export const identityEvents = catalogOf(
  defineEvent('identity.account-created.v1', AccountCreatedV1, 'A person signed in for the first time and has an account.'),
  defineEvent('identity.account-deleted.v1', AccountDeletedV1, 'A person deleted their account.'),
);
