import { randomUUID } from 'node:crypto';
import type { IdentityDeps } from './identity-deps.ts';
import { startSession } from './sessions.ts';

/** A signed-in seed account, for simulators and load generators. */
export interface SeedSession {
  readonly email: string;
  readonly accountId: string;
  readonly role: 'citizen' | 'officer';
  readonly accessToken: string;
  /** Send as the `heyblue_refresh` cookie to POST /api/v1/auth/refresh for a new access token. */
  readonly refreshToken: string;
}

/** What a seed run made. */
export interface SeedReport {
  readonly citizens: number;
  readonly officers: number;
  /** Accounts that did not exist before this run. */
  readonly created: number;
  readonly precinctId: string | null;
  readonly emailPattern: string;
  /** One session per seeded account, when asked for. */
  readonly sessions: readonly SeedSession[];
}

/**
 * Creates many accounts at once for demos and load tests, without one-time codes: citizens, and
 * officers verified through a seed precinct's roster. Idempotent by email: running it twice adds nothing.
 * Refused in production unless the operator explicitly allows it (checked by the caller). With `sessions`,
 * each account is also signed in (a session family per account), for simulators.
 */
export async function seedAccounts(deps: IdentityDeps, input: { citizens: number; officers: number; prefix: string; sessions?: boolean }): Promise<SeedReport> {
  const domain = 'seed.heyblue.local';
  return deps.unitOfWork({ actorId: null, correlationId: `seed-${randomUUID()}`, causationId: null }, async (tx, events) => {
    let created = 0;
    const create = async (email: string): Promise<void> => {
      const id = await deps.store.insertAccountIfNew(tx, randomUUID(), email);
      if (!id) return;
      created++;
      events.emit('identity.account-created.v1', { accountId: id, signedUpWith: 'seed' });
    };
    for (let i = 1; i <= input.citizens; i++) await create(`${input.prefix}-citizen-${i}@${domain}`);
    let precinctId: string | null = null;
    if (input.officers > 0) {
      const name = `${input.prefix} seed precinct`;
      const existing = await deps.organisations.findOrganisationByName(tx, 'precinct', name);
      precinctId = existing?.id ?? randomUUID();
      if (!existing) {
        await deps.organisations.insertActiveOrganisation(tx, { id: precinctId, type: 'precinct', name }, deps.clock.now());
        events.emit('identity.organisation-approved.v1', { organisationId: precinctId, type: 'precinct', name });
      }
      const entries = [];
      for (let i = 1; i <= input.officers; i++) {
        const email = `${input.prefix}-officer-${i}@${domain}`;
        await create(email);
        entries.push({ name: `Officer ${i}`, email, badgeNumber: `SEED-${i}`, department: 'Seed' });
      }
      await deps.organisations.upsertRosterEntries(tx, precinctId, entries);
      for (const officer of await deps.organisations.verifyMatchingOfficers(tx, { organisationId: precinctId }, deps.clock.now())) events.emit('identity.officer-verified.v1', officer);
    }
    await deps.store.audit(tx, { actorId: null, action: 'accounts.seeded', correlationId: 'seed', details: { citizens: input.citizens, officers: input.officers, prefix: input.prefix, sessions: input.sessions === true } });
    const sessions: SeedSession[] = [];
    if (input.sessions) {
      const emails = [
        ...Array.from({ length: input.citizens }, (_, i) => ({ email: `${input.prefix}-citizen-${i + 1}@${domain}`, role: 'citizen' as const })),
        ...Array.from({ length: input.officers }, (_, i) => ({ email: `${input.prefix}-officer-${i + 1}@${domain}`, role: 'officer' as const })),
      ];
      for (const { email, role } of emails) {
        const account = await deps.store.findAccountByAddress(tx, 'email', email);
        if (!account) continue;
        const tokens = await startSession(deps, tx, account, { correlationId: 'seed', ip: '127.0.0.1', userAgent: 'heyblue seed' });
        sessions.push({ email, accountId: account.id, role, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
      }
    }
    return { citizens: input.citizens, officers: input.officers, created, precinctId, emailPattern: `${input.prefix}-{citizen|officer}-<n>@${domain}`, sessions };
  });
}
