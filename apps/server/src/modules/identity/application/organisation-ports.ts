import type { MemberRole } from '../domain/access-policy.ts';
import type { RosterEntry } from '../domain/roster.ts';
import type { Tx } from './ports.ts';

/** The kinds of partner organisation. */
export type OrganisationType = 'retailer' | 'charity' | 'municipality' | 'precinct';

/** An organisation as stored. */
export interface OrganisationRecord {
  readonly id: string;
  readonly type: OrganisationType;
  readonly name: string;
  readonly status: 'pending' | 'active' | 'rejected';
  readonly requestedBy: string | null;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
  readonly decisionNote: string | null;
}

/** A member of an organisation. */
export interface MemberRecord {
  readonly accountId: string;
  readonly email: string | null;
  readonly role: MemberRole;
  readonly since: Date;
}

/** An invitation as stored. */
export interface InvitationRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly email: string;
  readonly role: MemberRole;
  readonly expiresAt: Date;
  readonly acceptedAt: Date | null;
}

/** An account that just became a verified officer. */
export interface VerifiedOfficer {
  readonly accountId: string;
  readonly precinctId: string;
  readonly precinctName: string;
  readonly via: 'roster' | 'domain';
}

/** An audit-log entry, newest first in pages. */
export interface AuditRecord {
  readonly id: number;
  readonly at: Date;
  readonly actorId: string | null;
  readonly actorEmail: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly correlationId: string | null;
  readonly ip: string | null;
  readonly details: Record<string, unknown>;
}

/** Organisations, memberships, invitations, rosters and officer domains. */
export interface OrganisationStore {
  membershipsOf(tx: Tx, accountId: string): Promise<Map<string, MemberRole>>;
  insertOrganisation(tx: Tx, org: { id: string; type: OrganisationType; name: string; requestedBy: string }): Promise<OrganisationRecord>;
  findOrganisation(tx: Tx, id: string, lock?: boolean): Promise<OrganisationRecord | undefined>;
  listOrganisationsOf(tx: Tx, accountId: string): Promise<Array<OrganisationRecord & { role: MemberRole }>>;
  listOrganisations(tx: Tx, filter: { status?: string; limit: number; before?: Date }): Promise<OrganisationRecord[]>;
  decideOrganisation(tx: Tx, id: string, decision: { status: 'active' | 'rejected'; by: string; note: string | null; at: Date }): Promise<void>;
  addMember(tx: Tx, organisationId: string, accountId: string, role: MemberRole): Promise<boolean>;
  listMembers(tx: Tx, organisationId: string): Promise<MemberRecord[]>;
  insertInvitation(tx: Tx, invitation: { id: string; organisationId: string; email: string; role: MemberRole; tokenHash: string; invitedBy: string; expiresAt: Date }): Promise<void>;
  findInvitationByToken(tx: Tx, tokenHash: string, lock?: boolean): Promise<InvitationRecord | undefined>;
  acceptInvitation(tx: Tx, id: string, accountId: string, at: Date): Promise<void>;
  upsertRosterEntries(tx: Tx, organisationId: string, entries: readonly RosterEntry[]): Promise<void>;
  listRoster(tx: Tx, organisationId: string, page: { limit: number; after?: string }): Promise<RosterEntry[]>;
  /** Marks unverified accounts matching an active precinct's roster or approved domains as officers; returns who changed. */
  verifyMatchingOfficers(tx: Tx, scope: { organisationId?: string; accountId?: string }, at: Date): Promise<VerifiedOfficer[]>;
  upsertOfficerDomain(tx: Tx, organisationId: string, domain: string, status: 'pending' | 'approved', by: string): Promise<void>;
  listOfficerDomains(tx: Tx, organisationId: string): Promise<Array<{ domain: string; status: 'pending' | 'approved' }>>;
  auditPage(tx: Tx, page: { limit: number; beforeId?: number }): Promise<AuditRecord[]>;
  /** The person's role in the organisation with the organisation itself; undefined when they are not a member (or their account is deleted). */
  membership(tx: Tx, organisationId: string, accountId: string): Promise<{ role: MemberRole; organisation: OrganisationRecord } | undefined>;
  /** An organisation of this type by its exact name (seed precincts are found again by name). */
  findOrganisationByName(tx: Tx, type: OrganisationType, name: string): Promise<OrganisationRecord | undefined>;
  /** An organisation created already approved, without a requester (seeding). */
  insertActiveOrganisation(tx: Tx, org: { id: string; type: OrganisationType; name: string }, at: Date): Promise<void>;
  /** The name on the roster of the precinct that verified this officer, matched by email; undefined when there is none. */
  rosterNameOf(tx: Tx, accountId: string): Promise<string | undefined>;
  /** Marks an account, not yet a verified officer, as one of the precinct; false when it already was one. */
  verifyOfficer(tx: Tx, accountId: string, precinctId: string, at: Date): Promise<boolean>;
}
