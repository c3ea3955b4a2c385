import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { ConnectionKind, WindowEndReason } from '@heyblue/contracts/connections';
import type { Band } from '../domain/bands.ts';
import type { QrRole } from '../domain/qr-token.ts';
import type { TravelFlag } from '../domain/travel-check.ts';
import type { ConnectionRecord, ConnectionsStore, FraudFlagRecord, Page, QrRecord, RequestRecord, RequestStatus, WindowRecord } from '../application/ports.ts';

interface WindowRow {
  id: string;
  officer_id: string;
  in_person: boolean;
  virtual: boolean;
  started_at: Date;
  closes_at: Date;
  ended_at: Date | null;
  end_reason: WindowEndReason | null;
}
interface RequestRow {
  id: string;
  kind: 'proximity' | 'virtual';
  citizen_id: string;
  officer_id: string;
  band: Band | null;
  status: RequestStatus;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
}
interface ConnectionRow {
  id: string;
  kind: ConnectionKind;
  officer_id: string;
  citizen_id: string;
  request_id: string | null;
  qr_nonce: string | null;
  location_verified: boolean;
  cell: string | null;
  zip: string | null;
  made_at: Date;
}
interface QrRow {
  nonce: string;
  issuer_id: string;
  issuer_role: QrRole;
  short_code: string;
  expires_at: Date;
  used_at: Date | null;
}
interface FlagRow {
  id: string;
  account_id: string;
  kind: TravelFlag['kind'];
  speed_kmh: number;
  distance_km: string;
  flagged_at: Date;
}

const toWindow = (r: WindowRow): WindowRecord => ({ id: r.id, officerId: r.officer_id, inPerson: r.in_person, virtual: r.virtual, startedAt: r.started_at, closesAt: r.closes_at, endedAt: r.ended_at, endReason: r.end_reason });
const toRequest = (r: RequestRow): RequestRecord => ({ id: r.id, kind: r.kind, citizenId: r.citizen_id, officerId: r.officer_id, band: r.band, status: r.status, createdAt: r.created_at, expiresAt: r.expires_at, decidedAt: r.decided_at });
const toConnection = (r: ConnectionRow): ConnectionRecord => ({ id: r.id, kind: r.kind, officerId: r.officer_id, citizenId: r.citizen_id, requestId: r.request_id, qrNonce: r.qr_nonce, locationVerified: r.location_verified, cell: r.cell, zip: r.zip, madeAt: r.made_at });
const toQr = (r: QrRow): QrRecord => ({ nonce: r.nonce, issuerId: r.issuer_id, issuerRole: r.issuer_role, shortCode: r.short_code, expiresAt: r.expires_at, usedAt: r.used_at });
const toFlag = (r: FlagRow): FraudFlagRecord => ({ id: r.id, accountId: r.account_id, kind: r.kind, speedKmh: r.speed_kmh, distanceKm: Number(r.distance_km), flaggedAt: r.flagged_at });

/** Keyset cursors: the last row's time and id, opaque to clients. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}
function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('PLATFORM_VALIDATION_FAILED', 'That page cursor is not valid; start from the first page.');
  return { at: date, id };
}
function pageOf<R, T>(rows: R[], limit: number, map: (r: R) => T, key: (t: T) => { at: Date; id: string }): Page<T> {
  const items = rows.slice(0, limit).map(map);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last).at, key(last).id) : null };
}

const WINDOW = sql`id, officer_id, in_person, virtual, started_at, closes_at, ended_at, end_reason`;
const REQUEST = sql`id, kind, citizen_id, officer_id, band, status, created_at, expires_at, decided_at`;

/** Connections' tables in schema `connections`, through SQL. */
export function connectionsStore(): ConnectionsStore {
  return {
    async saveOfficer(tx, o, at) {
      await sql`insert into connections.officers (account_id, precinct_id, precinct_name, verified_at) values (${o.accountId}, ${o.precinctId}, ${o.precinctName}, ${at})
        on conflict (account_id) do update set precinct_id = excluded.precinct_id, precinct_name = excluded.precinct_name, verified_at = excluded.verified_at`.execute(sqlOf(tx));
    },
    async removeAccount(tx, accountId) {
      await sql`delete from connections.officers where account_id = ${accountId}`.execute(sqlOf(tx));
      await sql`update connections.windows set ended_at = now(), end_reason = 'stopped' where officer_id = ${accountId} and ended_at is null`.execute(sqlOf(tx));
      await sql`update connections.requests set status = 'cancelled', decided_at = now() where (citizen_id = ${accountId} or officer_id = ${accountId}) and status = 'pending'`.execute(sqlOf(tx));
    },
    async officer(tx, accountId) {
      const r = await sql<{ account_id: string; precinct_id: string; precinct_name: string }>`select account_id, precinct_id, precinct_name from connections.officers where account_id = ${accountId}`.execute(sqlOf(tx));
      const row = r.rows[0];
      return row && { accountId: row.account_id, precinctId: row.precinct_id, precinctName: row.precinct_name };
    },

    async insertWindow(tx, w) {
      try {
        await sql`insert into connections.windows (id, officer_id, in_person, virtual, started_at, closes_at) values (${w.id}, ${w.officerId}, ${w.inPerson}, ${w.virtual}, ${w.startedAt}, ${w.closesAt})`.execute(sqlOf(tx));
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONNECTIONS_WINDOW_ALREADY_OPEN');
        throw error;
      }
    },
    async openWindowForUpdate(tx, officerId) {
      const r = await sql<WindowRow>`select ${WINDOW} from connections.windows where officer_id = ${officerId} and ended_at is null for update`.execute(sqlOf(tx));
      return r.rows[0] && toWindow(r.rows[0]);
    },
    async openWindow(tx, officerId) {
      const r = await sql<WindowRow>`select ${WINDOW} from connections.windows where officer_id = ${officerId} and ended_at is null`.execute(sqlOf(tx));
      return r.rows[0] && toWindow(r.rows[0]);
    },
    async extendWindow(tx, windowId, closesAt) {
      await sql`update connections.windows set closes_at = ${closesAt} where id = ${windowId}`.execute(sqlOf(tx));
    },
    async endWindow(tx, windowId, reason, at) {
      const r = await sql`update connections.windows set ended_at = ${at}, end_reason = ${reason} where id = ${windowId} and ended_at is null`.execute(sqlOf(tx));
      return Number(r.numAffectedRows ?? 0) > 0;
    },
    async lapsedWindows(tx, now, limit) {
      const r = await sql<WindowRow>`select ${WINDOW} from connections.windows where ended_at is null and closes_at <= ${now} order by closes_at limit ${limit} for update skip locked`.execute(sqlOf(tx));
      return r.rows.map(toWindow);
    },
    async virtualWindows(tx, precinctId, cursor, limit) {
      const after = decodeCursor(cursor);
      const r = await sql<WindowRow & { precinct_id: string; precinct_name: string }>`select w.id, w.officer_id, w.in_person, w.virtual, w.started_at, w.closes_at, w.ended_at, w.end_reason, o.precinct_id, o.precinct_name
        from connections.windows w join connections.officers o on o.account_id = w.officer_id
        where w.ended_at is null and w.virtual ${precinctId ? sql`and o.precinct_id = ${precinctId}` : sql``}
        ${after ? sql`and (w.started_at, w.id) < (${after.at}, ${after.id})` : sql``}
        order by w.started_at desc, w.id desc limit ${limit + 1}`.execute(sqlOf(tx));
      return pageOf(r.rows, limit, (row) => ({ ...toWindow(row), precinctId: row.precinct_id, precinctName: row.precinct_name }), (w) => ({ at: w.startedAt, id: w.id }));
    },
    async allOpenWindows(tx) {
      const r = await sql<WindowRow & { precinct_name: string }>`select w.id, w.officer_id, w.in_person, w.virtual, w.started_at, w.closes_at, w.ended_at, w.end_reason, o.precinct_name
        from connections.windows w join connections.officers o on o.account_id = w.officer_id where w.ended_at is null`.execute(sqlOf(tx));
      return r.rows.map((row) => ({ ...toWindow(row), precinctName: row.precinct_name }));
    },

    async insertRequest(tx, q) {
      const inserted = await sql<RequestRow>`insert into connections.requests (id, kind, citizen_id, officer_id, band, status, created_at, expires_at)
        values (${q.id}, ${q.kind}, ${q.citizenId}, ${q.officerId}, ${q.band}, 'pending', ${q.createdAt}, ${q.expiresAt})
        on conflict (citizen_id, officer_id) where status = 'pending' do nothing returning ${REQUEST}`.execute(sqlOf(tx));
      if (inserted.rows[0]) return { request: toRequest(inserted.rows[0]), created: true };
      const existing = await this.pendingRequest(tx, q.citizenId, q.officerId);
      if (!existing) throw new Error('a pending request vanished while inserting its twin');
      return { request: existing, created: false };
    },
    async pendingRequest(tx, citizenId, officerId) {
      const r = await sql<RequestRow>`select ${REQUEST} from connections.requests where citizen_id = ${citizenId} and officer_id = ${officerId} and status = 'pending'`.execute(sqlOf(tx));
      return r.rows[0] && toRequest(r.rows[0]);
    },
    async countPending(tx, citizenId, now) {
      const r = await sql<{ n: number }>`select count(*)::int as n from connections.requests where citizen_id = ${citizenId} and status = 'pending' and expires_at > ${now}`.execute(sqlOf(tx));
      return r.rows[0]?.n ?? 0;
    },
    async lastDecline(tx, citizenId, officerId) {
      const r = await sql<{ at: Date | null }>`select max(decided_at) as at from connections.requests where citizen_id = ${citizenId} and officer_id = ${officerId} and status = 'declined'`.execute(sqlOf(tx));
      return r.rows[0]?.at ?? undefined;
    },
    async requestForUpdate(tx, requestId) {
      const r = await sql<RequestRow>`select ${REQUEST} from connections.requests where id = ${requestId} for update`.execute(sqlOf(tx));
      return r.rows[0] && toRequest(r.rows[0]);
    },
    async setRequestStatus(tx, requestId, status, at) {
      const r = await sql<RequestRow>`update connections.requests set status = ${status}, decided_at = ${at} where id = ${requestId} returning ${REQUEST}`.execute(sqlOf(tx));
      const row = r.rows[0];
      if (!row) throw new AppError('CONNECTIONS_REQUEST_NOT_FOUND');
      return toRequest(row);
    },
    async expireRequests(tx, now, limit) {
      const r = await sql<RequestRow>`update connections.requests set status = 'expired', decided_at = expires_at
        where id in (select id from connections.requests where status = 'pending' and expires_at <= ${now} order by expires_at limit ${limit} for update skip locked)
        returning ${REQUEST}`.execute(sqlOf(tx));
      return r.rows.map(toRequest);
    },
    async pendingOf(tx, userId, now) {
      const r = await sql<RequestRow>`select ${REQUEST} from connections.requests where (citizen_id = ${userId} or officer_id = ${userId}) and status = 'pending' and expires_at > ${now} order by created_at desc limit 50`.execute(sqlOf(tx));
      const all = r.rows.map(toRequest);
      return { incoming: all.filter((q) => q.officerId === userId), outgoing: all.filter((q) => q.citizenId === userId) };
    },

    async insertQr(tx, q) {
      const r = await sql`insert into connections.qr_codes (nonce, issuer_id, issuer_role, short_code, expires_at) values (${q.nonce}, ${q.issuerId}, ${q.issuerRole}, ${q.shortCode}, ${q.expiresAt})
        on conflict (short_code) do nothing`.execute(sqlOf(tx));
      return Number(r.numAffectedRows ?? 0) > 0;
    },
    async qrByNonce(tx, nonce) {
      const r = await sql<QrRow>`select nonce, issuer_id, issuer_role, short_code, expires_at, used_at from connections.qr_codes where nonce = ${nonce}`.execute(sqlOf(tx));
      return r.rows[0] && toQr(r.rows[0]);
    },
    async qrByShortCode(tx, shortCode) {
      const r = await sql<QrRow>`select nonce, issuer_id, issuer_role, short_code, expires_at, used_at from connections.qr_codes where short_code = ${shortCode}`.execute(sqlOf(tx));
      return r.rows[0] && toQr(r.rows[0]);
    },
    async useQr(tx, nonce, by, at) {
      const r = await sql`update connections.qr_codes set used_at = ${at}, used_by = ${by} where nonce = ${nonce} and used_at is null`.execute(sqlOf(tx));
      return Number(r.numAffectedRows ?? 0) > 0;
    },
    async purgeQr(tx, before) {
      await sql`delete from connections.qr_codes q where q.expires_at < ${before} and not exists (select 1 from connections.connections c where c.qr_nonce = q.nonce)`.execute(sqlOf(tx));
    },

    async insertConnection(tx, c) {
      await sql`insert into connections.connections (id, kind, officer_id, citizen_id, request_id, qr_nonce, location_verified, cell, zip, made_at)
        values (${c.id}, ${c.kind}, ${c.officerId}, ${c.citizenId}, ${c.requestId}, ${c.qrNonce}, ${c.locationVerified}, ${c.cell}, ${c.zip}, ${c.madeAt})`.execute(sqlOf(tx));
    },
    async lockPair(tx, officerId, citizenId) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`connections:pair:${officerId}:${citizenId}`}, 0))`.execute(sqlOf(tx));
    },
    async pairConnectionsSince(tx, officerId, citizenId, since) {
      const r = await sql<{ n: number }>`select count(*)::int as n from connections.connections where officer_id = ${officerId} and citizen_id = ${citizenId} and made_at > ${since}`.execute(sqlOf(tx));
      return r.rows[0]?.n ?? 0;
    },
    async connectionsOf(tx, userId, cursor, limit) {
      const after = decodeCursor(cursor);
      const r = await sql<ConnectionRow>`select id, kind, officer_id, citizen_id, request_id, qr_nonce, location_verified, cell, zip, made_at from connections.connections
        where (officer_id = ${userId} or citizen_id = ${userId}) ${after ? sql`and (made_at, id) < (${after.at}, ${after.id})` : sql``}
        order by made_at desc, id desc limit ${limit + 1}`.execute(sqlOf(tx));
      return pageOf(r.rows, limit, toConnection, (c) => ({ at: c.madeAt, id: c.id }));
    },

    async insertFraudFlag(tx, f) {
      await sql`insert into connections.fraud_flags (id, account_id, kind, speed_kmh, distance_km, flagged_at) values (${f.id}, ${f.accountId}, ${f.kind}, ${Math.min(f.speedKmh, 2_000_000_000)}, ${f.distanceKm}, ${f.flaggedAt})`.execute(sqlOf(tx));
    },
    async fraudFlags(tx, cursor, limit) {
      const after = decodeCursor(cursor);
      const r = await sql<FlagRow>`select id, account_id, kind, speed_kmh, distance_km, flagged_at from connections.fraud_flags
        ${after ? sql`where (flagged_at, id) < (${after.at}, ${after.id})` : sql``} order by flagged_at desc, id desc limit ${limit + 1}`.execute(sqlOf(tx));
      return pageOf(r.rows, limit, toFlag, (f) => ({ at: f.flaggedAt, id: f.id }));
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
