import type { AuthedApi } from './organisations.ts';
import { fail, list, record, text, textOrNull } from './decode.ts';

/** An active precinct an officer can name as theirs (`GET /precincts`). */
export interface Precinct {
  id: string;
  name: string;
}

/** `POST /officer-claims`: the claim waits for the precinct. */
export interface OfficerClaimSent {
  claimId: string;
  status: 'pending';
}

/** A pending claim as the precinct sees it (`GET /organisations/:id/officer-claims`). */
export interface OfficerClaim {
  id: string;
  accountId: string;
  email: string | null;
  badgeNumber: string;
  department: string;
  /** The roster entry the claim matches (name as the precinct wrote it); null when none does. */
  rosterName: string | null;
  createdAt: string;
}






/** Checks `GET /precincts`. */
export function decodePrecincts(data: unknown): Precinct[] {
  return list(record(data, 'precincts')['precincts'], 'precincts').map((item) => {
    const p = record(item, 'precinct');
    return { id: text(p['id'], 'precinct id'), name: text(p['name'], 'precinct name') };
  });
}

/** Checks `POST /officer-claims`. */
export function decodeOfficerClaimSent(data: unknown): OfficerClaimSent {
  const c = record(data, 'claim');
  if (c['status'] !== 'pending') fail('claim status');
  return { claimId: text(c['claimId'], 'claimId'), status: 'pending' };
}

/** Checks `GET /organisations/:id/officer-claims`. */
export function decodeOfficerClaims(data: unknown): OfficerClaim[] {
  return list(record(data, 'claims')['claims'], 'claims').map((item) => {
    const c = record(item, 'claim');
    return {
      id: text(c['id'], 'claim id'),
      accountId: text(c['accountId'], 'claim accountId'),
      email: textOrNull(c['email'], 'claim email'),
      badgeNumber: text(c['badgeNumber'], 'claim badgeNumber'),
      department: text(c['department'], 'claim department'),
      rosterName: textOrNull(c['rosterName'], 'claim rosterName'),
      createdAt: text(c['createdAt'], 'claim createdAt'),
    };
  });
}

const base = '/api/v1';

function claimsPath(organisationId: string, rest = ''): string {
  return `${base}/organisations/${encodeURIComponent(organisationId)}/officer-claims${rest}`;
}

/** Active precincts, by name. */
export function listPrecincts(api: AuthedApi, signal?: AbortSignal): Promise<Precinct[]> {
  return api.get(`${base}/precincts`, { signal, decode: decodePrecincts });
}

/** Claims my entry on a precinct's roster by badge number and department. */
export function claimOfficerEntry(api: AuthedApi, input: { organisationId: string; badgeNumber: string; department: string }): Promise<OfficerClaimSent> {
  return api.post(`${base}/officer-claims`, input, { decode: decodeOfficerClaimSent });
}

/** The precinct's pending claims (owners and admins). */
export function listOfficerClaims(api: AuthedApi, organisationId: string, signal?: AbortSignal): Promise<OfficerClaim[]> {
  return api.get(claimsPath(organisationId), { signal, decode: decodeOfficerClaims });
}

/** Confirms (verifies the officer; only claims that match a roster entry) or rejects a claim. */
export async function decideOfficerClaim(api: AuthedApi, organisationId: string, claimId: string, confirm: boolean): Promise<void> {
  await api.post(claimsPath(organisationId, `/${encodeURIComponent(claimId)}/decision`), { confirm });
}
