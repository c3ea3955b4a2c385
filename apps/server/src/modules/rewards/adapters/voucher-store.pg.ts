import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { Page, VoucherRecord, VoucherStatus, VoucherStore } from '../application/ports.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

interface VoucherRow {
  id: string; offer_id: string; offer_title: string; organisation_id: string; organisation_name: string; citizen_id: string; status: VoucherStatus;
  points: number; code_sealed: string; short_code: string; external_code: string | null; valid_until: Date; issued_at: Date; used_at: Date | null;
  cancelled_at: Date | null; failure_reason: string | null; payment_id: string; settlement_id: string | null; issuer_attempts: number;
}

const toVoucher = (r: VoucherRow): VoucherRecord => ({
  id: r.id, offerId: r.offer_id, offerTitle: r.offer_title, organisationId: r.organisation_id, organisationName: r.organisation_name, citizenId: r.citizen_id,
  status: r.status, points: r.points, codeSealed: r.code_sealed, shortCode: r.short_code, externalCode: r.external_code, validUntil: r.valid_until,
  issuedAt: r.issued_at, usedAt: r.used_at, cancelledAt: r.cancelled_at, failureReason: r.failure_reason, paymentId: r.payment_id, settlementId: r.settlement_id,
  issuerAttempts: r.issuer_attempts,
});
const columns = sql`v.id, v.offer_id, o.title as offer_title, v.organisation_id, org.name as organisation_name, v.citizen_id, v.status, v.points, v.code_sealed,
  v.short_code, v.external_code, v.valid_until, v.issued_at, v.used_at, v.cancelled_at, v.failure_reason, v.payment_id, v.settlement_id, v.issuer_attempts`;
const from = sql`rewards.vouchers v join rewards.offers o on o.id = v.offer_id join rewards.organisations org on org.id = v.organisation_id`;

function paged(rows: VoucherRow[], limit: number): Page<VoucherRecord> {
  const last = rows[limit - 1];
  return { items: rows.slice(0, limit).map(toVoucher), nextCursor: rows.length > limit && last ? encodeCursor(last.issued_at, last.id) : null };
}

/** Vouchers: issue, find by code hash or short code, and move them through their states with conditional updates. */
export function voucherStore(): VoucherStore {
  return {
    async insert(tx, v, codeHash) {
      const row = await sql`insert into rewards.vouchers (id, offer_id, organisation_id, citizen_id, status, points, code_hash, code_sealed, short_code,
          valid_until, issued_at, payment_id, issuer_next_at)
        values (${v.id}, ${v.offerId}, ${v.organisationId}, ${v.citizenId}, ${v.status}, ${v.points}, ${codeHash}, ${v.codeSealed}, ${v.shortCode},
          ${v.validUntil}, ${v.issuedAt}, ${v.paymentId}, ${v.status === 'pending' ? v.issuedAt : null})
        on conflict on constraint vouchers_short_code_unique do nothing returning id`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async byId(tx, id, lock = false) {
      const row = await sql<VoucherRow>`select ${columns} from ${from} where v.id = ${id} ${lock ? sql`for update of v` : sql``}`.execute(sqlOf(tx));
      return row.rows[0] ? toVoucher(row.rows[0]) : null;
    },
    async byHash(tx, hash) {
      const row = await sql<VoucherRow>`select ${columns} from ${from} where v.code_hash = ${hash}`.execute(sqlOf(tx));
      return row.rows[0] ? toVoucher(row.rows[0]) : null;
    },
    async byShortCode(tx, organisationId, shortCode) {
      const row = await sql<VoucherRow>`select ${columns} from ${from} where v.organisation_id = ${organisationId} and v.short_code = ${shortCode}`.execute(sqlOf(tx));
      return row.rows[0] ? toVoucher(row.rows[0]) : null;
    },
    async heldBy(tx, offerId, citizenId) {
      const row = await sql<{ n: number }>`select count(*) as n from rewards.vouchers where offer_id = ${offerId} and citizen_id = ${citizenId} and status in ('pending', 'active', 'used')`.execute(sqlOf(tx));
      return Number(row.rows[0]?.n ?? 0);
    },
    async markUsed(tx, id, usedBy, at) {
      const row = await sql`update rewards.vouchers set status = 'used', used_at = ${at}, used_by = ${usedBy}
        where id = ${id} and status = 'active' and valid_until > ${at} returning id`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async markCancelled(tx, id, refundId, at) {
      const row = await sql`update rewards.vouchers set status = 'cancelled', cancelled_at = ${at}, refund_id = ${refundId}
        where id = ${id} and status = 'active' returning id`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async activate(tx, id, externalCode, settlementId) {
      const row = await sql`update rewards.vouchers set status = 'active', external_code = ${externalCode}, settlement_id = ${settlementId}, issuer_next_at = null
        where id = ${id} and status = 'pending' returning id`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async fail(tx, id, reason, refundId) {
      const row = await sql`update rewards.vouchers set status = 'failed', failure_reason = ${reason}, refund_id = ${refundId}, issuer_next_at = null
        where id = ${id} and status = 'pending' returning id`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async claimPending(tx, now, leaseMs, limit) {
      const rows = await sql<{ id: string }>`update rewards.vouchers set issuer_attempts = issuer_attempts + 1, issuer_next_at = ${new Date(now.getTime() + leaseMs)}
        where id in (select id from rewards.vouchers where status = 'pending' and issuer_next_at <= ${now} order by issuer_next_at limit ${limit} for update skip locked)
        returning id`.execute(sqlOf(tx));
      return rows.rows.map((r) => r.id);
    },
    async retryLater(tx, id, at, error) {
      await sql`update rewards.vouchers set issuer_next_at = ${at}, issuer_last_error = ${error} where id = ${id} and status = 'pending'`.execute(sqlOf(tx));
    },
    async ofCitizen(tx, citizenId, limit, cursor) {
      const after = decodeCursor(cursor);
      const rows = await sql<VoucherRow>`select ${columns} from ${from} where v.citizen_id = ${citizenId}
        ${after ? sql`and (v.issued_at, v.id) < (${after.at}, ${after.id})` : sql``} order by v.issued_at desc, v.id desc limit ${limit + 1}`.execute(sqlOf(tx));
      return paged(rows.rows, limit);
    },
    async ofOrganisation(tx, organisationId, limit, cursor) {
      const after = decodeCursor(cursor);
      const rows = await sql<VoucherRow>`select ${columns} from ${from} where v.organisation_id = ${organisationId}
        ${after ? sql`and (v.issued_at, v.id) < (${after.at}, ${after.id})` : sql``} order by v.issued_at desc, v.id desc limit ${limit + 1}`.execute(sqlOf(tx));
      return paged(rows.rows, limit);
    },
  };
}
