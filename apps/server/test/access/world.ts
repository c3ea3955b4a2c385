// The people and objects the access matrix runs against, made through the real API.
import assert from 'node:assert/strict';
import type { Server } from '../../src/composition.ts';

/**
 * Everyone the matrix asks as. `ownerA`/`staffA` belong to organisation A (an active precinct) and to A's
 * retailer and charity; `ownerB` owns B (an active retailer).
 */
export const PRINCIPALS = ['anonymous', 'citizen', 'officer', 'ownerA', 'staffA', 'ownerB', 'admin'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** What a request in the matrix may use. */
export interface World {
  readonly server: Server;
  readonly organisationA: string;
  readonly organisationB: string;
  /** A retailer and a charity run by A's owner, with A's staff as members (rewards' partner routes). */
  readonly retailerA: string;
  readonly charityA: string;
  /** An offer of A's retailer and a cause of A's charity, made on first use (once rewards knows the organisations). */
  offerOfA(): Promise<string>;
  causeOfA(): Promise<string>;
  readonly accountOf: (name: PrincipalName) => string;
  readonly emailOf: (name: PrincipalName) => string;
  /** A fresh access token for the principal (a new session if the old one was ended). */
  token(name: PrincipalName): Promise<string | undefined>;
  /** Makes a fresh pending organisation (for decisions). */
  pendingOrganisation(): Promise<string>;
  /** Makes a fresh invitation to organisation A for this email; returns the link's token. */
  invitationFor(email: string): Promise<string>;
  /** A fresh pending officer claim on organisation A (by a throwaway account); returns its id. */
  officerClaim(): Promise<string>;
  /** Starts a sign-in challenge for some address; returns its id. */
  challenge(): Promise<string>;
}

let clients = 0;
const ip = (): string => `10.8.${Math.floor(++clients / 250)}.${clients % 250}`;

/** Signs everyone in and builds organisations A and B. */
export async function buildWorld(server: Server): Promise<World> {
  const sessions = new Map<PrincipalName | 'host', { refresh: string; accountId: string }>();
  const email = (name: PrincipalName | 'host'): string => `${name.toLowerCase()}@matrix.example`;
  const inject = server.app.inject.bind(server.app);

  const signIn = async (address: string): Promise<{ token: string; refresh: string; accountId: string }> => {
    const requested = await inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { channel: 'email', address }, remoteAddress: ip() });
    assert.equal(requested.statusCode, 202, requested.body);
    const messages = (await inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
    const code = /\b(\d{6})\b/.exec(messages.find((m) => m.to === address)?.text ?? '')?.[1] ?? '';
    const verified = await inject({ method: 'POST', url: `/api/v1/auth/codes/${requested.json().challengeId}/verify`, payload: { code }, remoteAddress: ip() });
    assert.equal(verified.statusCode, 200, verified.body);
    return { token: verified.json().accessToken, refresh: verified.cookies.find((c) => c.name === 'heyblue_refresh')?.value ?? '', accountId: verified.json().account.id };
  };

  const token = async (name: PrincipalName | 'host'): Promise<string | undefined> => {
    if (name === 'anonymous') return undefined;
    const session = sessions.get(name);
    if (session) {
      const refreshed = await inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { heyblue_refresh: session.refresh }, remoteAddress: ip() });
      if (refreshed.statusCode === 200) {
        session.refresh = refreshed.cookies.find((c) => c.name === 'heyblue_refresh')?.value ?? '';
        return refreshed.json().accessToken;
      }
    }
    const fresh = await signIn(email(name));
    sessions.set(name, { refresh: fresh.refresh, accountId: fresh.accountId });
    return fresh.token;
  };
  const as = async (name: PrincipalName | 'host', method: 'GET' | 'POST', url: string, payload?: object) =>
    inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${await token(name)}` }, ...(payload ? { payload } : {}) });

  await server.commands.get('admin.create')?.run({ email: email('admin') });
  for (const name of PRINCIPALS) await token(name);
  const organisationA = (await as('ownerA', 'POST', '/organisations', { type: 'precinct', name: 'Precinct A' })).json().id;
  const organisationB = (await as('ownerB', 'POST', '/organisations', { type: 'retailer', name: 'Retailer B' })).json().id;
  for (const org of [organisationA, organisationB]) assert.equal((await as('admin', 'POST', `/admin/organisations/${org}/decision`, { approve: true })).statusCode, 204);
  const rosterCsv = `name,email,badge_number,department\nOfficer,${email('officer')},M-1,Matrix`;
  assert.equal((await inject({ method: 'POST', url: `/api/v1/organisations/${organisationA}/roster`, headers: { authorization: `Bearer ${await token('ownerA')}`, 'content-type': 'text/csv' }, payload: rosterCsv })).statusCode, 200);

  const inviteTo = async (organisationId: string, inviter: PrincipalName | 'host', address: string): Promise<string> => {
    const invited = await as(inviter, 'POST', `/organisations/${organisationId}/invitations`, { email: address, role: 'staff' });
    assert.equal(invited.statusCode, 201, invited.body);
    const messages = (await inject('/api/v1/dev/outbox')).json<{ messages: Array<{ to: string; text: string }> }>().messages;
    return /\/invitations\/([A-Za-z0-9_-]+)/.exec(messages.find((m) => m.to === address)?.text ?? '')?.[1] ?? '';
  };
  const staffLink = await inviteTo(organisationA, 'ownerA', email('staffA'));
  assert.equal((await as('staffA', 'POST', `/invitations/${staffLink}/accept`)).statusCode, 200);
  const partnerOfA = async (type: 'retailer' | 'charity', name: string): Promise<string> => {
    const id: string = (await as('ownerA', 'POST', '/organisations', { type, name })).json().id;
    assert.equal((await as('admin', 'POST', `/admin/organisations/${id}/decision`, { approve: true })).statusCode, 204);
    assert.equal((await as('staffA', 'POST', `/invitations/${await inviteTo(id, 'ownerA', email('staffA'))}/accept`)).statusCode, 200);
    return id;
  };
  const retailerA = await partnerOfA('retailer', 'Retailer A');
  const charityA = await partnerOfA('charity', 'Charity A');
  let offerOfA: Promise<string> | undefined;
  let causeOfA: Promise<string> | undefined;

  let pending = 0;
  return {
    server,
    organisationA,
    organisationB,
    retailerA,
    charityA,
    offerOfA: () =>
      (offerOfA ??= as('ownerA', 'POST', `/rewards/organisations/${retailerA}/offers`, { title: 'Matrix coffee', description: '', category: 'food-drink', pricePoints: 5, stock: 1000, perUserLimit: null, endsAt: null, locations: [], voucherValidDays: 30 }).then((r) => {
        assert.equal(r.statusCode, 201, r.body);
        return r.json().offer.id;
      })),
    causeOfA: () =>
      (causeOfA ??= as('ownerA', 'POST', `/rewards/organisations/${charityA}/causes`, { kind: 'cause', title: 'Matrix meals', description: '', goalPoints: null }).then((r) => {
        assert.equal(r.statusCode, 201, r.body);
        return r.json().cause.id;
      })),
    accountOf: (name) => sessions.get(name)?.accountId ?? '00000000-0000-4000-8000-000000000000',
    emailOf: email,
    token: (name) => token(name),
    pendingOrganisation: async () => (await as('citizen', 'POST', '/organisations', { type: 'charity', name: `Pending ${++pending}` })).json().id,
    // Each invitation is to a throwaway organisation, so accepting it changes nobody's access to A or B.
    invitationFor: async (address) => {
      const org = (await as('host', 'POST', '/organisations', { type: 'charity', name: `Throwaway ${++pending}` })).json().id;
      await as('admin', 'POST', `/admin/organisations/${org}/decision`, { approve: true });
      return inviteTo(org, 'host', address);
    },
    officerClaim: async () => {
      const claimant = await signIn(`claimant${++pending}@matrix.example`);
      const claimed = await inject({ method: 'POST', url: '/api/v1/officer-claims', headers: { authorization: `Bearer ${claimant.token}` }, payload: { organisationId: organisationA, badgeNumber: 'M-1', department: 'Matrix' } });
      assert.equal(claimed.statusCode, 201, claimed.body);
      return claimed.json().claimId;
    },
    challenge: async () => (await inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { channel: 'email', address: `someone${++pending}@matrix.example` }, remoteAddress: ip() })).json().challengeId,
  };
}
