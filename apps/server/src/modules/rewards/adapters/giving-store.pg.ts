import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { DonationRecord, GivingStore, Page, RewardsSettings } from '../application/ports.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

interface DonationRow {
  id: string; cause_id: string; cause_title: string; organisation_id: string; donor_id: string; points: number; donated_at: Date; local_day: string;
}
const toDonation = (r: DonationRow): DonationRecord => ({ id: r.id, causeId: r.cause_id, causeTitle: r.cause_title, organisationId: r.organisation_id, donorId: r.donor_id, points: r.points, at: r.donated_at, localDay: r.local_day });

/** Donations, gifts and the deployment's rewards settings. */
export function givingStore(): GivingStore {
  return {
    async settings(tx) {
      const row = await sql<{ citizen_gifts_enabled: boolean; gift_daily_cap: number; donation_daily_cap: number; point_value_cents: number; pair_connections_per_day: number }>`
        select citizen_gifts_enabled, gift_daily_cap, donation_daily_cap, point_value_cents, pair_connections_per_day from rewards.settings`.execute(sqlOf(tx));
      const r = row.rows[0];
      return {
        citizenGiftsEnabled: r?.citizen_gifts_enabled ?? false, giftDailyCap: r?.gift_daily_cap ?? 0, donationDailyCap: r?.donation_daily_cap ?? 0, pointValueCents: r?.point_value_cents ?? 0,
        pairConnectionsPerDay: r?.pair_connections_per_day ?? 3,
      };
    },
    async saveSettings(tx, s: RewardsSettings) {
      await sql`update rewards.settings set citizen_gifts_enabled = ${s.citizenGiftsEnabled}, gift_daily_cap = ${s.giftDailyCap},
        donation_daily_cap = ${s.donationDailyCap}, point_value_cents = ${s.pointValueCents}, pair_connections_per_day = ${s.pairConnectionsPerDay}, updated_at = now()`.execute(sqlOf(tx));
    },
    async donatedOn(tx, donorId, day) {
      const row = await sql<{ total: number }>`select coalesce(sum(points), 0) as total from rewards.donations where donor_id = ${donorId} and local_day = ${day}`.execute(sqlOf(tx));
      return Number(row.rows[0]?.total ?? 0);
    },
    async giftedOn(tx, senderId, day) {
      const row = await sql<{ total: number }>`select coalesce(sum(points), 0) as total from rewards.gifts where sender_id = ${senderId} and local_day = ${day}`.execute(sqlOf(tx));
      return Number(row.rows[0]?.total ?? 0);
    },
    async insertDonation(tx, d, transferId) {
      await sql`insert into rewards.donations (id, cause_id, organisation_id, donor_id, points, transfer_id, donated_at, local_day)
        values (${d.id}, ${d.causeId}, ${d.organisationId}, ${d.donorId}, ${d.points}, ${transferId}, ${d.at}, ${d.localDay})`.execute(sqlOf(tx));
    },
    async insertGift(tx, g) {
      await sql`insert into rewards.gifts (id, sender_id, recipient_id, points, message, transfer_id, sent_at, local_day)
        values (${g.id}, ${g.senderId}, ${g.recipientId}, ${g.points}, ${g.message}, ${g.transferId}, ${g.at}, ${g.localDay})`.execute(sqlOf(tx));
    },
    async gift(tx, id) {
      const row = await sql<{ sender_id: string; recipient_id: string; message: string | null }>`select sender_id, recipient_id, message from rewards.gifts where id = ${id}`.execute(sqlOf(tx));
      const r = row.rows[0];
      return r ? { senderId: r.sender_id, recipientId: r.recipient_id, message: r.message } : null;
    },
    async donationsOf(tx, organisationId, limit, cursor): Promise<Page<DonationRecord>> {
      const after = decodeCursor(cursor);
      const rows = await sql<DonationRow>`select d.id, d.cause_id, c.title as cause_title, d.organisation_id, d.donor_id, d.points, d.donated_at, d.local_day::text
        from rewards.donations d join rewards.causes c on c.id = d.cause_id where d.organisation_id = ${organisationId}
        ${after ? sql`and (d.donated_at, d.id) < (${after.at}, ${after.id})` : sql``} order by d.donated_at desc, d.id desc limit ${limit + 1}`.execute(sqlOf(tx));
      const last = rows.rows[limit - 1];
      return { items: rows.rows.slice(0, limit).map(toDonation), nextCursor: rows.rows.length > limit && last ? encodeCursor(last.donated_at, last.id) : null };
    },
    async donationsInMonth(tx, organisationId, firstDay, afterLastDay) {
      const rows = await sql<DonationRow>`select d.id, d.cause_id, c.title as cause_title, d.organisation_id, d.donor_id, d.points, d.donated_at, d.local_day::text
        from rewards.donations d join rewards.causes c on c.id = d.cause_id
        where d.organisation_id = ${organisationId} and d.local_day >= ${firstDay}::date and d.local_day < ${afterLastDay}::date order by d.donated_at, d.id`.execute(sqlOf(tx));
      return rows.rows.map(toDonation);
    },
  };
}
