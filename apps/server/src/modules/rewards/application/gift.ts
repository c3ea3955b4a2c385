import { AppError } from '../../../platform/errors/app-error.ts';
import { giftRefusal } from '../domain/gift-rules.ts';
import { localMoment } from '../domain/local-time.ts';
import { oncePerKey, settled } from './once-per-key.ts';
import { contextOf, isOfficer, type Caller, type RewardsDeps } from './rewards-deps.ts';

/** What a gift answers. */
export interface Gifted {
  readonly gift: { id: string; recipientId: string; points: number; message: string | null; at: string };
  readonly balance: number;
}

/** Gives points to a colleague (or a fellow citizen, where enabled), under the sender's daily cap. */
export async function sendGift(deps: RewardsDeps, caller: Caller, input: { recipientId: string; points: number; message: string | null }, key: string): Promise<{ status: number; body: Gifted }> {
  const outcome = await oncePerKey(deps, { accountId: caller.accountId, key, operation: 'gift', body: input, context: contextOf(caller) }, 201, async (tx, events) => {
    if (!(await deps.catalogue.personExists(tx, input.recipientId))) throw new AppError('REWARDS_RECIPIENT_NOT_FOUND');
    const settings = await deps.giving.settings(tx);
    const recipientIsOfficer = (await deps.catalogue.precinctOf(tx, input.recipientId)) !== null;
    const refusal = giftRefusal({ id: caller.accountId, officer: isOfficer(caller) }, { id: input.recipientId, officer: recipientIsOfficer }, settings.citizenGiftsEnabled);
    if (refusal) throw new AppError(refusal);
    const now = deps.clock.now();
    const day = localMoment(now, deps.timeZone).day;
    const from = await deps.ledger.accountOf(tx, 'person', caller.accountId);
    const to = await deps.ledger.accountOf(tx, 'person', input.recipientId);
    // Both accounts are locked in one order (by id), so gifts each way between two people queue instead of deadlocking.
    for (const account of [from, to].sort()) await deps.ledger.lock(tx, account);
    if ((await deps.giving.giftedOn(tx, caller.accountId, day)) + input.points > settings.giftDailyCap) throw new AppError('REWARDS_GIFT_DAILY_CAP');
    const id = crypto.randomUUID();
    const transferId = crypto.randomUUID();
    const moved = await deps.ledger.move(tx, { id: transferId, from, to, amount: input.points, kind: 'gift', referenceId: id, at: now });
    await deps.giving.insertGift(tx, { id, senderId: caller.accountId, recipientId: input.recipientId, points: input.points, message: input.message, transferId, at: now, localDay: day });
    events.emit('rewards.gift-sent.v1', { giftId: id, senderId: caller.accountId, recipientId: input.recipientId, points: input.points });
    return { gift: { id, recipientId: input.recipientId, points: input.points, message: input.message, at: now.toISOString() }, balance: moved.fromBalance };
  });
  return settled(outcome);
}
