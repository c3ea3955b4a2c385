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
  { route: 'GET /api/v1/map/style.json', access: 'public', request: () => ({ url: '/api/v1/map/style.json' }) },
  // The proxy fetches only from the configured basemap (none in tests): a 404 for anyone, never a 401.
  { route: 'GET /api/v1/map/p/:host/*', access: 'public', request: () => ({ url: '/api/v1/map/p/tiles.example/1/2/3.pbf' }), alsoFine: [404] },
  // No geocoder is configured in tests: a signed-in person is told so (404), anonymous gets 401.
  { route: 'GET /api/v1/map/geocode', access: 'self', request: () => ({ url: '/api/v1/map/geocode?q=times%20square' }), alsoFine: [404] },
  { route: 'GET /api/v1/dev/outbox', access: 'public', request: () => ({ url: '/api/v1/dev/outbox' }) },
  { route: 'POST /api/v1/auth/codes', access: 'public', request: () => ({ url: '/api/v1/auth/codes', payload: { channel: 'email', address: `m${++serial}@matrix.example` } }) },
  { route: 'POST /api/v1/auth/codes/:challengeId/verify', access: 'public', alsoFine: [400], request: async (w) => ({ url: `/api/v1/auth/codes/${await w.challenge()}/verify`, payload: { code: 'abcdef' } }) },
  { route: 'POST /api/v1/auth/first-admin', access: 'public', alsoFine: [404], request: () => ({ url: '/api/v1/auth/first-admin', payload: { token: 'x'.repeat(43), email: 'nobody@matrix.example' } }) },
  { route: 'POST /api/v1/auth/refresh', access: 'public', alsoFine: [401], request: () => ({ url: '/api/v1/auth/refresh' }) },
  { route: 'POST /api/v1/auth/passkeys/options', access: 'public', request: () => ({ url: '/api/v1/auth/passkeys/options', headers: { origin: 'http://localhost:3000' } }) },
  { route: 'POST /api/v1/auth/passkeys/verify', access: 'public', alsoFine: [400], request: () => ({ url: '/api/v1/auth/passkeys/verify', payload: { ceremonyId: '00000000-0000-4000-8000-000000000000', response: { id: 'x', rawId: 'x', type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: 'x', authenticatorData: 'x', signature: 'x' } } } }) },
  { route: 'POST /api/v1/me/passkeys/options', access: 'self', request: () => ({ url: '/api/v1/me/passkeys/options', headers: { origin: 'http://localhost:3000' } }) },
  { route: 'POST /api/v1/me/passkeys', access: 'self', alsoFine: [400], request: () => ({ url: '/api/v1/me/passkeys', payload: { ceremonyId: '00000000-0000-4000-8000-000000000000', response: { id: 'x', rawId: 'x', type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: 'x', attestationObject: 'x' } } } }) },
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
  { route: 'PUT /api/v1/profiles/me/welcome', access: 'self', request: () => ({ url: '/api/v1/profiles/me/welcome', payload: { displayName: 'Probe P.', language: 'en' } }) },
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
  ...rewardsMatrix(),
];

/** Rewards: wallets act on oneself; partner routes belong to A's retailer and charity; rules and settings to admins. */
function rewardsMatrix(): MatrixEntry[] {
  const key = (): Record<string, string> => ({ 'idempotency-key': `matrix-${++serial}-${Date.now()}` });
  const retailer = (w: World, rest: string): string => `/api/v1/rewards/organisations/${w.retailerA}${rest}`;
  const charity = (w: World, rest: string): string => `/api/v1/rewards/organisations/${w.charityA}${rest}`;
  const offer = { title: 'Matrix tea', description: '', category: 'food-drink', pricePoints: 5, stock: 10, perUserLimit: null, endsAt: null, locations: [], voucherValidDays: 30 };
  const rule = { name: 'Matrix rule', active: false, kinds: ['virtual'], locationVerified: 'any', points: { citizen: 1, officer: 1 }, timeWindow: null, area: null, bonus: 'none', caps: { perPairPerDay: null, perUserPerDay: null, budget: null } };
  const settings = { citizenGiftsEnabled: false, giftDailyCap: 500, donationDailyCap: 5000, pointValueCents: 1, pairConnectionsPerDay: 3 };
  const month = new Date().toISOString().slice(0, 7);
  const admin = ['admin'] as const;
  return [
    { route: 'GET /api/v1/rewards/wallet', access: 'self', request: () => ({ url: '/api/v1/rewards/wallet' }) },
    { route: 'GET /api/v1/rewards/wallet/history', access: 'self', request: () => ({ url: '/api/v1/rewards/wallet/history' }) },
    { route: 'GET /api/v1/rewards/wallet/statement', access: 'self', request: () => ({ url: `/api/v1/rewards/wallet/statement?month=${month}` }) },
    { route: 'GET /api/v1/rewards/offers', access: 'self', request: () => ({ url: '/api/v1/rewards/offers?q=matrix' }) },
    { route: 'GET /api/v1/rewards/offers/categories', access: 'self', request: () => ({ url: '/api/v1/rewards/offers/categories' }) },
    { route: 'GET /api/v1/rewards/offers/:offerId', access: 'self', request: async (w) => ({ url: `/api/v1/rewards/offers/${await w.offerOfA()}` }) },
    // Nobody in the matrix has points: an allowed redemption is refused for that (409), an officer's is forbidden.
    { route: 'POST /api/v1/rewards/offers/:offerId/redeem', access: { allow: citizens }, alsoFine: [409], request: async (w) => ({ url: `/api/v1/rewards/offers/${await w.offerOfA()}/redeem`, headers: key() }) },
    { route: 'GET /api/v1/rewards/vouchers', access: 'self', request: () => ({ url: '/api/v1/rewards/vouchers' }) },
    // A voucher is visible only to its holder (rewards-redeem.e2e tests the holder): anyone else's is not found.
    { route: 'GET /api/v1/rewards/vouchers/:voucherId', access: 'self', alsoFine: [404], request: () => ({ url: `/api/v1/rewards/vouchers/${NO_SUCH_ID}` }) },
    { route: 'POST /api/v1/rewards/vouchers/:voucherId/cancel', access: 'self', alsoFine: [404], request: () => ({ url: `/api/v1/rewards/vouchers/${NO_SUCH_ID}/cancel`, headers: key() }) },
    { route: 'GET /api/v1/rewards/causes', access: 'self', request: () => ({ url: '/api/v1/rewards/causes' }) },
    { route: 'POST /api/v1/rewards/causes/:causeId/donations', access: 'self', alsoFine: [409], request: async (w) => ({ url: `/api/v1/rewards/causes/${await w.causeOfA()}/donations`, payload: { points: 1 }, headers: key() }) },
    { route: 'GET /api/v1/rewards/colleagues', access: { allow: officers }, request: () => ({ url: '/api/v1/rewards/colleagues' }) },
    // The only officer gifts themselves (400); everyone else may not gift an officer at all.
    { route: 'POST /api/v1/rewards/gifts', access: { allow: officers }, alsoFine: [400], request: (w) => ({ url: '/api/v1/rewards/gifts', payload: { recipientId: w.accountOf('officer'), points: 1 }, headers: key() }) },
    { route: 'GET /api/v1/rewards/organisations/:orgId/summary', access: { allow: membersOfA }, request: (w) => ({ url: retailer(w, '/summary') }) },
    { route: 'GET /api/v1/rewards/organisations/:orgId/offers', access: { allow: membersOfA }, request: (w) => ({ url: retailer(w, '/offers') }) },
    { route: 'POST /api/v1/rewards/organisations/:orgId/offers', access: { allow: membersOfA }, request: (w) => ({ url: retailer(w, '/offers'), payload: offer }) },
    { route: 'PATCH /api/v1/rewards/organisations/:orgId/offers/:offerId', access: { allow: membersOfA }, request: async (w) => ({ url: retailer(w, `/offers/${await w.offerOfA()}`), payload: { stock: 1000 } }) },
    // An empty form: the picture routes answer a member 400 (no file) and anyone else 401 or 404 before reading it.
    { route: 'PUT /api/v1/rewards/organisations/:orgId/offers/:offerId/image', access: { allow: membersOfA }, alsoFine: [400], request: async (w) => ({ url: retailer(w, `/offers/${await w.offerOfA()}/image`), headers: { 'content-type': 'multipart/form-data; boundary=matrix' }, payload: '--matrix--\r\n' }) },
    { route: 'DELETE /api/v1/rewards/organisations/:orgId/offers/:offerId/image', access: { allow: membersOfA }, request: async (w) => ({ url: retailer(w, `/offers/${await w.offerOfA()}/image`) }) },
    { route: 'GET /api/v1/rewards/offers/:offerId/image', access: 'public', alsoFine: [404], request: async (w) => ({ url: `/api/v1/rewards/offers/${await w.offerOfA()}/image` }) },
    { route: 'GET /api/v1/rewards/organisations/:orgId/redemptions', access: { allow: membersOfA }, request: (w) => ({ url: retailer(w, '/redemptions') }) },
    // A typed code with a wrong check symbol: members hear that (400), outsiders that there is no such organisation.
    { route: 'POST /api/v1/rewards/organisations/:orgId/vouchers/check', access: { allow: membersOfA }, alsoFine: [400], request: (w) => ({ url: retailer(w, '/vouchers/check'), payload: { code: 'ABCDE-FGHJK' } }) },
    { route: 'POST /api/v1/rewards/organisations/:orgId/vouchers/use', access: { allow: membersOfA }, alsoFine: [400], request: (w) => ({ url: retailer(w, '/vouchers/use'), payload: { code: 'ABCDE-FGHJK' } }) },
    { route: 'GET /api/v1/rewards/organisations/:orgId/causes', access: { allow: membersOfA }, request: (w) => ({ url: charity(w, '/causes') }) },
    { route: 'POST /api/v1/rewards/organisations/:orgId/causes', access: { allow: membersOfA }, request: (w) => ({ url: charity(w, '/causes'), payload: { kind: 'family', title: 'Matrix family', description: '', goalPoints: 100 } }) },
    { route: 'PATCH /api/v1/rewards/organisations/:orgId/causes/:causeId', access: { allow: membersOfA }, request: async (w) => ({ url: charity(w, `/causes/${await w.causeOfA()}`), payload: { description: 'Changed' } }) },
    { route: 'PUT /api/v1/rewards/organisations/:orgId/causes/:causeId/image', access: { allow: membersOfA }, alsoFine: [400], request: async (w) => ({ url: charity(w, `/causes/${await w.causeOfA()}/image`), headers: { 'content-type': 'multipart/form-data; boundary=matrix' }, payload: '--matrix--\r\n' }) },
    { route: 'DELETE /api/v1/rewards/organisations/:orgId/causes/:causeId/image', access: { allow: membersOfA }, request: async (w) => ({ url: charity(w, `/causes/${await w.causeOfA()}/image`) }) },
    { route: 'GET /api/v1/rewards/causes/:causeId/image', access: 'public', alsoFine: [404], request: async (w) => ({ url: `/api/v1/rewards/causes/${await w.causeOfA()}/image` }) },
    { route: 'GET /api/v1/rewards/organisations/:orgId/donations', access: { allow: membersOfA }, request: (w) => ({ url: charity(w, '/donations') }) },
    { route: 'GET /api/v1/rewards/organisations/:orgId/statements/:month', access: { allow: membersOfA }, request: (w) => ({ url: charity(w, `/statements/${month}`) }) },
    { route: 'GET /api/v1/rewards/rules', access: { allow: admin }, request: () => ({ url: '/api/v1/rewards/rules' }) },
    { route: 'POST /api/v1/rewards/rules', access: { allow: admin }, request: () => ({ url: '/api/v1/rewards/rules', payload: rule }) },
    { route: 'PUT /api/v1/rewards/rules/:ruleId', access: { allow: admin }, request: () => ({ url: '/api/v1/rewards/rules/00000000-0000-4000-8000-000000000203', payload: { ...rule, name: 'First connection', active: true, kinds: ['proximity', 'qr', 'virtual'], points: { citizen: 25, officer: 0 }, bonus: 'first-ever' } }) },
    { route: 'GET /api/v1/rewards/rules/:ruleId/versions', access: { allow: admin }, request: () => ({ url: '/api/v1/rewards/rules/00000000-0000-4000-8000-000000000201/versions' }) },
    { route: 'POST /api/v1/rewards/rules/preview', access: { allow: admin }, request: () => ({ url: '/api/v1/rewards/rules/preview', payload: { kind: 'qr', locationVerified: true } }) },
    { route: 'GET /api/v1/rewards/settings', access: { allow: admin }, request: () => ({ url: '/api/v1/rewards/settings' }) },
    { route: 'PUT /api/v1/rewards/settings', access: { allow: admin }, request: () => ({ url: '/api/v1/rewards/settings', payload: settings }) },
    { route: 'GET /api/v1/rewards/ledger/check', access: { allow: admin }, request: () => ({ url: '/api/v1/rewards/ledger/check' }) },
  ];
}

/** Routes outside /api/v1, all public by design: operations, docs, the websocket (it checks its token before upgrading; see websocket.test.ts) and the web app's files. */
export const publicPlatformRoutes: readonly RegExp[] = [
  /^GET \/(healthz|readyz|metrics|ws)$/,
  /^OPTIONS \*$/,
  /^GET \/docs(\/.*)?$/,
  /^GET \/(?!api\/|docs|ws)[^ ]*$/,
];
