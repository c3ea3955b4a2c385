import { AppError } from '../../../platform/errors/app-error.ts';
import { localMoment } from '../domain/local-time.ts';
import { oncePerKey, settled } from './once-per-key.ts';
import { contextOf, type Caller, type RewardsDeps } from './rewards-deps.ts';

/** What a donation answers. */
export interface Donated {
  readonly donation: { id: string; causeId: string; points: number; at: string };
  readonly balance: number;
}

/** Donates points to a charity's cause, under the donor's daily cap; the points move to the charity's account. */
export async function donate(deps: RewardsDeps, caller: Caller, causeId: string, points: number, key: string): Promise<{ status: number; body: Donated }> {
  const outcome = await oncePerKey(deps, { accountId: caller.accountId, key, operation: `donate:${causeId}`, body: { points }, context: contextOf(caller) }, 201, async (tx, events) => {
    const cause = await deps.catalogue.cause(tx, causeId);
    if (!cause) throw new AppError('REWARDS_CAUSE_NOT_FOUND');
    if (!cause.active) throw new AppError('REWARDS_CAUSE_INACTIVE');
    const now = deps.clock.now();
    const day = localMoment(now, deps.timeZone).day;
    const donor = await deps.ledger.accountOf(tx, 'person', caller.accountId);
    await deps.ledger.lock(tx, donor);
    const settings = await deps.giving.settings(tx);
    if ((await deps.giving.donatedOn(tx, caller.accountId, day)) + points > settings.donationDailyCap) throw new AppError('REWARDS_DONATION_DAILY_CAP');
    const charity = await deps.ledger.accountOf(tx, 'organisation', cause.organisationId);
    const id = crypto.randomUUID();
    const transferId = crypto.randomUUID();
    const moved = await deps.ledger.move(tx, { id: transferId, from: donor, to: charity, amount: points, kind: 'donation', referenceId: id, at: now });
    await deps.giving.insertDonation(tx, { id, causeId, organisationId: cause.organisationId, donorId: caller.accountId, points, at: now, localDay: day }, transferId);
    await deps.catalogue.addToCause(tx, causeId, points);
    events.emit('rewards.donation-made.v1', { donationId: id, donorId: caller.accountId, causeId, organisationId: cause.organisationId, points });
    return { donation: { id, causeId, points, at: now.toISOString() }, balance: moved.fromBalance };
  });
  return settled(outcome);
}
