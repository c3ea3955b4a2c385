// The identity module's HTTP shapes for a person's own account: signing in (codes, passkeys,
// OpenID Connect, the first-admin link), sessions, the account, its phone and passkeys, and the
// development outbox. Organisations, rosters, officer claims and admin work are in
// organisations-http.ts.
import { Type, type Static } from 'typebox';
import { Nullable, Time, Uuid } from '../shared/http.ts';

/** Roles an account can hold. */
export const Role = Type.Union([Type.Literal('citizen'), Type.Literal('officer'), Type.Literal('admin')]);
export type Role = Static<typeof Role>;

/** Where a one-time code is sent. */
export const CodeChannel = Type.Union([Type.Literal('email'), Type.Literal('sms')], { description: 'where the code is sent' });
export type CodeChannel = Static<typeof CodeChannel>;

/** A one-time code as a person types it. */
const Code = Type.String({ minLength: 1, maxLength: 12, description: 'the one-time code, as received' });

/** `POST /auth/codes`: where to send a sign-in code. */
export const RequestCodeBody = Type.Object({
  channel: CodeChannel,
  address: Type.String({ minLength: 3, maxLength: 254, description: 'email address, or phone in international format' }),
}, { additionalProperties: false });
export type RequestCodeBody = Static<typeof RequestCodeBody>;

/** The challenge a code belongs to (`POST /auth/codes`, `POST /me/phone`). */
export const CodeChallenge = Type.Object({
  challengeId: Uuid('send it back with the code'),
  expiresAt: Time('the code stops working then'),
});
export type CodeChallenge = Static<typeof CodeChallenge>;

/** The path of `POST /auth/codes/:challengeId/verify`. */
export const ChallengeParams = Type.Object({ challengeId: Uuid() });
export type ChallengeParams = Static<typeof ChallengeParams>;

/** `POST /auth/codes/:challengeId/verify`: the code. */
export const VerifyCodeBody = Type.Object({ code: Code }, { additionalProperties: false });
export type VerifyCodeBody = Static<typeof VerifyCodeBody>;

/** `POST /auth/refresh`: a new access token and how long it lives. */
export const AccessTokens = Type.Object({
  accessToken: Type.String({ description: 'EdDSA JWT for `Authorization: Bearer`' }),
  expiresIn: Type.Integer({ description: 'seconds until the access token expires' }),
});
export type AccessTokens = Static<typeof AccessTokens>;

/** Tokens and the account that just signed in (by code, passkey or the first-admin link); the refresh cookie is set too. */
export const VerifiedSignIn = Type.Object({
  ...AccessTokens.properties,
  account: Type.Object({ id: Uuid(), roles: Type.Array(Role), isNew: Type.Boolean({ description: 'true on the first sign-in' }) }),
});
export type VerifiedSignIn = Static<typeof VerifiedSignIn>;

/** `POST /auth/first-admin`: the one-time link's token and the email that becomes an admin. */
export const FirstAdminBody = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100 }),
  email: Type.String({ minLength: 3, maxLength: 254 }),
}, { additionalProperties: false });
export type FirstAdminBody = Static<typeof FirstAdminBody>;

/** `GET /auth/oidc`: whether "sign in with your organisation" is offered, and its button label. */
export const OidcOffer = Type.Object({ enabled: Type.Boolean(), label: Nullable(Type.String()) });
export type OidcOffer = Static<typeof OidcOffer>;

/** `GET /auth/oidc/start`: where to come back to once signed in. */
export const OidcStartQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 500, description: 'a path on this site to return to' })) });
export type OidcStartQuery = Static<typeof OidcStartQuery>;

/** `GET /me`: the signed-in account. */
export const Account = Type.Object({
  id: Uuid(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'verified phone, international format' })),
  roles: Type.Array(Role),
  createdAt: Time(),
});
export type Account = Static<typeof Account>;

/** `POST /me/phone`: the phone to add or change (a code is sent to it). */
export const PhoneBody = Type.Object({ phone: Type.String({ minLength: 3, maxLength: 32 }) }, { additionalProperties: false });
export type PhoneBody = Static<typeof PhoneBody>;

/** `POST /me/phone/verify`: the phone's challenge and code. */
export const VerifyPhoneBody = Type.Object({ challengeId: Uuid(), code: Code }, { additionalProperties: false });
export type VerifyPhoneBody = Static<typeof VerifyPhoneBody>;

/** `POST /me/phone/verify`: the phone the account now has. */
export const VerifiedPhone = Type.Object({ phone: Type.String() });
export type VerifiedPhone = Static<typeof VerifiedPhone>;

/** `GET /me/export`: what identity keeps about the person, as a download. */
export const AccountExport = Type.Object({
  exportedAt: Time(),
  identity: Type.Record(Type.String(), Type.Unknown(), { description: 'account, sessions, passkeys and security log, as stored' }),
});
export type AccountExport = Static<typeof AccountExport>;

/** `DELETE /me`: the person confirms. */
export const DeleteAccountBody = Type.Object({ confirm: Type.Literal('DELETE') }, { additionalProperties: false });
export type DeleteAccountBody = Static<typeof DeleteAccountBody>;

/** A WebAuthn credential id or user handle, base64url-encoded. */
const Base64Url = Type.String({ maxLength: 1024 });

/** A WebAuthn blob (client data, authenticator data, signature, attestation, public key), base64url-encoded; generous, as authenticators differ. */
const EncodedBytes = Type.String({ maxLength: 16384 });

/** What a browser's extensions reported; SimpleWebAuthn reads what it knows. */
const ClientExtensionResults = Type.Object({}, { additionalProperties: true });

/** A WebAuthn response as the browser's JSON serialisation gives it; SimpleWebAuthn checks it field by field. */
const CredentialFields = {
  id: Base64Url,
  rawId: Base64Url,
  type: Type.Literal('public-key'),
  authenticatorAttachment: Type.Optional(Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')])),
  clientExtensionResults: ClientExtensionResults,
};

/** The browser's answer to `navigator.credentials.get()` (signing in). */
export const AuthenticationResponse = Type.Object({
  ...CredentialFields,
  response: Type.Object({
    clientDataJSON: EncodedBytes,
    authenticatorData: EncodedBytes,
    signature: EncodedBytes,
    userHandle: Type.Optional(Base64Url),
  }, { additionalProperties: true }),
}, { additionalProperties: true });
export type AuthenticationResponse = Static<typeof AuthenticationResponse>;

/** The browser's answer to `navigator.credentials.create()` (adding a passkey). */
export const RegistrationResponse = Type.Object({
  ...CredentialFields,
  response: Type.Object({
    clientDataJSON: EncodedBytes,
    attestationObject: EncodedBytes,
    authenticatorData: Type.Optional(EncodedBytes),
    transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 16 })),
    publicKeyAlgorithm: Type.Optional(Type.Integer()),
    publicKey: Type.Optional(EncodedBytes),
  }, { additionalProperties: true }),
}, { additionalProperties: true });
export type RegistrationResponse = Static<typeof RegistrationResponse>;

/** A WebAuthn ceremony the server started (`POST /auth/passkeys/options`, `POST /me/passkeys/options`): its id and the options for the browser. */
export const Ceremony = Type.Object({
  ceremonyId: Uuid('send it back with the browser’s response'),
  options: Type.Object({ challenge: Type.String() }, { additionalProperties: true, description: 'WebAuthn options JSON, for the browser’s startRegistration / startAuthentication' }),
});
export type Ceremony = Static<typeof Ceremony>;

/** `POST /auth/passkeys/verify`: the ceremony and the browser's assertion. */
export const PasskeySignInBody = Type.Object({ ceremonyId: Uuid(), response: AuthenticationResponse }, { additionalProperties: false });
export type PasskeySignInBody = Static<typeof PasskeySignInBody>;

/** `POST /me/passkeys`: the ceremony, the browser's new credential and an optional name for it. */
export const AddPasskeyBody = Type.Object({
  ceremonyId: Uuid(),
  response: RegistrationResponse,
  name: Type.Optional(Type.String({ maxLength: 60, description: 'e.g. "Work laptop"' })),
}, { additionalProperties: false });
export type AddPasskeyBody = Static<typeof AddPasskeyBody>;

/** `POST /me/passkeys`: the passkey added. */
export const AddedPasskey = Type.Object({ id: Type.String({ description: 'the credential id' }), name: Type.String() });
export type AddedPasskey = Static<typeof AddedPasskey>;

/** One of the signed-in person's passkeys. */
export const Passkey = Type.Object({
  id: Type.String({ description: 'the credential id' }),
  name: Type.String(),
  createdAt: Time(),
  lastUsedAt: Nullable(Time('null when it has never signed in')),
});
export type Passkey = Static<typeof Passkey>;

/** `GET /me/passkeys`. */
export const PasskeyList = Type.Object({ passkeys: Type.Array(Passkey) });
export type PasskeyList = Static<typeof PasskeyList>;

/** The path of `DELETE /me/passkeys/:passkeyId`. */
export const PasskeyParams = Type.Object({ passkeyId: Type.String({ minLength: 1, maxLength: 1024 }) });
export type PasskeyParams = Static<typeof PasskeyParams>;

/** One message the development outbox caught instead of sending it. */
export const DevOutboxMessage = Type.Object({
  id: Uuid(),
  channel: CodeChannel,
  to: Type.String(),
  purpose: Type.String({ description: 'e.g. sign-in, phone-verification, invitation' }),
  subject: Type.String(),
  text: Type.String(),
  sentAt: Time(),
});
export type DevOutboxMessage = Static<typeof DevOutboxMessage>;

/** `GET /dev/outbox` (development servers only): the caught messages, newest first. */
export const DevOutbox = Type.Object({ messages: Type.Array(DevOutboxMessage) });
export type DevOutbox = Static<typeof DevOutbox>;
