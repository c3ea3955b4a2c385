import {
  AuditPage, InvitationSent, MemberList, MyOrganisationList, OfficerDomainAdded, OfficerDomainList, Organisation, OrganisationPage, OrganisationType, RosterPage, RosterReport,
} from '@heyblue/contracts/identity';
import type {
  AuditEntry, InviteMemberBody, Member, MemberRole, MyOrganisation, OfficerDomain, OrganisationDecisionBody, OrganisationStatus, RejectedRow, RequestOrganisationBody, RosterEntry,
} from '@heyblue/contracts/identity';
import { precompiledChecks } from '@heyblue/contracts/identity/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import type { RequestOptions } from './http.ts';

export type {
  AuditEntry, InvitationSent, Member, MemberRole, MyOrganisation, OfficerDomain, OfficerDomainAdded, Organisation, OrganisationStatus, OrganisationType, RejectedRow, RosterEntry, RosterReport,
};

// The identity schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

/** The kinds of partner organisation, in the contract's order (for pickers). */
export const organisationTypes: readonly OrganisationType[] = OrganisationType.anyOf.map((literal) => literal.const);

/** Member roles in the order a picker offers them (the usual choice first). */
export const memberRoles: readonly MemberRole[] = ['staff', 'owner'];

/** A page of a list as the dashboard pages it: the items and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** What these calls need of the session: authed GET and POST (see `api/session.ts`). */
export interface AuthedApi {
  get<T>(path: string, options?: RequestOptions<T>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
}

/** Checks `POST /organisations/:id/roster` (the upload goes through `uploadWithProgress`). */
export const decodeRosterReport = decoderOf(RosterReport);

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
export async function listMyOrganisations(api: AuthedApi, signal?: AbortSignal): Promise<MyOrganisation[]> {
  return (await api.get(`${base}/organisations`, { signal, decode: decoderOf(MyOrganisationList) })).organisations;
}

/** Asks for a new organisation; it waits for an admin, and I become its owner. */
export function requestOrganisation(api: AuthedApi, input: RequestOrganisationBody): Promise<Organisation> {
  return api.post(`${base}/organisations`, input, { decode: decoderOf(Organisation) });
}

/** One organisation (members and admins; others get IDENTITY_ORGANISATION_NOT_FOUND). */
export function getOrganisation(api: AuthedApi, id: string, signal?: AbortSignal): Promise<Organisation> {
  return api.get(organisationPath(id), { signal, decode: decoderOf(Organisation) });
}

/** Its members and their roles. */
export async function listMembers(api: AuthedApi, id: string, signal?: AbortSignal): Promise<Member[]> {
  return (await api.get(organisationPath(id, '/members'), { signal, decode: decoderOf(MemberList) })).members;
}

/** Emails an invitation link (owners of active organisations). */
export function inviteMember(api: AuthedApi, id: string, input: InviteMemberBody): Promise<InvitationSent> {
  return api.post(organisationPath(id, '/invitations'), input, { decode: decoderOf(InvitationSent) });
}

/** A page of the precinct's roster, ordered by email. */
export async function listRoster(api: AuthedApi, id: string, page: { limit: number; after?: string | undefined }, signal?: AbortSignal): Promise<Page<RosterEntry>> {
  const { entries, next } = await api.get(organisationPath(id, `/roster${query({ limit: page.limit, after: page.after })}`), { signal, decode: decoderOf(RosterPage) });
  return { items: entries, next };
}

/** The roster upload's path (the upload itself goes through `uploadWithProgress`). */
export function rosterPath(id: string): string {
  return organisationPath(id, '/roster');
}

/** The precinct's officer email domains. */
export async function listOfficerDomains(api: AuthedApi, id: string, signal?: AbortSignal): Promise<OfficerDomain[]> {
  return (await api.get(organisationPath(id, '/officer-domains'), { signal, decode: decoderOf(OfficerDomainList) })).domains;
}

/** Lists a domain (pending until an admin adds it too, which approves it). */
export function addOfficerDomain(api: AuthedApi, id: string, domain: string): Promise<OfficerDomainAdded> {
  return api.post(organisationPath(id, '/officer-domains'), { domain }, { decode: decoderOf(OfficerDomainAdded) });
}

/** Admins: organisations by status, newest first. */
export async function listOrganisationsForAdmin(
  api: AuthedApi,
  filter: { status?: OrganisationStatus | undefined; limit: number; before?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<Organisation>> {
  const { organisations, next } = await api.get(`${base}/admin/organisations${query({ status: filter.status, limit: filter.limit, before: filter.before })}`, { signal, decode: decoderOf(OrganisationPage) });
  return { items: organisations, next };
}

/** Admins: approves or rejects a pending organisation, with an optional note the requester sees. */
export async function decideOrganisation(api: AuthedApi, id: string, decision: { approve: boolean; note?: string | undefined }): Promise<void> {
  const note = decision.note?.trim();
  const body: OrganisationDecisionBody = { approve: decision.approve, ...(note ? { note } : {}) };
  await api.post(`${base}/admin/organisations/${encodeURIComponent(id)}/decision`, body);
}

/** Admins: the audit log, newest first. */
export async function listAudit(api: AuthedApi, page: { limit: number; before?: string | undefined }, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  const { entries, next } = await api.get(`${base}/admin/audit${query({ limit: page.limit, before: page.before })}`, { signal, decode: decoderOf(AuditPage) });
  return { items: entries, next: next === null ? null : String(next) };
}
