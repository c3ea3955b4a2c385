import { offerCategories, type OfferCategory } from '@heyblue/contracts/rewards';
import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import type { CatalogueImage, CatalogueStore, CauseRecord, OfferLocation, OfferRecord, OrganisationRecord, Page } from '../application/ports.ts';
import { decodeCursor, decodeDistanceCursor, encodeCursor, encodeDistanceCursor } from './cursor.ts';

interface OfferRow {
  id: string; organisation_id: string; organisation_name: string; kind: 'offer' | 'scheme'; title: string; description: string; category: OfferCategory;
  image_updated_at: Date | null; price_points: number; stock_left: number; per_user_limit: number | null; starts_at: Date; ends_at: Date | null; locations: OfferLocation[];
  voucher_valid_days: number; issuer_url: string | null; issuer_secret: string | null; status: OfferRecord['status']; created_at: Date; distance_km: number | null;
}
interface CauseRow {
  id: string; organisation_id: string; organisation_name: string; kind: 'cause' | 'family'; title: string; description: string;
  goal_points: number | null; received_points: number; active: boolean; image_updated_at: Date | null; created_at: Date;
}

const toOffer = (r: OfferRow): OfferRecord => ({
  id: r.id, organisationId: r.organisation_id, organisationName: r.organisation_name, kind: r.kind, title: r.title, description: r.description, category: r.category,
  imageUpdatedAt: r.image_updated_at, pricePoints: r.price_points, stockLeft: r.stock_left, perUserLimit: r.per_user_limit, startsAt: r.starts_at, endsAt: r.ends_at, locations: r.locations,
  voucherValidDays: r.voucher_valid_days, issuerUrl: r.issuer_url, issuerSecret: r.issuer_secret, status: r.status, distanceKm: r.distance_km === null ? null : Number(r.distance_km),
});
const toCause = (r: CauseRow): CauseRecord => ({
  id: r.id, organisationId: r.organisation_id, organisationName: r.organisation_name, kind: r.kind, title: r.title, description: r.description,
  goalPoints: r.goal_points, receivedPoints: Number(r.received_points), active: r.active, imageUpdatedAt: r.image_updated_at,
});
const offerColumns = sql`o.id, o.organisation_id, org.name as organisation_name, o.kind, o.title, o.description, o.category, o.image_updated_at, o.price_points, o.stock_left,
  o.per_user_limit, o.starts_at, o.ends_at, o.locations, o.voucher_valid_days, o.issuer_url, o.issuer_secret, o.status, o.created_at`;
const causeColumns = sql`c.id, c.organisation_id, org.name as organisation_name, c.kind, c.title, c.description, c.goal_points, c.received_points, c.active, c.image_updated_at, c.created_at`;

/** Where each kind of picture is kept, and the row that says when it was set. */
const pictures = {
  offer: { images: sql`rewards.offer_images`, key: sql`offer_id`, owners: sql`rewards.offers` },
  cause: { images: sql`rewards.cause_images`, key: sql`cause_id`, owners: sql`rewards.causes` },
} as const;

function paged<R extends { id: string; created_at: Date }, T>(rows: R[], limit: number, map: (r: R) => T): Page<T> {
  const last = rows[limit - 1];
  return { items: rows.slice(0, limit).map(map), nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
}

/** Offers upserted by one statement (a partner's import comes in many). */
const UPSERT_CHUNK = 500;

/** Approved organisations, people and officers as identity's events told us; offers and causes. */
export function catalogueStore(): CatalogueStore {
  return {
    async upsertOrganisation(tx, org) {
      await sql`insert into rewards.organisations (id, type, name) values (${org.id}, ${org.type}, ${org.name})
        on conflict (id) do update set type = excluded.type, name = excluded.name`.execute(sqlOf(tx));
    },
    async addPerson(tx, accountId) {
      await sql`insert into rewards.people (account_id) values (${accountId}) on conflict do nothing`.execute(sqlOf(tx));
    },
    async removePerson(tx, accountId) {
      await sql`insert into rewards.people (account_id, deleted_at) values (${accountId}, now()) on conflict (account_id) do update set deleted_at = now()`.execute(sqlOf(tx));
    },
    async personExists(tx, accountId) {
      const row = await sql`select 1 from rewards.people where account_id = ${accountId} and deleted_at is null`.execute(sqlOf(tx));
      return row.rows.length > 0;
    },
    async addOfficer(tx, accountId, precinctId) {
      await sql`insert into rewards.officers (account_id, precinct_id) values (${accountId}, ${precinctId})
        on conflict (account_id) do update set precinct_id = excluded.precinct_id`.execute(sqlOf(tx));
    },
    async organisation(tx, id) {
      const row = await sql<OrganisationRecord>`select id, type, name from rewards.organisations where id = ${id}`.execute(sqlOf(tx));
      return row.rows[0] ?? null;
    },
    async precinctOf(tx, accountId) {
      const row = await sql<{ precinct_id: string }>`select precinct_id from rewards.officers where account_id = ${accountId}`.execute(sqlOf(tx));
      return row.rows[0]?.precinct_id ?? null;
    },
    async colleaguesOf(tx, accountId) {
      const rows = await sql<{ account_id: string }>`select o.account_id from rewards.officers o
        join rewards.officers me on me.precinct_id = o.precinct_id and me.account_id = ${accountId}
        where o.account_id <> ${accountId} order by o.account_id limit 500`.execute(sqlOf(tx));
      return rows.rows.map((r) => r.account_id);
    },

    async insertOffer(tx, offer) {
      await sql`insert into rewards.offers (id, organisation_id, kind, title, description, category, price_points, stock_left, per_user_limit,
          starts_at, ends_at, locations, voucher_valid_days, issuer_url, issuer_secret, status)
        values (${offer.id}, ${offer.organisationId}, ${offer.kind}, ${offer.title}, ${offer.description}, ${offer.category}, ${offer.pricePoints}, ${offer.stockLeft},
          ${offer.perUserLimit}, ${offer.startsAt}, ${offer.endsAt}, ${JSON.stringify(offer.locations)}::jsonb, ${offer.voucherValidDays}, ${offer.issuerUrl}, ${offer.issuerSecret}, ${offer.status})`.execute(sqlOf(tx));
    },
    async updateOffer(tx, offer) {
      await sql`update rewards.offers set title = ${offer.title}, description = ${offer.description}, category = ${offer.category}, price_points = ${offer.pricePoints},
          stock_left = ${offer.stockLeft}, per_user_limit = ${offer.perUserLimit}, starts_at = ${offer.startsAt}, ends_at = ${offer.endsAt},
          locations = ${JSON.stringify(offer.locations)}::jsonb, voucher_valid_days = ${offer.voucherValidDays}, issuer_url = ${offer.issuerUrl},
          issuer_secret = ${offer.issuerSecret}, status = ${offer.status}, updated_at = now()
        where id = ${offer.id}`.execute(sqlOf(tx));
    },
    async offersByExternalId(tx, organisationId, externalIds) {
      if (externalIds.length === 0) return new Map();
      const rows = await sql<OfferRow & { external_id: string }>`select ${offerColumns}, o.external_id, null as distance_km from rewards.offers o
        join rewards.organisations org on org.id = o.organisation_id
        where o.organisation_id = ${organisationId} and o.external_id = any(${[...externalIds]}::text[]) for update of o`.execute(sqlOf(tx));
      return new Map(rows.rows.map((r) => [r.external_id, toOffer(r)]));
    },
    async upsertOffers(tx, offers) {
      const upserted: Array<{ externalId: string; offerId: string; created: boolean }> = [];
      for (let i = 0; i < offers.length; i += UPSERT_CHUNK) {
        const rows = offers.slice(i, i + UPSERT_CHUNK).map((o) => sql`(${o.id}, ${o.organisationId}, ${o.externalId}, ${o.kind}, ${o.title}, ${o.description}, ${o.category},
          ${o.pricePoints}, ${o.stockLeft}, ${o.perUserLimit}, ${o.startsAt}::timestamptz, ${o.endsAt}::timestamptz, ${JSON.stringify(o.locations)}::jsonb,
          ${o.voucherValidDays}, ${o.issuerUrl}, ${o.issuerSecret}, ${o.status})`);
        // xmax is 0 on a row this statement inserted, and the updating transaction's id on one it changed.
        const result = await sql<{ id: string; external_id: string; created: boolean }>`insert into rewards.offers as o (id, organisation_id, external_id, kind, title,
            description, category, price_points, stock_left, per_user_limit, starts_at, ends_at, locations, voucher_valid_days, issuer_url, issuer_secret, status)
          values ${sql.join(rows)}
          on conflict (organisation_id, external_id) do update set title = excluded.title, description = excluded.description, category = excluded.category,
            price_points = excluded.price_points, stock_left = excluded.stock_left, per_user_limit = excluded.per_user_limit, starts_at = excluded.starts_at,
            ends_at = excluded.ends_at, locations = excluded.locations, voucher_valid_days = excluded.voucher_valid_days, issuer_url = excluded.issuer_url,
            issuer_secret = excluded.issuer_secret, status = excluded.status, updated_at = now()
          returning o.id, o.external_id, (o.xmax = 0) as created`.execute(sqlOf(tx));
        upserted.push(...result.rows.map((r) => ({ externalId: r.external_id, offerId: r.id, created: r.created })));
      }
      return upserted;
    },
    async offer(tx, id, lock = false) {
      const row = await sql<OfferRow>`select ${offerColumns}, null as distance_km from rewards.offers o join rewards.organisations org on org.id = o.organisation_id
        where o.id = ${id} ${lock ? sql`for update of o` : sql``}`.execute(sqlOf(tx));
      return row.rows[0] ? toOffer(row.rows[0]) : null;
    },
    async takeOne(tx, id) {
      const row = await sql<OfferRow>`update rewards.offers o set stock_left = o.stock_left - 1 from rewards.organisations org
        where o.id = ${id} and o.stock_left > 0 and org.id = o.organisation_id returning ${offerColumns}, null as distance_km`.execute(sqlOf(tx));
      return row.rows[0] ? toOffer(row.rows[0]) : null;
    },
    async returnStock(tx, id) {
      await sql`update rewards.offers set stock_left = stock_left + 1 where id = ${id}`.execute(sqlOf(tx));
    },
    async searchOffers(tx, search, now) {
      const near = search.near;
      const distance = near
        ? sql`(select min(6371.0088 * 2 * asin(sqrt(power(sin(radians(((l->>'lat')::float8 - ${near.lat}) / 2)), 2)
              + cos(radians(${near.lat})) * cos(radians((l->>'lat')::float8)) * power(sin(radians(((l->>'lon')::float8 - ${near.lon}) / 2)), 2))))
            from jsonb_array_elements(o.locations) l)`
        : sql`null::float8`;
      const pattern = search.text ? `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const filtered = sql`select ${offerColumns}, ${distance} as distance_km from rewards.offers o join rewards.organisations org on org.id = o.organisation_id
          where o.status = 'active' and o.starts_at <= ${now} and (o.ends_at is null or o.ends_at > ${now})
            ${pattern ? sql`and (o.title ilike ${pattern} or o.description ilike ${pattern} or org.name ilike ${pattern})` : sql``}
            ${search.category ? sql`and o.category = ${search.category}` : sql``}
            ${search.kind ? sql`and o.kind = ${search.kind}` : sql``}
            ${search.maxPoints !== null ? sql`and o.price_points <= ${search.maxPoints}` : sql``}`;
      if (!near) {
        // Newest first.
        const after = decodeCursor(search.cursor);
        const rows = await sql<OfferRow>`select * from (${filtered}) found
          ${after ? sql`where (created_at, id) < (${after.at}, ${after.id})` : sql``}
          order by created_at desc, id desc limit ${search.limit + 1}`.execute(sqlOf(tx));
        return paged(rows.rows, search.limit, toOffer);
      }
      // Nearest first (keyset on distance and id), then the offers without a place (keyset on id).
      const after = decodeDistanceCursor(search.cursor);
      const rows = await sql<OfferRow>`select * from (${filtered}) found
        where ${search.radiusKm !== null ? sql`distance_km <= ${search.radiusKm}` : sql`true`}
          ${after && after.distanceKm !== null ? sql`and (distance_km is null or (distance_km, id) > (${after.distanceKm}::float8, ${after.id}))` : sql``}
          ${after && after.distanceKm === null ? sql`and distance_km is null and id > ${after.id}` : sql``}
        order by distance_km is null, distance_km, id limit ${search.limit + 1}`.execute(sqlOf(tx));
      const last = rows.rows[search.limit - 1];
      const lastDistance = last?.distance_km;
      return {
        items: rows.rows.slice(0, search.limit).map(toOffer),
        nextCursor: rows.rows.length > search.limit && last ? encodeDistanceCursor(lastDistance === null || lastDistance === undefined ? null : Number(lastDistance), last.id) : null,
      };
    },
    async categories(tx, now) {
      const rows = await sql<{ category: OfferCategory }>`select distinct category from rewards.offers
        where status = 'active' and starts_at <= ${now} and (ends_at is null or ends_at > ${now})`.execute(sqlOf(tx));
      const used = new Set(rows.rows.map((r) => r.category));
      return offerCategories.filter((category) => used.has(category));
    },
    async offersOf(tx, organisationId, limit, cursor) {
      const after = decodeCursor(cursor);
      const rows = await sql<OfferRow>`select ${offerColumns}, null as distance_km from rewards.offers o join rewards.organisations org on org.id = o.organisation_id
        where o.organisation_id = ${organisationId} ${after ? sql`and (o.created_at, o.id) < (${after.at}, ${after.id})` : sql``}
        order by o.created_at desc, o.id desc limit ${limit + 1}`.execute(sqlOf(tx));
      return paged(rows.rows, limit, toOffer);
    },

    async insertCause(tx, cause) {
      await sql`insert into rewards.causes (id, organisation_id, kind, title, description, goal_points, active)
        values (${cause.id}, ${cause.organisationId}, ${cause.kind}, ${cause.title}, ${cause.description}, ${cause.goalPoints}, ${cause.active})`.execute(sqlOf(tx));
    },
    async updateCause(tx, cause) {
      await sql`update rewards.causes set kind = ${cause.kind}, title = ${cause.title}, description = ${cause.description}, goal_points = ${cause.goalPoints}, active = ${cause.active}
        where id = ${cause.id}`.execute(sqlOf(tx));
    },
    async cause(tx, id, lock = false) {
      const row = await sql<CauseRow>`select ${causeColumns} from rewards.causes c join rewards.organisations org on org.id = c.organisation_id where c.id = ${id}
        ${lock ? sql`for update of c` : sql``}`.execute(sqlOf(tx));
      return row.rows[0] ? toCause(row.rows[0]) : null;
    },
    async addToCause(tx, id, points) {
      await sql`update rewards.causes set received_points = received_points + ${points} where id = ${id}`.execute(sqlOf(tx));
    },
    async searchCauses(tx, text, limit, cursor) {
      const after = decodeCursor(cursor);
      const pattern = text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = await sql<CauseRow>`select ${causeColumns} from rewards.causes c join rewards.organisations org on org.id = c.organisation_id
        where c.active ${pattern ? sql`and (c.title ilike ${pattern} or c.description ilike ${pattern} or org.name ilike ${pattern})` : sql``}
          ${after ? sql`and (c.created_at, c.id) < (${after.at}, ${after.id})` : sql``}
        order by c.created_at desc, c.id desc limit ${limit + 1}`.execute(sqlOf(tx));
      return paged(rows.rows, limit, toCause);
    },
    async causesOf(tx, organisationId, limit, cursor) {
      const after = decodeCursor(cursor);
      const rows = await sql<CauseRow>`select ${causeColumns} from rewards.causes c join rewards.organisations org on org.id = c.organisation_id
        where c.organisation_id = ${organisationId} ${after ? sql`and (c.created_at, c.id) < (${after.at}, ${after.id})` : sql``}
        order by c.created_at desc, c.id desc limit ${limit + 1}`.execute(sqlOf(tx));
      return paged(rows.rows, limit, toCause);
    },

    async setImage(tx, of, id, image, at) {
      const { images, key, owners } = pictures[of];
      await sql`insert into ${images} (${key}, image, updated_at) values (${id}, ${image}, ${at})
        on conflict (${key}) do update set image = excluded.image, updated_at = excluded.updated_at`.execute(sqlOf(tx));
      await sql`update ${owners} set image_updated_at = ${at} where id = ${id}`.execute(sqlOf(tx));
    },
    async removeImage(tx, of, id) {
      const { images, key, owners } = pictures[of];
      const removed = await sql`delete from ${images} where ${key} = ${id} returning ${key}`.execute(sqlOf(tx));
      await sql`update ${owners} set image_updated_at = null where id = ${id}`.execute(sqlOf(tx));
      return removed.rows.length > 0;
    },
    async image(tx, of, id) {
      const { images, key } = pictures[of];
      const row = await sql<{ image: Uint8Array; updated_at: Date }>`select image, updated_at from ${images} where ${key} = ${id}`.execute(sqlOf(tx));
      const found = row.rows[0];
      return found ? ({ image: Buffer.from(found.image.buffer, found.image.byteOffset, found.image.byteLength), updatedAt: found.updated_at } satisfies CatalogueImage) : undefined;
    },
  };
}
