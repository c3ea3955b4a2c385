import { OfficerClaimList, OfficerClaimSent, PrecinctList } from '@heyblue/contracts/identity';
import type { OfficerClaim, OfficerClaimBody, Precinct } from '@heyblue/contracts/identity';
import { precompiledChecks } from '@heyblue/contracts/identity/checks';
import { decoderOf, usePrecompiledChecks } from './contract.ts';
import type { AuthedApi } from './organisations.ts';

export type { OfficerClaim, OfficerClaimSent, Precinct };

// The identity schemas' checks compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(precompiledChecks);

const decodePrecinctList = decoderOf(PrecinctList);
const decodeOfficerClaimList = decoderOf(OfficerClaimList);

/** Checks `GET /precincts`: the precincts. */
export function decodePrecincts(data: unknown): Precinct[] {
  return decodePrecinctList(data).precincts;
}

/** Checks `POST /officer-claims`. */
export const decodeOfficerClaimSent = decoderOf(OfficerClaimSent);

/** Checks `GET /organisations/:id/officer-claims`: the claims. */
export function decodeOfficerClaims(data: unknown): OfficerClaim[] {
  return decodeOfficerClaimList(data).claims;
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
export function claimOfficerEntry(api: AuthedApi, input: OfficerClaimBody): Promise<OfficerClaimSent> {
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
