import { AppError } from '../../../platform/errors/app-error.ts';
import { assertScannable, newNonce, signQr, verifyQr, type QrRole } from '../domain/qr-token.ts';
import { newShortCode, normaliseShortCode } from '../domain/short-code.ts';
import { togetherness } from '../domain/together.ts';
import { contextOf, type Caller, type ConnectionsDeps } from './connections-deps.ts';
import { celebrate, makeConnection } from './make-connection.ts';
import type { ConnectionRecord, Tx } from './ports.ts';

/** A code lives this long; the app shows the next one halfway through. */
export const QR_TTL_MS = 30_000;
export const QR_REFRESH_MS = 15_000;

/** Officers show officer codes (for citizens to scan), everyone else citizen codes. */
async function roleOf(deps: ConnectionsDeps, tx: Tx, caller: Caller): Promise<QrRole> {
  return (await deps.store.officer(tx, caller.accountId)) ? 'officer' : 'citizen';
}

/** A fresh signed code with a short code to type; stored so it can be used once. */
export async function issueQr(deps: ConnectionsDeps, caller: Caller): Promise<{ token: string; shortCode: string; expiresAt: Date; refreshAt: Date }> {
  const role = await roleOf(deps, deps.db, caller);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + QR_TTL_MS);
  const nonce = newNonce();
  for (let attempt = 0; attempt < 5; attempt++) {
    const shortCode = newShortCode();
    if (await deps.store.insertQr(deps.db, { nonce, issuerId: caller.accountId, issuerRole: role, shortCode, expiresAt, usedAt: null })) {
      const token = signQr({ nonce, issuerId: caller.accountId, role, expiresAt }, deps.qrKeys().signing);
      return { token, shortCode, expiresAt, refreshAt: new Date(now.getTime() + QR_REFRESH_MS) };
    }
  }
  throw new Error('could not find a free short code in five tries');
}

/**
 * Scans someone's code (the QR's token, or its short code typed): a valid, live, unused code of the
 * other role makes a QR connection. When both have recent positions they must be plausibly together;
 * when either is unknown the connection is made but not location-verified.
 */
export async function scanQr(deps: ConnectionsDeps, caller: Caller, scanned: { token?: string; shortCode?: string }): Promise<ConnectionRecord> {
  const pairLimit = await deps.pairConnectionsPerDay();
  const connection = await deps.unitOfWork(contextOf(caller), async (tx, events) => {
    const now = deps.clock.now();
    const scannerRole = await roleOf(deps, tx, caller);
    const code = scanned.token !== undefined ? codeFromToken(deps, scanned.token, now) : await codeFromShortCode(deps, tx, scanned.shortCode ?? '', now);
    assertScannable(code, caller.accountId, scannerRole);
    if (!(await deps.store.useQr(tx, code.nonce, caller.accountId, now))) throw new AppError('CONNECTIONS_QR_ALREADY_USED');
    const officerId = code.role === 'officer' ? code.issuerId : caller.accountId;
    const citizenId = code.role === 'officer' ? caller.accountId : code.issuerId;
    const officerFix = deps.map.fixOf(officerId);
    const together = togetherness(officerFix, deps.map.fixOf(citizenId), now.getTime());
    if (together === 'apart') throw new AppError('CONNECTIONS_QR_NOT_TOGETHER');
    return makeConnection(deps, tx, events, {
      kind: 'qr',
      officerId,
      citizenId,
      requestId: null,
      qrNonce: code.nonce,
      locationVerified: together === 'together',
      place: together === 'together' && officerFix ? { lat: officerFix.lat, lon: officerFix.lon } : undefined,
      pairLimit,
    });
  });
  celebrate(deps, connection);
  return connection;
}

function codeFromToken(deps: ConnectionsDeps, token: string, now: Date): { nonce: string; issuerId: string; role: QrRole } {
  const claims = verifyQr(token, deps.qrKeys().verifying, now);
  return { nonce: claims.nonce, issuerId: claims.issuerId, role: claims.role };
}

async function codeFromShortCode(deps: ConnectionsDeps, tx: Tx, typed: string, now: Date): Promise<{ nonce: string; issuerId: string; role: QrRole }> {
  const shortCode = normaliseShortCode(typed);
  const row = shortCode ? await deps.store.qrByShortCode(tx, shortCode) : undefined;
  if (!row) throw new AppError('CONNECTIONS_QR_UNKNOWN_SHORT_CODE');
  if (row.expiresAt.getTime() <= now.getTime()) throw new AppError('CONNECTIONS_QR_EXPIRED');
  if (row.usedAt) throw new AppError('CONNECTIONS_QR_ALREADY_USED');
  return { nonce: row.nonce, issuerId: row.issuerId, role: row.issuerRole };
}
