import { AppError, type ErrorCode } from '../../../platform/errors/app-error.ts';
import type { EventSink } from '../../../platform/events/unit-of-work.ts';
import { HOLDING_ACCOUNTS, shardFor } from '../domain/ledger-accounts.ts';
import { offerIsOpen, voucherValidUntil } from '../domain/offer-rules.ts';
import { newShortCode } from '../domain/short-code.ts';
import { newVoucherCode } from '../domain/voucher-code.ts';
import { oncePerKey, settled } from './once-per-key.ts';
import type { Tx, VoucherRecord } from './ports.ts';
import { contextOf, isOfficer, type Caller, type RewardsCatalog, type RewardsDeps } from './rewards-deps.ts';
import { presentVoucher, type VoucherView } from './views.ts';

const SHORT_CODE_DRAWS = 5;

/** What a redemption answers. */
export interface Redeemed {
  readonly voucher: VoucherView;
  readonly balance: number;
}

/**
 * Redeems an offer in one transaction: offer open, stock left, under the per-user limit, points debited,
 * stock taken, voucher and event written — or nothing. With an external issuer the points are held and
 * the voucher is pending until the issuer saga settles it.
 */
export async function redeemOffer(deps: RewardsDeps, caller: Caller, offerId: string, key: string): Promise<{ status: number; body: Redeemed }> {
  const outcome = await oncePerKey(deps, { accountId: caller.accountId, key, operation: `redeem:${offerId}`, body: {}, context: contextOf(caller) }, 201,
    (tx, events) => redeem(deps, tx, events, caller, offerId),
    async (_tx, events, code) => events.emit('rewards.redemption-failed.v1', { offerId, citizenId: caller.accountId, voucherId: null, reason: code, refundedPoints: 0 }));
  if (outcome.ok && !outcome.replayed && outcome.body.voucher.status === 'pending') deps.wakeIssuer();
  return settled(outcome);
}

async function redeem(deps: RewardsDeps, tx: Tx, events: EventSink<RewardsCatalog>, caller: Caller, offerId: string): Promise<Redeemed> {
  if (isOfficer(caller)) throw new AppError('REWARDS_OFFICERS_DO_NOT_REDEEM');
  const now = deps.clock.now();
  // Taking one from the stock reads the offer and holds its row (the per-user count below is read under it);
  // only a refusal reads the offer again to tell why.
  const offer = await deps.catalogue.takeOne(tx, offerId);
  if (!offer) throw new AppError(await whyNoneTaken(deps, tx, offerId, now));
  if (!offerIsOpen(offer, now)) throw new AppError('REWARDS_OFFER_NOT_ACTIVE');
  if (offer.perUserLimit !== null && (await deps.vouchers.heldBy(tx, offer.id, caller.accountId)) >= offer.perUserLimit) throw new AppError('REWARDS_PER_USER_LIMIT');
  const external = offer.issuerUrl !== null;
  const voucherId = crypto.randomUUID();
  const payee = external ? shardFor(HOLDING_ACCOUNTS, voucherId) : { kind: 'organisation' as const, ownerId: offer.organisationId };
  const payment = {
    id: crypto.randomUUID(), from: { kind: 'person' as const, ownerId: caller.accountId }, to: payee, amount: offer.pricePoints,
    kind: external ? ('hold' as const) : ('redemption' as const), referenceId: voucherId, at: now,
  };
  const code = newVoucherCode(deps.voucherKeys().signing);
  const base: Omit<VoucherRecord, 'shortCode'> = {
    id: voucherId, offerId: offer.id, offerTitle: offer.title, organisationId: offer.organisationId, organisationName: offer.organisationName,
    citizenId: caller.accountId, status: external ? 'pending' : 'active', points: offer.pricePoints, codeSealed: deps.seal.close(code.text),
    externalCode: null, validUntil: voucherValidUntil(offer, now), issuedAt: now, usedAt: null, cancelledAt: null, failureReason: null,
    paymentId: payment.id, settlementId: null, issuerAttempts: 0,
  };
  // The voucher first, the payment last: the payee's account (an organisation's, credited by all its
  // redemptions) stays locked only for the rest of the transaction. The voucher's reference to its payment is checked at commit.
  const voucher = await insertWithFreshShortCode(deps, tx, base, code.hash);
  const moved = await deps.ledger.move(tx, payment);
  if (!external) {
    events.emit('rewards.voucher-issued.v1', { voucherId, offerId: offer.id, organisationId: offer.organisationId, citizenId: caller.accountId, points: offer.pricePoints, validUntil: voucher.validUntil.toISOString() });
  }
  return { voucher: presentVoucher(voucher, code.text, now), balance: moved.fromBalance };
}

/** Why no stock was taken: the same refusal, in the same order, as checking the offer first would give. */
async function whyNoneTaken(deps: RewardsDeps, tx: Tx, offerId: string, now: Date): Promise<ErrorCode> {
  const offer = await deps.catalogue.offer(tx, offerId);
  if (!offer) return 'REWARDS_OFFER_NOT_FOUND';
  return offerIsOpen(offer, now) ? 'REWARDS_SOLD_OUT' : 'REWARDS_OFFER_NOT_ACTIVE';
}

async function insertWithFreshShortCode(deps: RewardsDeps, tx: Tx, base: Omit<VoucherRecord, 'shortCode'>, hash: Buffer): Promise<VoucherRecord> {
  for (let draw = 0; draw < SHORT_CODE_DRAWS; draw++) {
    const voucher = { ...base, shortCode: newShortCode() };
    if (await deps.vouchers.insert(tx, voucher, hash)) return voucher;
  }
  throw new Error('could not draw a free short code');
}
