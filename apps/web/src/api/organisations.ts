import type { RequestOptions } from './http.ts';
import { fail, integer, isRecord, list, oneOf, record, text, textOrNull } from './decode.ts';

/** The kinds of partner organisation. */
export const organisationTypes = ['retailer', 'charity', 'municipality', 'precinct'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Where a request stands: waiting for an admin, approved, or turned down. */
export type OrganisationStatus = 'pending' | 'active' | 'rejected';

/** A member's role in one organisation. */
export type MemberRole = 'owner' | 'staff';
export const memberRoles: readonly MemberRole[] = ['staff', 'owner'];

/** `GET /organisations/:id`, `POST /organisations`. */
export interface Organisation {
  id: string;
  type: OrganisationType;
  name: string;
  status: OrganisationStatus;
  /** ISO 8601. */
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** An organisation I belong to, with my role in it (`GET /organisations`). */
export interface MyOrganisation extends Organisation {
  role: MemberRole;
}

/** `GET /organisations/:id/members`. */
export interface Member {
  accountId: string;
  email: string | null;
  role: MemberRole;
  since: string;
}

/** `POST /organisations/:id/invitations`. */
export interface InvitationSent {
  invitationId: string;
  expiresAt: string;
}

/** A roster row the server refused: where it is in the file and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** `POST /organisations/:id/roster`. */
export interface RosterReport {
  rows: number;
  accepted: number;
  rejected: RejectedRow[];
  officersVerified: number;
}

/** One officer on a precinct's roster. */
export interface RosterEntry {
  name: string;
  email: string;
  badgeNumber: string;
  department: string;
}

/** A page of a list and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** An email domain whose accounts are the precinct's officers. */
export interface OfficerDomain {
  domain: string;
  status: 'pending' | 'approved';
}

/** `POST /organisations/:id/officer-domains`. */
export interface OfficerDomainAdded extends OfficerDomain {
  officersVerified: number;
}

/** One line of the admin audit log. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  correlationId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

/** What these calls need of the session: authed GET and POST (see `api/session.ts`). */
export interface AuthedApi {
  get<T>(path: string, options?: RequestOptions<T>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
}

/* ---------- decoding ---------- */








/** A cursor: ids arrive as numbers or strings, timestamps as strings. */
function cursor(value: unknown, what: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return fail(what);
}

const statuses: readonly OrganisationStatus[] = ['pending', 'active', 'rejected'];

/** Checks an organisation. */
export function decodeOrganisation(data: unknown): Organisation {
  const o = record(data, 'organisation');
  return {
    id: text(o['id'], 'organisation id'),
    type: oneOf(o['type'], organisationTypes, 'organisation type'),
    name: text(o['name'], 'organisation name'),
    status: oneOf(o['status'], statuses, 'organisation status'),
    createdAt: text(o['createdAt'], 'organisation createdAt'),
    decidedAt: textOrNull(o['decidedAt'], 'organisation decidedAt'),
    decisionNote: textOrNull(o['decisionNote'], 'organisation decisionNote'),
  };
}

/** Checks `GET /organisations`. */
export function decodeMyOrganisations(data: unknown): MyOrganisation[] {
  return list(record(data, 'organisations')['organisations'], 'organisations').map((item) => ({
    ...decodeOrganisation(item),
    role: oneOf(record(item, 'organisation')['role'], memberRoles, 'member role'),
  }));
}

/** Checks `GET /organisations/:id/members`. */
export function decodeMembers(data: unknown): Member[] {
  return list(record(data, 'members')['members'], 'members').map((item) => {
    const m = record(item, 'member');
    return {
      accountId: text(m['accountId'], 'member accountId'),
      email: textOrNull(m['email'], 'member email'),
      role: oneOf(m['role'], memberRoles, 'member role'),
      since: text(m['since'], 'member since'),
    };
  });
}

/** Checks `POST /organisations/:id/invitations`. */
export function decodeInvitationSent(data: unknown): InvitationSent {
  const i = record(data, 'invitation');
  return { invitationId: text(i['invitationId'], 'invitationId'), expiresAt: text(i['expiresAt'], 'invitation expiresAt') };
}

/** Checks `POST /organisations/:id/roster`. */
export function decodeRosterReport(data: unknown): RosterReport {
  const r = record(data, 'roster report');
  return {
    rows: integer(r['rows'], 'report rows'),
    accepted: integer(r['accepted'], 'report accepted'),
    rejected: list(r['rejected'], 'report rejected').map((item) => {
      const row = record(item, 'rejected row');
      return { line: integer(row['line'], 'rejected line'), reason: text(row['reason'], 'rejected reason') };
    }),
    officersVerified: integer(r['officersVerified'], 'report officersVerified'),
  };
}

/** Checks `GET /organisations/:id/roster`. */
export function decodeRosterPage(data: unknown): Page<RosterEntry> {
  const page = record(data, 'roster page');
  return {
    items: list(page['entries'], 'roster entries').map((item) => {
      const e = record(item, 'roster entry');
      return {
        name: text(e['name'], 'roster name'),
        email: text(e['email'], 'roster email'),
        badgeNumber: text(e['badgeNumber'], 'roster badge'),
        department: text(e['department'], 'roster department'),
      };
    }),
    next: cursor(page['next'], 'roster next'),
  };
}

const domainStatuses: readonly OfficerDomain['status'][] = ['pending', 'approved'];

/** Checks `GET /organisations/:id/officer-domains`. */
export function decodeOfficerDomains(data: unknown): OfficerDomain[] {
  return list(record(data, 'domains')['domains'], 'domains').map((item) => {
    const d = record(item, 'domain');
    return { domain: text(d['domain'], 'domain'), status: oneOf(d['status'], domainStatuses, 'domain status') };
  });
}

/** Checks `POST /organisations/:id/officer-domains`. */
export function decodeOfficerDomainAdded(data: unknown): OfficerDomainAdded {
  const d = record(data, 'domain');
  return {
    domain: text(d['domain'], 'domain'),
    status: oneOf(d['status'], domainStatuses, 'domain status'),
    officersVerified: integer(d['officersVerified'], 'officersVerified'),
  };
}

/** Checks `GET /admin/organisations`. */
export function decodeOrganisationPage(data: unknown): Page<Organisation> {
  const page = record(data, 'organisation page');
  return { items: list(page['organisations'], 'organisations').map(decodeOrganisation), next: cursor(page['next'], 'organisations next') };
}

/** Checks `GET /admin/audit`. */
export function decodeAuditPage(data: unknown): Page<AuditEntry> {
  const page = record(data, 'audit page');
  return {
    items: list(page['entries'], 'audit entries').map((item) => {
      const e = record(item, 'audit entry');
      const details = e['details'];
      return {
        id: cursor(e['id'], 'audit id') ?? fail('audit id'),
        at: text(e['at'], 'audit at'),
        actorId: textOrNull(e['actorId'], 'audit actorId'),
        actorEmail: textOrNull(e['actorEmail'], 'audit actorEmail'),
        action: text(e['action'], 'audit action'),
        subjectType: textOrNull(e['subjectType'], 'audit subjectType'),
        subjectId: textOrNull(e['subjectId'], 'audit subjectId'),
        correlationId: textOrNull(e['correlationId'], 'audit correlationId'),
        ip: textOrNull(e['ip'], 'audit ip'),
        details: isRecord(details) ? details : null,
      };
    }),
    next: cursor(page['next'], 'audit next'),
  };
}

/* ---------- calls ---------- */

const base = '/api/v1';

function organisationPath(id: string, rest = ''): string {
  return `${base}/organisations/${encodeURIComponent(id)}${rest}`;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const string = search.toString();
  return string ? `?${string}` : '';
}

/** The organisations I belong to, with my role in each. */
export function listMyOrganisations(api: AuthedApi, signal?: AbortSignal): Promise<MyOrganisation[]> {
  return api.get(`${base}/organisations`, { signal, decode: decodeMyOrganisations });
}

/** Asks for a new organisation; it waits for an admin, and I become its owner. */
export function requestOrganisation(api: AuthedApi, input: { type: OrganisationType; name: string }): Promise<Organisation> {
  return api.post(`${base}/organisations`, input, { decode: decodeOrganisation });
}

/** One organisation (members and admins; others get IDENTITY_ORGANISATION_NOT_FOUND). */
export function getOrganisation(api: AuthedApi, id: string, signal?: AbortSignal): Promise<Organisation> {
  return api.get(organisationPath(id), { signal, decode: decodeOrganisation });
}

/** Its members and their roles. */
export function listMembers(api: AuthedApi, id: string, signal?: AbortSignal): Promise<Member[]> {
  return api.get(organisationPath(id, '/members'), { signal, decode: decodeMembers });
}

/** Emails an invitation link (owners of active organisations). */
export function inviteMember(api: AuthedApi, id: string, input: { email: string; role: MemberRole }): Promise<InvitationSent> {
  return api.post(organisationPath(id, '/invitations'), input, { decode: decodeInvitationSent });
}

/** A page of the precinct's roster, ordered by email. */
export function listRoster(api: AuthedApi, id: string, page: { limit: number; after?: string | undefined }, signal?: AbortSignal): Promise<Page<RosterEntry>> {
  return api.get(organisationPath(id, `/roster${query({ limit: page.limit, after: page.after })}`), { signal, decode: decodeRosterPage });
}

/** The roster upload's path (the upload itself goes through `uploadWithProgress`). */
export function rosterPath(id: string): string {
  return organisationPath(id, '/roster');
}

/** The precinct's officer email domains. */
export function listOfficerDomains(api: AuthedApi, id: string, signal?: AbortSignal): Promise<OfficerDomain[]> {
  return api.get(organisationPath(id, '/officer-domains'), { signal, decode: decodeOfficerDomains });
}

/** Lists a domain (pending until an admin adds it too, which approves it). */
export function addOfficerDomain(api: AuthedApi, id: string, domain: string): Promise<OfficerDomainAdded> {
  return api.post(organisationPath(id, '/officer-domains'), { domain }, { decode: decodeOfficerDomainAdded });
}

/** Admins: organisations by status, newest first. */
export function listOrganisationsForAdmin(
  api: AuthedApi,
  filter: { status?: OrganisationStatus | undefined; limit: number; before?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<Organisation>> {
  return api.get(`${base}/admin/organisations${query({ status: filter.status, limit: filter.limit, before: filter.before })}`, { signal, decode: decodeOrganisationPage });
}

/** Admins: approves or rejects a pending organisation, with an optional note the requester sees. */
export async function decideOrganisation(api: AuthedApi, id: string, decision: { approve: boolean; note?: string | undefined }): Promise<void> {
  const note = decision.note?.trim();
  await api.post(`${base}/admin/organisations/${encodeURIComponent(id)}/decision`, { approve: decision.approve, ...(note ? { note } : {}) });
}

/** Admins: the audit log, newest first. */
export function listAudit(api: AuthedApi, page: { limit: number; before?: string | undefined }, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return api.get(`${base}/admin/audit${query({ limit: page.limit, before: page.before })}`, { signal, decode: decodeAuditPage });
}
