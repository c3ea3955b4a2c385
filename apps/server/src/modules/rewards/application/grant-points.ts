import { ISSUANCE_ACCOUNTS, shardFor } from '../domain/ledger-accounts.ts';
import type { RewardsDeps } from './rewards-deps.ts';

/** An operator's goodwill credit from issuance (history kind `adjustment`); also funds wallets for tests and demos. */
export async function grantPoints(deps: RewardsDeps, input: { accountId: string; points: number; reason: string }, correlationId: string): Promise<number> {
  return deps.unitOfWork({ actorId: null, correlationId, causationId: null }, async (tx) => {
    await deps.catalogue.addPerson(tx, input.accountId);
    const account = await deps.ledger.accountOf(tx, 'person', input.accountId);
    const transferId = crypto.randomUUID();
    const moved = await deps.ledger.move(tx, { id: transferId, from: shardFor(ISSUANCE_ACCOUNTS, input.accountId), to: account, amount: input.points, kind: 'adjustment', referenceId: null, at: deps.clock.now() });
    await deps.ledger.recordAdjustment(tx, transferId, input.reason.slice(0, 200) || 'Adjustment');
    return moved.toBalance;
  });
}
