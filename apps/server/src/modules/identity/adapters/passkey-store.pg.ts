import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { Ceremony, PasskeyRecord, PasskeyStore } from '../application/passkey-ports.ts';

interface PasskeyRow { credential_id: string; account_id: string; public_key: Uint8Array; counter: number; transports: string[]; name: string; created_at: Date; last_used_at: Date | null }
const toPasskey = (r: PasskeyRow): PasskeyRecord => ({ credentialId: r.credential_id, accountId: r.account_id, publicKey: new Uint8Array(r.public_key), counter: r.counter, transports: r.transports, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at });

/** Passkeys and ceremonies, through SQL. */
export const passkeyStore: PasskeyStore = {
  async startCeremony(tx, c) {
    await sql`insert into identity.webauthn_ceremonies (id, purpose, account_id, challenge, rp_id, origin, expires_at)
      values (${c.id}, ${c.purpose}, ${c.accountId}, ${c.challenge}, ${c.rpId}, ${c.origin}, ${c.expiresAt})`.execute(sqlOf(tx));
  },
  /** Takes a live ceremony (marking it used): each challenge is answered once. */
  async takeCeremony(tx, id, purpose, now) {
    const rows = await sql<{ id: string; purpose: Ceremony['purpose']; account_id: string | null; challenge: string; rp_id: string; origin: string }>`
      update identity.webauthn_ceremonies set used_at = ${now} where id = ${id} and purpose = ${purpose} and used_at is null and expires_at > ${now}
      returning id, purpose, account_id, challenge, rp_id, origin`.execute(sqlOf(tx));
    const r = rows.rows[0];
    return r && ({ id: r.id, purpose: r.purpose, accountId: r.account_id, challenge: r.challenge, rpId: r.rp_id, origin: r.origin } satisfies Ceremony);
  },
  async listFor(tx, accountId) {
    const rows = await sql<PasskeyRow>`select * from identity.passkeys where account_id = ${accountId} order by created_at`.execute(sqlOf(tx));
    return rows.rows.map(toPasskey);
  },
  async find(tx, credentialId) {
    const rows = await sql<PasskeyRow>`select * from identity.passkeys where credential_id = ${credentialId} for update`.execute(sqlOf(tx));
    return rows.rows[0] && toPasskey(rows.rows[0]);
  },
  async insert(tx, p) {
    await sql`insert into identity.passkeys (credential_id, account_id, public_key, counter, transports, name)
      values (${p.credentialId}, ${p.accountId}, ${Buffer.from(p.publicKey)}, ${p.counter}, ${p.transports}, ${p.name})`.execute(sqlOf(tx));
  },
  async recordUse(tx, credentialId, counter, at) {
    await sql`update identity.passkeys set counter = ${counter}, last_used_at = ${at} where credential_id = ${credentialId}`.execute(sqlOf(tx));
  },
  async remove(tx, accountId, credentialId) {
    const result = await sql`delete from identity.passkeys where account_id = ${accountId} and credential_id = ${credentialId}`.execute(sqlOf(tx));
    return Number(result.numAffectedRows ?? 0n) === 1;
  },
};
