import { createHash } from 'node:crypto';

const SHARDS = 16;
const shardId = (prefix: string, n: number): string => `00000000-0000-4000-8000-0000000000${prefix}${n.toString(16)}`;

/** Issuance: where awarded points come from. Sixteen accounts, so concurrent awards do not queue on one row. */
export const ISSUANCE_ACCOUNTS: readonly string[] = Array.from({ length: SHARDS }, (_, n) => shardId('0', n));
/** Holding: points of pending redemptions, until the external issuer answers. */
export const HOLDING_ACCOUNTS: readonly string[] = Array.from({ length: SHARDS }, (_, n) => shardId('1', n));

/** The shard of `accounts` that `key` (e.g. a recipient id) uses, always the same one for the same key. */
export function shardFor(accounts: readonly string[], key: string): string {
  const n = createHash('sha1').update(key).digest().readUInt32BE(0) % accounts.length;
  return accounts[n] ?? accounts[0] ?? '';
}
