import { AppError } from '../../../platform/errors/app-error.ts';
import { localMoment, monthDays } from '../domain/local-time.ts';
import { movementKind, statementCsv } from '../domain/statement.ts';
import type { MovementRecord } from './ports.ts';
import { isOfficer, type Caller, type RewardsDeps } from './rewards-deps.ts';

/** A person's wallet: balance, what they may do, and today's giving against its caps. */
export async function walletOf(deps: RewardsDeps, caller: Caller) {
  return deps.transaction(async (tx) => {
    await deps.catalogue.addPerson(tx, caller.accountId);
    const settings = await deps.giving.settings(tx);
    const day = localMoment(deps.clock.now(), deps.timeZone).day;
    const officer = isOfficer(caller);
    return {
      balance: await deps.ledger.balanceOf(tx, 'person', caller.accountId),
      pointValueCents: settings.pointValueCents,
      role: officer ? ('officer' as const) : ('citizen' as const),
      canRedeem: !officer,
      canGift: officer || settings.citizenGiftsEnabled,
      giftDailyCap: settings.giftDailyCap,
      giftedToday: await deps.giving.giftedOn(tx, caller.accountId, day),
      donationDailyCap: settings.donationDailyCap,
      donatedToday: await deps.giving.donatedOn(tx, caller.accountId, day),
    };
  });
}

/** A person's movements, newest first. */
export async function walletHistory(deps: RewardsDeps, caller: Caller, limit: number, cursor: string | undefined) {
  const account = await deps.ledger.accountOf(deps.db, 'person', caller.accountId);
  const page = await deps.ledger.history(deps.db, account, limit, cursor);
  return { items: page.items.map(presentMovement), nextCursor: page.nextCursor };
}

/** A person's movements in a month of the deployment's calendar, as CSV. */
export async function walletStatement(deps: RewardsDeps, caller: Caller, month: string): Promise<string> {
  const days = monthDays(month);
  if (!days) throw new AppError('REWARDS_MONTH_INVALID');
  const account = await deps.ledger.accountOf(deps.db, 'person', caller.accountId);
  const movements = await deps.ledger.movementsInMonth(deps.db, account, days.first, days.afterLast, deps.timeZone);
  return statementCsv(movements.map(presentMovement), deps.timeZone);
}

/** One history line as the API shows it. */
export function presentMovement(m: MovementRecord) {
  const kind = movementKind(m.kind, m.points);
  return {
    id: m.id, at: m.at.toISOString(), kind, points: m.points,
    title: m.title ?? (kind === 'adjustment' ? 'Adjustment' : kind.startsWith('gift') ? 'Gift' : kind),
    ruleId: m.ruleId, ruleVersion: m.ruleVersion,
    voucherId: ['redemption', 'refund'].includes(kind) ? m.referenceId : null,
    counterpartId: kind.startsWith('gift') ? m.counterpartOwnerId : null,
    message: m.message,
  };
}
