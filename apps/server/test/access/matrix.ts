// Who may call each route. Every route the server registers must be here (the test fails otherwise);
// later issues add their routes. Kinds:
//   public      — anyone, signed in or not; must never answer 401/403.
//   self        — any signed-in person, acting on themselves only (no id in the path); anonymous gets 401.
//   allow: [...] — only these principals; everyone else gets 401 (anonymous), 403 or 404, including the
//                  owner of another organisation (B) for organisation A's routes.
import type { PrincipalName, World } from './world.ts';

/** A request the matrix sends for a route, per principal. */
export interface MatrixRequest {
  readonly url: string;
  readonly payload?: string | object;
  readonly headers?: Record<string, string>;
}

/** One route's rule. */
export interface MatrixEntry {
  readonly route: string;
  readonly access: 'public' | 'self' | { readonly allow: readonly PrincipalName[] };
  /** Builds the request (fresh objects per call where the route changes them). */
  readonly request: (world: World, as: PrincipalName) => Promise<MatrixRequest> | MatrixRequest;
  /** Statuses that are fine for an allowed caller besides 2xx/3xx (e.g. a 404 for an absent avatar). */
  readonly alsoFine?: readonly number[];
  /** Ends sessions or deletes accounts: run after every other route. */
  readonly destructive?: boolean;
}

const A = (w: World): string => w.organisationA;
const onlyA = ['ownerA', 'admin'] as const;
const membersOfA = ['ownerA', 'staffA', 'admin'] as const;
const officers = ['officer'] as const;
/** Everyone but the officer may ask an officer to connect. */
const citizens = ['citizen', 'ownerA', 'staffA', 'ownerB', 'admin'] as const;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
let serial = 0;

/** The matrix for the API under /api/v1. */
export const apiMatrix: readonly MatrixEntry[] = [
  { route: 'GET /api/v1/meta', access: 'public', request: () => ({ url: '/api/v1/meta' }) },
  { route: 'GET /api/v1/dev/outbox', access: 'public', request: () => ({ url: '/api/v1/dev/outbox' }) },
  { route: 'POST /api/v1/auth/codes', access: 'public', request: () => ({ url: '/api/v1/auth/codes', payload: { channel: 'email', address: `m${++serial}@matrix.example` } }) },
  { route: 'POST /api/v1/auth/codes/:challengeId/verify', access: 'public', alsoFine: [400], request: async (w) => ({ url: `/api/v1/auth/codes/${await w.challenge()}/verify`, payload: { code: 'abcdef' } }) },
  { route: 'POST /api/v1/auth/first-admin', access: 'public', alsoFine: [404], request: () => ({ url: '/api/v1/auth/first-admin', payload: { token: 'x'.repeat(43), email: 'nobody@matrix.example' } }) },
  { route: 'POST /api/v1/auth/refresh', access: 'public', alsoFine: [401], request: () => ({ url: '/api/v1/auth/refresh' }) },
  { route: 'POST /api/v1/auth/passkeys/options', access: 'public', request: () => ({ url: '/api/v1/auth/passkeys/options', headers: { origin: 'http://localhost:3000' } }) },
  { route: 'POST /api/v1/auth/passkeys/verify', access: 'public', alsoFine: [400], request: () => ({ url: '/api/v1/auth/passkeys/verify', payload: { ceremonyId: '00000000-0000-4000-8000-000000000000', response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } } }) },
  { route: 'POST /api/v1/me/passkeys/options', access: 'self', request: () => ({ url: '/api/v1/me/passkeys/options', headers: { origin: 'http://localhost:3000' } }) },
  { route: 'POST /api/v1/me/passkeys', access: 'self', alsoFine: [400], request: () => ({ url: '/api/v1/me/passkeys', payload: { ceremonyId: '00000000-0000-4000-8000-000000000000', response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } } }) },
  { route: 'GET /api/v1/me/passkeys', access: 'self', request: () => ({ url: '/api/v1/me/passkeys' }) },
  { route: 'DELETE /api/v1/me/passkeys/:passkeyId', access: 'self', alsoFine: [404], request: () => ({ url: '/api/v1/me/passkeys/not-mine' }) },
  { route: 'GET /api/v1/auth/oidc', access: 'public', request: () => ({ url: '/api/v1/auth/oidc' }) },
  { route: 'GET /api/v1/auth/oidc/start', access: 'public', alsoFine: [404], request: () => ({ url: '/api/v1/auth/oidc/start' }) },
  { route: 'GET /api/v1/auth/oidc/callback', access: 'public', alsoFine: [404], request: () => ({ url: '/api/v1/auth/oidc/callback?state=x&code=y' }) },
  { route: 'POST /api/v1/auth/sign-out', access: 'public', request: () => ({ url: '/api/v1/auth/sign-out' }) },
  { route: 'POST /api/v1/auth/sign-out-everywhere', access: 'self', destructive: true, request: () => ({ url: '/api/v1/auth/sign-out-everywhere' }) },
  { route: 'GET /api/v1/me', access: 'self', request: () => ({ url: '/api/v1/me' }) },
  { route: 'POST /api/v1/me/phone', access: 'self', request: () => ({ url: '/api/v1/me/phone', payload: { phone: `+1415555${String(1000 + (++serial % 9000))}` } }) },
  { route: 'POST /api/v1/me/phone/verify', access: 'self', alsoFine: [404], request: () => ({ url: '/api/v1/me/phone/verify', payload: { challengeId: '00000000-0000-4000-8000-000000000000', code: '123456' } }) },
  { route: 'GET /api/v1/me/export', access: 'self', request: () => ({ url: '/api/v1/me/export' }) },
  { route: 'DELETE /api/v1/me', access: 'self', destructive: true, request: () => ({ url: '/api/v1/me', payload: { confirm: 'DELETE' } }) },
  { route: 'POST /api/v1/organisations', access: 'self', request: () => ({ url: '/api/v1/organisations', payload: { type: 'retailer', name: `Matrix ${++serial}` } }) },
  { route: 'GET /api/v1/organisations', access: 'self', request: () => ({ url: '/api/v1/organisations' }) },
  { route: 'GET /api/v1/organisations/:organisationId', access: { allow: membersOfA }, request: (w) => ({ url: `/api/v1/organisations/${A(w)}` }) },
  { route: 'GET /api/v1/organisations/:organisationId/members', access: { allow: membersOfA }, request: (w) => ({ url: `/api/v1/organisations/${A(w)}/members` }) },
  { route: 'POST /api/v1/organisations/:organisationId/invitations', access: { allow: onlyA }, request: (w) => ({ url: `/api/v1/organisations/${A(w)}/invitations`, payload: { email: `invitee${++serial}@matrix.example`, role: 'staff' } }) },
  { route: 'GET /api/v1/invitations/:token', access: 'public', request: async (w) => ({ url: `/api/v1/invitations/${await w.invitationFor(`reader${++serial}@matrix.example`)}` }) },
  {
    route: 'POST /api/v1/invitations/:token/accept',
    access: 'self',
    request: async (w, as) => ({ url: `/api/v1/invitations/${await w.invitationFor(as === 'anonymous' ? `anon${++serial}@matrix.example` : w.emailOf(as))}/accept` }),
    alsoFine: [409],
  },
  { route: 'POST /api/v1/organisations/:organisationId/roster', access: { allow: onlyA }, request: (w) => ({ url: `/api/v1/organisations/${A(w)}/roster`, headers: { 'content-type': 'text/csv' }, payload: 'name,email,badge_number,department\nX,x@matrix.example,X-1,M' }) },
  { route: 'GET /api/v1/organisations/:organisationId/roster', access: { allow: onlyA }, request: (w) => ({ url: `/api/v1/organisations/${A(w)}/roster` }) },
  { route: 'POST /api/v1/organisations/:organisationId/officer-domains', access: { allow: onlyA }, request: (w) => ({ url: `/api/v1/organisations/${A(w)}/officer-domains`, payload: { domain: 'matrix-police.example' } }) },
  { route: 'GET /api/v1/organisations/:organisationId/officer-domains', access: { allow: onlyA }, request: (w) => ({ url: `/api/v1/organisations/${A(w)}/officer-domains` }) },
  { route: 'GET /api/v1/precincts', access: 'self', request: () => ({ url: '/api/v1/precincts' }) },
  { route: 'POST /api/v1/officer-claims', access: 'self', request: (w) => ({ url: '/api/v1/officer-claims', payload: { organisationId: A(w), badgeNumber: `C-${++serial}`, department: 'Matrix' } }) },
  { route: 'GET /api/v1/organisations/:organisationId/officer-claims', access: { allow: onlyA }, request: (w) => ({ url: `/api/v1/organisations/${A(w)}/officer-claims` }) },
  {
    route: 'POST /api/v1/organisations/:organisationId/officer-claims/:claimId/decision',
    access: { allow: onlyA },
    request: async (w) => ({ url: `/api/v1/organisations/${A(w)}/officer-claims/${await w.officerClaim()}/decision`, payload: { confirm: false } }),
  },
  { route: 'GET /api/v1/admin/organisations', access: { allow: ['admin'] }, request: () => ({ url: '/api/v1/admin/organisations' }) },
  { route: 'POST /api/v1/admin/organisations/:organisationId/decision', access: { allow: ['admin'] }, request: async (w) => ({ url: `/api/v1/admin/organisations/${await w.pendingOrganisation()}/decision`, payload: { approve: true } }) },
  { route: 'GET /api/v1/admin/audit', access: { allow: ['admin'] }, request: () => ({ url: '/api/v1/admin/audit' }) },
  { route: 'GET /api/v1/profiles/me', access: 'self', request: () => ({ url: '/api/v1/profiles/me' }) },
  { route: 'PATCH /api/v1/profiles/me', access: 'self', request: () => ({ url: '/api/v1/profiles/me', payload: { bio: 'Matrix bio' } }) },
  { route: 'GET /api/v1/profiles/me/export', access: 'self', request: () => ({ url: '/api/v1/profiles/me/export' }) },
  { route: 'PUT /api/v1/profiles/me/avatar', access: 'self', alsoFine: [400, 415], request: () => ({ url: '/api/v1/profiles/me/avatar', headers: { 'content-type': 'multipart/form-data; boundary=matrix' }, payload: '--matrix--\r\n' }) },
  { route: 'DELETE /api/v1/profiles/me/avatar', access: 'self', request: () => ({ url: '/api/v1/profiles/me/avatar' }) },
  { route: 'GET /api/v1/profiles/:accountId', access: 'public', request: (w) => ({ url: `/api/v1/profiles/${w.accountOf('ownerA')}` }) },
  { route: 'GET /api/v1/profiles/:accountId/avatar', access: 'public', alsoFine: [404], request: (w) => ({ url: `/api/v1/profiles/${w.accountOf('ownerA')}/avatar` }) },
  { route: 'GET /api/v1/connections/settings', access: 'self', request: () => ({ url: '/api/v1/connections/settings' }) },
  { route: 'GET /api/v1/connections/availability', access: { allow: officers }, request: () => ({ url: '/api/v1/connections/availability' }) },
  { route: 'POST /api/v1/connections/availability', access: { allow: officers }, alsoFine: [409], request: () => ({ url: '/api/v1/connections/availability', payload: { inPerson: true, virtual: true } }) },
  { route: 'POST /api/v1/connections/availability/extend', access: { allow: officers }, alsoFine: [409], request: () => ({ url: '/api/v1/connections/availability/extend' }) },
  { route: 'DELETE /api/v1/connections/availability', access: { allow: officers }, request: () => ({ url: '/api/v1/connections/availability' }) },
  { route: 'GET /api/v1/connections/nearby', access: 'self', request: () => ({ url: '/api/v1/connections/nearby' }) },
  { route: 'GET /api/v1/connections/virtual-officers', access: 'self', request: () => ({ url: '/api/v1/connections/virtual-officers' }) },
  { route: 'POST /api/v1/connections/requests', access: { allow: citizens }, alsoFine: [409], request: (w) => ({ url: '/api/v1/connections/requests', payload: { officerId: w.accountOf('officer'), kind: 'virtual' } }) },
  { route: 'GET /api/v1/connections/requests', access: 'self', request: () => ({ url: '/api/v1/connections/requests' }) },
  // Answering someone else's request answers 404 to everyone: a request is visible only to its two parties (connections.e2e tests the parties).
  { route: 'POST /api/v1/connections/requests/:requestId/accept', access: 'self', alsoFine: [404], request: () => ({ url: `/api/v1/connections/requests/${NO_SUCH_ID}/accept` }) },
  { route: 'POST /api/v1/connections/requests/:requestId/decline', access: 'self', alsoFine: [404], request: () => ({ url: `/api/v1/connections/requests/${NO_SUCH_ID}/decline` }) },
  { route: 'POST /api/v1/connections/requests/:requestId/cancel', access: 'self', alsoFine: [404], request: () => ({ url: `/api/v1/connections/requests/${NO_SUCH_ID}/cancel` }) },
  { route: 'POST /api/v1/connections/qr', access: 'self', request: () => ({ url: '/api/v1/connections/qr' }) },
  { route: 'POST /api/v1/connections/qr/scan', access: 'self', alsoFine: [400], request: () => ({ url: '/api/v1/connections/qr/scan', payload: { token: 'not-a-code' } }) },
  { route: 'GET /api/v1/connections', access: 'self', request: () => ({ url: '/api/v1/connections' }) },
  { route: 'GET /api/v1/connections/fraud-flags', access: { allow: ['admin'] }, request: () => ({ url: '/api/v1/connections/fraud-flags' }) },
];

/** Routes outside /api/v1, all public by design: operations, docs, the websocket (it checks its token before upgrading; see websocket.test.ts) and the web app's files. */
export const publicPlatformRoutes: readonly RegExp[] = [
  /^GET \/(healthz|readyz|metrics|ws)$/,
  /^OPTIONS \*$/,
  /^GET \/docs(\/.*)?$/,
  /^GET \/(?!api\/|docs|ws)[^ ]*$/,
];
