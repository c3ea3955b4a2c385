// The identity module's HTTP shapes for partner organisations: requesting one, members and
// invitations, a precinct's roster and officer domains, officers' claims, and the admin's
// approvals and audit log.
import { Type, type Static } from 'typebox';
import { Nullable, Time, Uuid } from '../shared/http.ts';

/** The kinds of partner organisation. */
export const OrganisationType = Type.Union([Type.Literal('retailer'), Type.Literal('charity'), Type.Literal('municipality'), Type.Literal('precinct')]);
export type OrganisationType = Static<typeof OrganisationType>;

/** Where an organisation stands: waiting for an admin, approved, or turned down. */
export const OrganisationStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('rejected')]);
export type OrganisationStatus = Static<typeof OrganisationStatus>;

/** A member's role in one organisation. */
export const MemberRole = Type.Union([Type.Literal('owner'), Type.Literal('staff')]);
export type MemberRole = Static<typeof MemberRole>;

/** Whether an officer email domain counts yet: listed by the precinct, then approved by an admin. */
export const OfficerDomainStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved')]);
export type OfficerDomainStatus = Static<typeof OfficerDomainStatus>;

/** An organisation as the API shows it (`GET /organisations/:id`, `POST /organisations`). */
export const Organisation = Type.Object({
  id: Uuid(),
  type: OrganisationType,
  name: Type.String(),
  status: OrganisationStatus,
  createdAt: Time(),
  decidedAt: Nullable(Time('when an admin approved or rejected it')),
  decisionNote: Nullable(Type.String({ description: 'the admin’s note to the requester' })),
});
export type Organisation = Static<typeof Organisation>;

/** An organisation I belong to, with my role in it. */
export const MyOrganisation = Type.Object({ ...Organisation.properties, role: MemberRole });
export type MyOrganisation = Static<typeof MyOrganisation>;

/** `GET /organisations`: the organisations I belong to. */
export const MyOrganisationList = Type.Object({ organisations: Type.Array(MyOrganisation) });
export type MyOrganisationList = Static<typeof MyOrganisationList>;

/** `POST /organisations`: what to request (pending until an admin approves; the requester becomes its owner). */
export const RequestOrganisationBody = Type.Object({ type: OrganisationType, name: Type.String({ minLength: 2, maxLength: 120 }) }, { additionalProperties: false });
export type RequestOrganisationBody = Static<typeof RequestOrganisationBody>;

/** The path of every `/organisations/:organisationId/…` route. */
export const OrganisationParams = Type.Object({ organisationId: Uuid() });
export type OrganisationParams = Static<typeof OrganisationParams>;

/** A member of an organisation. */
export const Member = Type.Object({ accountId: Uuid(), email: Nullable(Type.String()), role: MemberRole, since: Time() });
export type Member = Static<typeof Member>;

/** `GET /organisations/:id/members`. */
export const MemberList = Type.Object({ members: Type.Array(Member) });
export type MemberList = Static<typeof MemberList>;

/** `POST /organisations/:id/invitations`: whom to invite, as what. */
export const InviteMemberBody = Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }), role: MemberRole }, { additionalProperties: false });
export type InviteMemberBody = Static<typeof InviteMemberBody>;

/** `POST /organisations/:id/invitations`: the invitation emailed. */
export const InvitationSent = Type.Object({ invitationId: Uuid(), expiresAt: Time() });
export type InvitationSent = Static<typeof InvitationSent>;

/** The path of `/invitations/:token` routes: the token from the emailed link. */
export const InvitationParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
export type InvitationParams = Static<typeof InvitationParams>;

/** `GET /invitations/:token`: what an invitation link is for. */
export const Invitation = Type.Object({
  organisationName: Type.String(),
  email: Type.String({ description: 'the address it was sent to; only that account can accept it' }),
  role: MemberRole,
  accepted: Type.Boolean(),
});
export type Invitation = Static<typeof Invitation>;

/** `POST /invitations/:token/accept`: where the person now belongs. */
export const AcceptedInvitation = Type.Object({ organisationId: Uuid(), role: MemberRole });
export type AcceptedInvitation = Static<typeof AcceptedInvitation>;

/** A roster row the server refused: its line in the file and why. */
export const RejectedRow = Type.Object({ line: Type.Integer(), reason: Type.String() });
export type RejectedRow = Static<typeof RejectedRow>;

/** `POST /organisations/:id/roster` (a `text/csv` body): what the upload did. */
export const RosterReport = Type.Object({
  rows: Type.Integer({ description: 'data rows in the file' }),
  accepted: Type.Integer(),
  rejected: Type.Array(RejectedRow),
  officersVerified: Type.Integer({ description: 'accounts that became verified officers by this upload' }),
});
export type RosterReport = Static<typeof RosterReport>;

/** `GET /organisations/:id/roster`: a page, by email. */
export const RosterQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  after: Type.Optional(Type.String({ maxLength: 254, description: 'the last email of the previous page' })),
});
export type RosterQuery = Static<typeof RosterQuery>;

/** One officer on a precinct's roster. */
export const RosterEntry = Type.Object({ name: Type.String(), email: Type.String(), badgeNumber: Type.String(), department: Type.String() });
export type RosterEntry = Static<typeof RosterEntry>;

/** `GET /organisations/:id/roster`. */
export const RosterPage = Type.Object({ entries: Type.Array(RosterEntry), next: Nullable(Type.String({ description: 'pass as `after` for the next page' })) });
export type RosterPage = Static<typeof RosterPage>;

/** `POST /organisations/:id/officer-domains`: the domain to list. */
export const OfficerDomainBody = Type.Object({ domain: Type.String({ minLength: 4, maxLength: 253 }) }, { additionalProperties: false });
export type OfficerDomainBody = Static<typeof OfficerDomainBody>;

/** An email domain whose accounts are the precinct's officers. */
export const OfficerDomain = Type.Object({ domain: Type.String(), status: OfficerDomainStatus });
export type OfficerDomain = Static<typeof OfficerDomain>;

/** `POST /organisations/:id/officer-domains`: the domain and how many officers it verified. */
export const OfficerDomainAdded = Type.Object({ ...OfficerDomain.properties, officersVerified: Type.Integer() });
export type OfficerDomainAdded = Static<typeof OfficerDomainAdded>;

/** `GET /organisations/:id/officer-domains`. */
export const OfficerDomainList = Type.Object({ domains: Type.Array(OfficerDomain) });
export type OfficerDomainList = Static<typeof OfficerDomainList>;

/** An active precinct an officer can name as theirs. */
export const Precinct = Type.Object({ id: Uuid(), name: Type.String() });
export type Precinct = Static<typeof Precinct>;

/** `GET /precincts`: active precincts, by name. */
export const PrecinctList = Type.Object({ precincts: Type.Array(Precinct) });
export type PrecinctList = Static<typeof PrecinctList>;

/** `POST /officer-claims`: the roster entry an officer claims as theirs. */
export const OfficerClaimBody = Type.Object({
  organisationId: Uuid('the precinct'),
  badgeNumber: Type.String({ minLength: 1, maxLength: 32 }),
  department: Type.String({ minLength: 1, maxLength: 100 }),
}, { additionalProperties: false });
export type OfficerClaimBody = Static<typeof OfficerClaimBody>;

/** `POST /officer-claims`: the claim waits for the precinct. */
export const OfficerClaimSent = Type.Object({ claimId: Uuid(), status: Type.Literal('pending') });
export type OfficerClaimSent = Static<typeof OfficerClaimSent>;

/** A pending claim as the precinct sees it. */
export const OfficerClaim = Type.Object({
  id: Uuid(),
  accountId: Uuid(),
  email: Nullable(Type.String()),
  badgeNumber: Type.String(),
  department: Type.String(),
  rosterName: Nullable(Type.String({ description: 'the roster entry the claim matches (name as the precinct wrote it); null when none does' })),
  createdAt: Time(),
});
export type OfficerClaim = Static<typeof OfficerClaim>;

/** `GET /organisations/:id/officer-claims`. */
export const OfficerClaimList = Type.Object({ claims: Type.Array(OfficerClaim) });
export type OfficerClaimList = Static<typeof OfficerClaimList>;

/** The path of `POST /organisations/:organisationId/officer-claims/:claimId/decision`. */
export const OfficerClaimParams = Type.Object({ organisationId: Uuid(), claimId: Uuid() });
export type OfficerClaimParams = Static<typeof OfficerClaimParams>;

/** Confirm (verifies the officer) or reject a claim. */
export const OfficerClaimDecisionBody = Type.Object({ confirm: Type.Boolean() }, { additionalProperties: false });
export type OfficerClaimDecisionBody = Static<typeof OfficerClaimDecisionBody>;

/** `GET /admin/organisations`: which, newest first. */
export const AdminOrganisationsQuery = Type.Object({
  status: Type.Optional(OrganisationStatus),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  before: Type.Optional(Time('the `next` of the previous page')),
});
export type AdminOrganisationsQuery = Static<typeof AdminOrganisationsQuery>;

/** `GET /admin/organisations`. */
export const OrganisationPage = Type.Object({ organisations: Type.Array(Organisation), next: Nullable(Time('pass as `before` for the next page')) });
export type OrganisationPage = Static<typeof OrganisationPage>;

/** `POST /admin/organisations/:id/decision`: approve or reject, with a note the requester sees. */
export const OrganisationDecisionBody = Type.Object({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type OrganisationDecisionBody = Static<typeof OrganisationDecisionBody>;

/** `GET /admin/audit`: a page, newest first. */
export const AuditQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'the `next` of the previous page' })),
});
export type AuditQuery = Static<typeof AuditQuery>;

/** One line of the audit log. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Time(),
  actorId: Nullable(Type.String({ description: 'who did it; null for the system' })),
  actorEmail: Nullable(Type.String()),
  action: Type.String({ description: 'e.g. sign-in, organisation.approved, roster.uploaded' }),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  correlationId: Nullable(Type.String({ description: 'the request that did it; find its logs and events by it' })),
  ip: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** `GET /admin/audit`. */
export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry), next: Nullable(Type.Integer({ description: 'pass as `before` for the next page' })) });
export type AuditPage = Static<typeof AuditPage>;
