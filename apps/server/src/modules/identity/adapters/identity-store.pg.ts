import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { AccountRecord, ChallengeRecord, IdentityStore, OidcFlow, RefreshRecord, Tx } from '../application/ports.ts';

interface AccountRow { id: string; email: string | null; phone: string | null; is_admin: boolean; officer_verified_at: Date | null; created_at: Date }

function toAccount(row: AccountRow): AccountRecord {
  return { id: row.id, email: row.email, phone: row.phone, isAdmin: row.is_admin, officerVerifiedAt: row.officer_verified_at, createdAt: row.created_at };
}

const ACCOUNT_COLUMNS = sql`id, email, phone, is_admin, officer_verified_at, created_at`;

/** Identity's tables in schema `identity`, through SQL. */
export function identityStore(db: Db): IdentityStore {
  return {
    async countChallengesSince(tx, by, since) {
      const where = 'address' in by ? sql`address = ${by.address}` : sql`ip = ${by.ip}`;
      const result = await sql<{ n: number }>`select count(*)::int as n from identity.sign_in_challenges where ${where} and created_at > ${since}`.execute(sqlOf(tx));
      return result.rows[0]?.n ?? 0;
    },
    async insertChallenge(tx, c) {
      await sql`insert into identity.sign_in_challenges (id, purpose, account_id, channel, address, code_mac, key_id, ip, expires_at)
        values (${c.id}, ${c.purpose}, ${c.accountId}, ${c.channel}, ${c.address}, ${c.codeMac}, ${c.keyId}, ${c.ip}, ${c.expiresAt})`.execute(sqlOf(tx));
    },
    async revokeOtherFamilies(tx, accountId, keepFamilyId, reason, at) {
      const result = await sql`update identity.session_families set revoked_at = ${at}, revoked_reason = ${reason}
        where account_id = ${accountId} and id <> ${keepFamilyId} and revoked_at is null`.execute(sqlOf(tx));
      return Number(result.numAffectedRows ?? 0n);
    },
    async setPhone(tx, accountId, phone) {
      await sql`update identity.accounts set phone = ${phone} where id = ${accountId}`.execute(sqlOf(tx));
    },
    async lockChallenge(tx, id) {
      const result = await sql<{ id: string; purpose: 'sign-in' | 'phone-verification'; account_id: string | null; channel: 'email' | 'sms'; address: string; code_mac: string; key_id: string; attempts: number; expires_at: Date; consumed_at: Date | null }>`
        select id, purpose, account_id, channel, address, code_mac, key_id, attempts, expires_at, consumed_at from identity.sign_in_challenges where id = ${id} for update`.execute(sqlOf(tx));
      const row = result.rows[0];
      return row && ({ id: row.id, purpose: row.purpose, accountId: row.account_id, channel: row.channel, address: row.address, codeMac: row.code_mac, keyId: row.key_id, attempts: row.attempts, expiresAt: row.expires_at, consumedAt: row.consumed_at } satisfies ChallengeRecord);
    },
    async countFailedAttempt(tx, id) {
      await sql`update identity.sign_in_challenges set attempts = attempts + 1 where id = ${id}`.execute(sqlOf(tx));
    },
    async consumeChallenge(tx, id, at) {
      await sql`update identity.sign_in_challenges set consumed_at = ${at} where id = ${id}`.execute(sqlOf(tx));
    },
    async findAccountByAddress(tx, channel, address) {
      const column = channel === 'email' ? sql`email` : sql`phone`;
      const result = await sql<AccountRow>`select ${ACCOUNT_COLUMNS} from identity.accounts where ${column} = ${address} and deleted_at is null`.execute(sqlOf(tx));
      return result.rows[0] && toAccount(result.rows[0]);
    },
    async findAccount(tx, id) {
      const result = await sql<AccountRow>`select ${ACCOUNT_COLUMNS} from identity.accounts where id = ${id} and deleted_at is null`.execute(sqlOf(tx));
      return result.rows[0] && toAccount(result.rows[0]);
    },
    async insertAccount(tx, account) {
      const result = await sql<AccountRow>`insert into identity.accounts (id, email, phone) values (${account.id}, ${account.email}, ${account.phone})
        returning ${ACCOUNT_COLUMNS}`.execute(sqlOf(tx));
      const row = result.rows[0];
      if (!row) throw new Error('account insert returned nothing');
      return toAccount(row);
    },
    async insertFamily(tx, family) {
      await sql`insert into identity.session_families (id, account_id, user_agent, ip) values (${family.id}, ${family.accountId}, ${family.userAgent}, ${family.ip})`.execute(sqlOf(tx));
    },
    async insertRefreshToken(tx, token) {
      await sql`insert into identity.refresh_tokens (token_hash, family_id, expires_at) values (${token.hash}, ${token.familyId}, ${token.expiresAt})`.execute(sqlOf(tx));
    },
    async lockRefreshToken(tx, hash) {
      const result = await sql<{ family_id: string; account_id: string; expires_at: Date; rotated_at: Date | null; revoked_at: Date | null }>`
        select t.family_id, f.account_id, t.expires_at, t.rotated_at, f.revoked_at
        from identity.refresh_tokens t join identity.session_families f on f.id = t.family_id
        where t.token_hash = ${hash} for update of t, f`.execute(sqlOf(tx));
      const row = result.rows[0];
      return row && ({ familyId: row.family_id, accountId: row.account_id, expiresAt: row.expires_at, rotatedAt: row.rotated_at, familyRevokedAt: row.revoked_at } satisfies RefreshRecord);
    },
    async markRotated(tx, hash, at) {
      await sql`update identity.refresh_tokens set rotated_at = ${at} where token_hash = ${hash}`.execute(sqlOf(tx));
    },
    async revokeFamily(tx, familyId, reason, at) {
      await sql`update identity.session_families set revoked_at = ${at}, revoked_reason = ${reason} where id = ${familyId} and revoked_at is null`.execute(sqlOf(tx));
    },
    async revokeAllFamilies(tx, accountId, reason, at) {
      const result = await sql`update identity.session_families set revoked_at = ${at}, revoked_reason = ${reason} where account_id = ${accountId} and revoked_at is null`.execute(sqlOf(tx));
      return Number(result.numAffectedRows ?? 0n);
    },
    async touchFamily(tx, familyId, at) {
      await sql`update identity.session_families set last_used_at = ${at} where id = ${familyId}`.execute(sqlOf(tx));
    },
    async isFamilyActive(familyId) {
      const result = await sql<{ active: boolean }>`select revoked_at is null as active from identity.session_families where id = ${familyId}`.execute(db);
      return result.rows[0]?.active === true;
    },
    async anonymiseAccount(tx, accountId, at) {
      await sql`update identity.sign_in_challenges set address = 'deleted'
        where address in (select email from identity.accounts where id = ${accountId} union select phone from identity.accounts where id = ${accountId})`.execute(sqlOf(tx));
      await sql`update identity.accounts set email = null, phone = null, is_admin = false, deleted_at = ${at} where id = ${accountId}`.execute(sqlOf(tx));
      await sql`delete from identity.passkeys where account_id = ${accountId}`.execute(sqlOf(tx));
      await sql`delete from identity.memberships where account_id = ${accountId}`.execute(sqlOf(tx));
      await sql`delete from identity.officer_claims where account_id = ${accountId}`.execute(sqlOf(tx));
      await sql`update identity.session_families set user_agent = null, ip = null where account_id = ${accountId}`.execute(sqlOf(tx));
    },
    async exportAccount(tx, accountId) {
      const account = await sql`select id, email, phone, is_admin, officer_verified_at, created_at from identity.accounts where id = ${accountId}`.execute(sqlOf(tx));
      const sessions = await sql`select id, created_at, last_used_at, revoked_at, revoked_reason, user_agent, ip from identity.session_families where account_id = ${accountId} order by created_at`.execute(sqlOf(tx));
      const audit = await sql`select at, action, subject_type, subject_id, ip, details from identity.audit_log where actor_id = ${accountId} or (subject_type = 'account' and subject_id = ${accountId}) order by id`.execute(sqlOf(tx));
      const passkeys = await sql`select name, created_at, last_used_at from identity.passkeys where account_id = ${accountId} order by created_at`.execute(sqlOf(tx));
      const memberships = await sql`select o.id as organisation_id, o.name, o.type, m.role, m.created_at from identity.memberships m join identity.organisations o on o.id = m.organisation_id where m.account_id = ${accountId} order by m.created_at`.execute(sqlOf(tx));
      return { account: account.rows[0] ?? null, sessions: sessions.rows, passkeys: passkeys.rows, memberships: memberships.rows, securityLog: audit.rows };
    },
    async insertAccountIfNew(tx, id, email) {
      const inserted = await sql<{ id: string }>`insert into identity.accounts (id, email) values (${id}, ${email}) on conflict (email) do nothing returning id`.execute(sqlOf(tx));
      return inserted.rows[0]?.id ?? null;
    },
    async grantAdmin(tx, accountId) {
      await sql`update identity.accounts set is_admin = true where id = ${accountId}`.execute(sqlOf(tx));
    },
    async countAdmins(tx) {
      const admins = await sql<{ n: number }>`select count(*)::int as n from identity.accounts where is_admin and deleted_at is null`.execute(sqlOf(tx));
      return admins.rows[0]?.n ?? 0;
    },
    async replaceBootstrapLink(tx, tokenHash, expiresAt) {
      await sql`delete from identity.bootstrap_links where used_at is null`.execute(sqlOf(tx));
      await sql`insert into identity.bootstrap_links (token_hash, expires_at) values (${tokenHash}, ${expiresAt})`.execute(sqlOf(tx));
    },
    async useBootstrapLink(tx, tokenHash, at) {
      const used = await sql`update identity.bootstrap_links set used_at = ${at} where token_hash = ${tokenHash} and used_at is null and expires_at > ${at}`.execute(sqlOf(tx));
      return Number(used.numAffectedRows ?? 0n) === 1;
    },
    async insertOidcFlow(tx, flow) {
      await sql`insert into identity.oidc_flows (state, nonce, code_verifier, expires_at, next_path)
        values (${flow.state}, ${flow.nonce}, ${flow.codeVerifier}, ${flow.expiresAt}, ${flow.nextPath})`.execute(sqlOf(tx));
    },
    async useOidcFlow(tx, state, at) {
      const flow = await sql<{ nonce: string; code_verifier: string; next_path: string | null }>`update identity.oidc_flows set used_at = ${at}
        where state = ${state} and used_at is null and expires_at > ${at} returning nonce, code_verifier, next_path`.execute(sqlOf(tx));
      const row = flow.rows[0];
      return row && ({ state, nonce: row.nonce, codeVerifier: row.code_verifier, nextPath: row.next_path } satisfies OidcFlow);
    },
    async audit(tx: Tx, entry) {
      await sql`insert into identity.audit_log (actor_id, action, subject_type, subject_id, correlation_id, ip, details)
        values (${entry.actorId}, ${entry.action}, ${entry.subjectType ?? null}, ${entry.subjectId ?? null}, ${entry.correlationId}, ${entry.ip ?? null}, ${JSON.stringify(entry.details ?? {})}::jsonb)`.execute(sqlOf(tx));
    },
  };
}
