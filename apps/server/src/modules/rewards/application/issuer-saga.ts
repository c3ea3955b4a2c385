import { AppError } from '../../../platform/errors/app-error.ts';
import type { Logger } from 'pino';
import type { IssuerAnswer, IssuerClient } from './issuer-port.ts';
import type { RewardsDeps } from './rewards-deps.ts';

/** How the saga retries an issuer that times out or fails: attempts, then the wait before each next one. */
export interface IssuerPolicy {
  readonly maxAttempts: number;
  readonly backoffMs: (attempt: number) => number;
  /** How long a claimed voucher is leased to one caller (longer than a call with its timeout). */
  readonly leaseMs: number;
}

/**
 * The external-issuer saga. A pending voucher holds the citizen's points (in a holding account) and a
 * unit of stock. Any instance may claim it (lease, SKIP LOCKED); the issuer is called with the voucher id
 * as idempotency key, so a repeated call after a crash gets the same code. Its code activates the
 * voucher and settles the held points to the organisation; a rejection, or retries exhausted,
 * compensates: points and stock go back and the citizen is told.
 */
export async function runIssuerRound(deps: RewardsDeps, issuer: IssuerClient, policy: IssuerPolicy, logger: Logger): Promise<number> {
  const now = deps.clock.now();
  const claimed = await deps.transaction((tx) => deps.vouchers.claimPending(tx, now, policy.leaseMs, 20));
  await Promise.all(claimed.map((id) => settleOne(deps, issuer, policy, id).catch((error: unknown) => logger.warn({ err: error, voucherId: id }, 'issuer saga step failed; it will be retried'))));
  return claimed.length;
}

async function settleOne(deps: RewardsDeps, issuer: IssuerClient, policy: IssuerPolicy, voucherId: string): Promise<void> {
  const voucher = await deps.vouchers.byId(deps.db, voucherId);
  if (!voucher || voucher.status !== 'pending') return;
  const offer = await deps.catalogue.offer(deps.db, voucher.offerId);
  if (!offer?.issuerUrl || !offer.issuerSecret) return compensate(deps, voucherId, 'REWARDS_ISSUER_REJECTED');
  const answer: IssuerAnswer = await issuer.issue({ url: offer.issuerUrl, secret: offer.issuerSecret, voucherId, offerId: offer.id, points: voucher.points, validUntil: voucher.validUntil });
  if (answer.kind === 'issued') return activate(deps, voucherId, answer.code);
  if (answer.kind === 'rejected') return compensate(deps, voucherId, 'REWARDS_ISSUER_REJECTED');
  if (voucher.issuerAttempts >= policy.maxAttempts) return compensate(deps, voucherId, 'REWARDS_ISSUER_UNAVAILABLE');
  await deps.vouchers.retryLater(deps.db, voucherId, new Date(deps.clock.now().getTime() + policy.backoffMs(voucher.issuerAttempts)), answer.reason);
}

async function activate(deps: RewardsDeps, voucherId: string, externalCode: string): Promise<void> {
  await deps.unitOfWork({ actorId: null, correlationId: voucherId, causationId: null }, async (tx, events) => {
    const voucher = await deps.vouchers.byId(tx, voucherId, true);
    if (!voucher || voucher.status !== 'pending') return;
    const holding = await holdingOf(deps, tx, voucher.paymentId);
    const organisation = await deps.ledger.accountOf(tx, 'organisation', voucher.organisationId);
    const settlementId = crypto.randomUUID();
    await deps.ledger.move(tx, { id: settlementId, from: holding, to: organisation, amount: voucher.points, kind: 'settle-hold', referenceId: voucher.id, at: deps.clock.now() });
    if (!(await deps.vouchers.activate(tx, voucher.id, externalCode.slice(0, 200), settlementId))) throw new AppError('REWARDS_VOUCHER_PENDING');
    events.emit('rewards.voucher-issued.v1', { voucherId, offerId: voucher.offerId, organisationId: voucher.organisationId, citizenId: voucher.citizenId, points: voucher.points, validUntil: voucher.validUntil.toISOString() });
  });
}

/** Gives back what a pending voucher held: points from the holding account, one unit of stock. */
export async function compensate(deps: RewardsDeps, voucherId: string, reason: string): Promise<void> {
  await deps.unitOfWork({ actorId: null, correlationId: voucherId, causationId: null }, async (tx, events) => {
    const voucher = await deps.vouchers.byId(tx, voucherId, true);
    if (!voucher || voucher.status !== 'pending') return;
    const holding = await holdingOf(deps, tx, voucher.paymentId);
    const person = await deps.ledger.accountOf(tx, 'person', voucher.citizenId);
    const refundId = crypto.randomUUID();
    await deps.ledger.move(tx, { id: refundId, from: holding, to: person, amount: voucher.points, kind: 'refund', referenceId: voucher.id, reversesId: voucher.paymentId, at: deps.clock.now() });
    await deps.vouchers.fail(tx, voucher.id, reason, refundId);
    await deps.catalogue.returnStock(tx, voucher.offerId);
    events.emit('rewards.redemption-failed.v1', { offerId: voucher.offerId, citizenId: voucher.citizenId, voucherId, reason, refundedPoints: voucher.points });
  });
}

async function holdingOf(deps: RewardsDeps, tx: Parameters<RewardsDeps['ledger']['move']>[0], paymentId: string): Promise<string> {
  const account = await deps.ledger.creditAccountOf(tx, paymentId);
  if (!account) throw new Error(`payment ${paymentId} of a pending voucher is missing`);
  return account;
}
