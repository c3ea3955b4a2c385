import { AppError } from '../../../platform/errors/app-error.ts';
import { oncePerKey, settled } from './once-per-key.ts';
import { contextOf, type Caller, type RewardsDeps } from './rewards-deps.ts';
import { presentVoucher, visibleStatus, type VoucherView } from './views.ts';

/** Cancels an unused, unexpired voucher: its points come back (a new transfer reversing the payment) and its stock returns. */
export async function cancelVoucher(deps: RewardsDeps, caller: Caller, voucherId: string, key: string): Promise<{ status: number; body: { voucher: VoucherView; balance: number } }> {
  const outcome = await oncePerKey(deps, { accountId: caller.accountId, key, operation: `cancel:${voucherId}`, body: {}, context: contextOf(caller) }, 200, async (tx, events) => {
    const voucher = await deps.vouchers.byId(tx, voucherId, true);
    if (!voucher || voucher.citizenId !== caller.accountId) throw new AppError('REWARDS_VOUCHER_NOT_FOUND');
    const now = deps.clock.now();
    const status = visibleStatus(voucher, now);
    if (status !== 'active') {
      const codes = { used: 'REWARDS_VOUCHER_ALREADY_USED', cancelled: 'REWARDS_VOUCHER_CANCELLED', pending: 'REWARDS_VOUCHER_PENDING', failed: 'REWARDS_VOUCHER_FAILED', expired: 'REWARDS_VOUCHER_EXPIRED' } as const;
      throw new AppError(codes[status]);
    }
    const organisation = await deps.ledger.accountOf(tx, 'organisation', voucher.organisationId);
    const person = await deps.ledger.accountOf(tx, 'person', caller.accountId);
    const refundId = crypto.randomUUID();
    const moved = await deps.ledger.move(tx, { id: refundId, from: organisation, to: person, amount: voucher.points, kind: 'refund', referenceId: voucher.id, reversesId: voucher.settlementId ?? voucher.paymentId, at: now });
    if (!(await deps.vouchers.markCancelled(tx, voucher.id, refundId, now))) throw new AppError('REWARDS_VOUCHER_ALREADY_USED');
    await deps.catalogue.returnStock(tx, voucher.offerId);
    events.emit('rewards.voucher-cancelled.v1', { voucherId: voucher.id, offerId: voucher.offerId, organisationId: voucher.organisationId, citizenId: caller.accountId, points: voucher.points });
    const code = deps.seal.open(voucher.codeSealed);
    return { voucher: presentVoucher({ ...voucher, status: 'cancelled', cancelledAt: now }, code, now), balance: moved.toBalance };
  });
  return settled(outcome);
}
