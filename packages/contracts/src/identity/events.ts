// The identity module's published events.
import { Type, type Static } from 'typebox';
import { catalogOf, defineEvent } from '../shared/events.ts';

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

/** An account became a verified officer of a precinct (roster match or approved email domain). */
export const OfficerVerifiedV1 = Type.Object({
  accountId: Type.String({ format: 'uuid', description: 'the officer' }),
  precinctId: Type.String({ format: 'uuid', description: 'the precinct organisation that vouches for them' }),
  precinctName: Type.String({ description: 'its name, shown on the officer’s public profile' }),
  via: Type.Union([Type.Literal('roster'), Type.Literal('domain'), Type.Literal('claim')], { description: 'what matched: roster email, approved domain, or a badge claim the precinct confirmed' }),
});
export type OfficerVerifiedV1 = Static<typeof OfficerVerifiedV1>;

/** An admin approved a partner organisation; it is active. */
export const OrganisationApprovedV1 = Type.Object({
  organisationId: Type.String({ format: 'uuid', description: 'the organisation' }),
  type: Type.Union([Type.Literal('retailer'), Type.Literal('charity'), Type.Literal('municipality'), Type.Literal('precinct')], { description: 'its kind' }),
  name: Type.String({ description: 'its name' }),
});
export type OrganisationApprovedV1 = Static<typeof OrganisationApprovedV1>;

/** A person joined an organisation (its requester as owner, or by invitation). */
export const MemberAddedV1 = Type.Object({
  organisationId: Type.String({ format: 'uuid', description: 'the organisation' }),
  accountId: Type.String({ format: 'uuid', description: 'the new member' }),
  role: Type.Union([Type.Literal('owner'), Type.Literal('staff')], { description: 'their role in it' }),
});
export type MemberAddedV1 = Static<typeof MemberAddedV1>;

/** Identity's events. */
export const identityEvents = catalogOf(
  defineEvent('identity.officer-verified.v1', OfficerVerifiedV1, 'An account became a verified officer of a precinct.'),
  defineEvent('identity.organisation-approved.v1', OrganisationApprovedV1, 'An admin approved a partner organisation.'),
  defineEvent('identity.member-added.v1', MemberAddedV1, 'A person joined an organisation.'),
  defineEvent('identity.account-created.v1', AccountCreatedV1, 'A person signed in for the first time and has an account.'),
  defineEvent('identity.account-deleted.v1', AccountDeletedV1, 'A person deleted their account.'),
);
