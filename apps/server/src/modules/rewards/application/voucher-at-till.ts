import { AppError } from '../../../platform/errors/app-error.ts';
import { readShortCode } from '../domain/short-code.ts';
import { looksLikeVoucherCode, readVoucherCode } from '../domain/voucher-code.ts';
import { organisationForMember } from './partner-access.ts';
import type { Tx, VoucherRecord } from './ports.ts';
import { contextOf, type Caller, type RewardsDeps } from './rewards-deps.ts';
import { presentTillVoucher, visibleStatus } from './views.ts';

/** How a code was presented: scanned (QR payload) or typed (short code, rate-limited per till). */
export type Presented = 'scanned' | 'typed';

/** Whether a presented code is scanned or typed. */
export function presentedAs(code: string): Presented {
  return looksLikeVoucherCode(code) ? 'scanned' : 'typed';
}

/** Shows the till what a voucher is for, without using it. Every kind of bad code has its own error. */
export async function checkVoucher(deps: RewardsDeps, caller: Caller, organisationId: string, code: string) {
  await organisationForMember(deps, caller, organisationId, 'offers');
  return deps.transaction(async (tx) => {
    const voucher = await findAtTill(deps, tx, organisationId, code);
    return presentTillVoucher(voucher, deps.clock.now());
  });
}

/** Marks a voucher used, exactly once: the conditional update decides between concurrent tills. */
export async function useVoucher(deps: RewardsDeps, caller: Caller, organisationId: string, code: string) {
  await organisationForMember(deps, caller, organisationId, 'offers');
  return deps.unitOfWork(contextOf(caller), async (tx, events) => {
    const voucher = await findAtTill(deps, tx, organisationId, code);
    const now = deps.clock.now();
    refuseUnusable(voucher, now);
    if (!(await deps.vouchers.markUsed(tx, voucher.id, caller.accountId, now))) {
      const current = await deps.vouchers.byId(tx, voucher.id);
      if (current) refuseUnusable(current, now);
      throw new AppError('REWARDS_VOUCHER_ALREADY_USED');
    }
    events.emit('rewards.voucher-used.v1', { voucherId: voucher.id, offerId: voucher.offerId, organisationId, citizenId: voucher.citizenId, points: voucher.points });
    return presentTillVoucher({ ...voucher, status: 'used', usedAt: now }, now);
  });
}

async function findAtTill(deps: RewardsDeps, tx: Tx, organisationId: string, code: string): Promise<VoucherRecord> {
  if (presentedAs(code) === 'scanned') {
    const reading = readVoucherCode(code, deps.voucherKeys().verifying);
    if (reading.kind === 'malformed') throw new AppError('REWARDS_VOUCHER_MALFORMED');
    if (reading.kind === 'forged') throw new AppError('REWARDS_VOUCHER_FORGED');
    const voucher = await deps.vouchers.byHash(tx, reading.hash);
    if (!voucher) throw new AppError('REWARDS_VOUCHER_UNKNOWN');
    if (voucher.organisationId !== organisationId) throw new AppError('REWARDS_VOUCHER_FOREIGN');
    return voucher;
  }
  const reading = readShortCode(code);
  if (reading.kind === 'malformed') throw new AppError('REWARDS_VOUCHER_MALFORMED');
  if (reading.kind === 'check-digit') throw new AppError('REWARDS_VOUCHER_CHECK_DIGIT');
  // A short code is only valid within its organisation: another's is simply unknown here.
  const voucher = await deps.vouchers.byShortCode(tx, organisationId, reading.code);
  if (!voucher) throw new AppError('REWARDS_VOUCHER_UNKNOWN');
  return voucher;
}

/** Throws the error for a voucher that cannot be used now. */
function refuseUnusable(voucher: VoucherRecord, now: Date): void {
  const status = visibleStatus(voucher, now);
  if (status === 'active') return;
  const codes = { used: 'REWARDS_VOUCHER_ALREADY_USED', cancelled: 'REWARDS_VOUCHER_CANCELLED', pending: 'REWARDS_VOUCHER_PENDING', failed: 'REWARDS_VOUCHER_FAILED', expired: 'REWARDS_VOUCHER_EXPIRED' } as const;
  throw new AppError(codes[status]);
}
