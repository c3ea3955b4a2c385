/** What events add to one person's counters in the read model (negative when points come back). */
export interface CounterChange {
  readonly accountId: string;
  readonly connectionsMade: number;
  readonly pointsEarned: number;
  readonly pointsSpent: number;
  readonly pointsDonated: number;
}

/** A change of nothing, to add to. */
export const noChange = (accountId: string): CounterChange => ({ accountId, connectionsMade: 0, pointsEarned: 0, pointsSpent: 0, pointsDonated: 0 });

/** One change per person, the sum of theirs, in the order of their ids (the order rows are locked in); people whose counters do not move are left out. */
export function sumByAccount(changes: readonly CounterChange[]): CounterChange[] {
  const sums = new Map<string, CounterChange>();
  for (const c of changes) {
    const s = sums.get(c.accountId) ?? noChange(c.accountId);
    sums.set(c.accountId, {
      accountId: c.accountId, connectionsMade: s.connectionsMade + c.connectionsMade, pointsEarned: s.pointsEarned + c.pointsEarned,
      pointsSpent: s.pointsSpent + c.pointsSpent, pointsDonated: s.pointsDonated + c.pointsDonated,
    });
  }
  return [...sums.values()]
    .filter((s) => s.connectionsMade !== 0 || s.pointsEarned !== 0 || s.pointsSpent !== 0 || s.pointsDonated !== 0)
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}
