import { sql } from 'kysely';
import { sqlOf } from '../../../platform/db/sql-of.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { AccountRef, LedgerStore, Moved, MovementRecord, Page, TransferDraft, TransferKind } from '../application/ports.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

interface MovementRow {
  id: string;
  created_at: Date;
  kind: TransferKind;
  points: number;
  reference_id: string | null;
  counterpart_owner_id: string | null;
  rule_id: string | null;
  rule_version: number | null;
  title: string | null;
  message: string | null;
}

const toMovement = (r: MovementRow): MovementRecord => ({
  id: r.id, at: r.created_at, kind: r.kind, points: Number(r.points), referenceId: r.reference_id, counterpartOwnerId: r.counterpart_owner_id,
  ruleId: r.rule_id, ruleVersion: r.rule_version, title: r.title, message: r.message,
});

/** An account's transfers, each with what it was for: the rule of an award, the offer of a voucher, the cause of a donation, a gift's message. */
function movementSelect(accountId: string) {
  return sql`select t.id, t.created_at, t.kind, case when t.credit_account_id = ${accountId} then t.amount else -t.amount end as points,
      t.reference_id, other.owner_id as counterpart_owner_id, a.rule_id, a.rule_version,
      coalesce(rv.definition->>'name', o.title, c.title, adj.reason) as title, g.message
    from rewards.transfers t
    join rewards.accounts other on other.id = case when t.credit_account_id = ${accountId} then t.debit_account_id else t.credit_account_id end
    left join rewards.awards a on t.kind = 'award' and a.transfer_id = t.id
    left join rewards.rule_versions rv on rv.rule_id = a.rule_id and rv.version = a.rule_version
    left join rewards.vouchers v on t.kind in ('redemption', 'hold', 'refund') and v.id = t.reference_id
    left join rewards.offers o on o.id = v.offer_id
    left join rewards.donations d on t.kind = 'donation' and d.id = t.reference_id
    left join rewards.causes c on c.id = d.cause_id
    left join rewards.gifts g on t.kind = 'gift' and g.id = t.reference_id
    left join rewards.adjustments adj on t.kind = 'adjustment' and adj.transfer_id = t.id
    where (t.credit_account_id = ${accountId} or t.debit_account_id = ${accountId})`;
}

/** An account reference as rewards.move takes it: an id, or a kind and an owner. */
function byIdOrOwner(ref: AccountRef): { id: string | null; kind: string | null; ownerId: string | null } {
  return typeof ref === 'string' ? { id: ref, kind: null, ownerId: null } : { id: null, kind: ref.kind, ownerId: ref.ownerId };
}

/** The double-entry ledger in PostgreSQL: accounts with their balances, and append-only transfers. */
export function ledgerStore(): LedgerStore {
  return {
    async accountOf(tx, kind, ownerId) {
      const found = await sql<{ id: string }>`select id from rewards.accounts where kind = ${kind} and owner_id = ${ownerId}`.execute(sqlOf(tx));
      if (found.rows[0]) return found.rows[0].id;
      const created = await sql<{ id: string }>`insert into rewards.accounts (id, kind, owner_id) values (${crypto.randomUUID()}, ${kind}, ${ownerId})
        on conflict (kind, owner_id) where owner_id is not null do update set kind = excluded.kind returning id`.execute(sqlOf(tx));
      const id = created.rows[0]?.id;
      if (!id) throw new Error('could not open a ledger account');
      return id;
    },

    async balanceOf(tx, kind, ownerId) {
      const row = await sql<{ balance: number }>`select balance from rewards.accounts where kind = ${kind} and owner_id = ${ownerId}`.execute(sqlOf(tx));
      return Number(row.rows[0]?.balance ?? 0);
    },

    async balancesOf(tx, kind, ownerIds) {
      if (ownerIds.length === 0) return new Map();
      const rows = await sql<{ owner_id: string; balance: number }>`select owner_id, balance from rewards.accounts
        where kind = ${kind} and owner_id = any(${[...ownerIds]}::uuid[])`.execute(sqlOf(tx));
      return new Map(rows.rows.map((r) => [r.owner_id, Number(r.balance)]));
    },

    async lock(tx, accountId) {
      const row = await sql<{ balance: number }>`select balance from rewards.accounts where id = ${accountId} for update`.execute(sqlOf(tx));
      return Number(row.rows[0]?.balance ?? 0);
    },

    // One call of rewards.move (migrations/0004): the debit (refused when it would overdraw), the credit and the transfer row, or none of them.
    async move(tx, t: TransferDraft): Promise<Moved> {
      const [from, to] = [byIdOrOwner(t.from), byIdOrOwner(t.to)];
      const result = await sql<{ from_balance: number | null; to_balance: number | null }>`select from_balance, to_balance from rewards.move(
          ${t.id}::uuid, ${from.id}::uuid, ${from.kind}::text, ${from.ownerId}::uuid, ${to.id}::uuid, ${to.kind}::text, ${to.ownerId}::uuid,
          ${t.amount}::bigint, ${t.kind}::text, ${t.reversesId ?? null}::uuid, ${t.referenceId}::uuid, ${t.at}::timestamptz)`.execute(sqlOf(tx));
      const row = result.rows[0];
      if (row?.from_balance === null || row?.from_balance === undefined) throw new AppError('REWARDS_INSUFFICIENT_POINTS');
      return { fromBalance: Number(row.from_balance), toBalance: Number(row.to_balance) };
    },

    async recordAdjustment(tx, transferId, reason) {
      await sql`insert into rewards.adjustments (transfer_id, reason) values (${transferId}, ${reason})`.execute(sqlOf(tx));
    },

    async creditAccountOf(tx, transferId) {
      const row = await sql<{ credit_account_id: string }>`select credit_account_id from rewards.transfers where id = ${transferId}`.execute(sqlOf(tx));
      return row.rows[0]?.credit_account_id ?? null;
    },

    async history(tx, accountId, limit, cursor): Promise<Page<MovementRecord>> {
      const after = decodeCursor(cursor);
      const rows = await sql<MovementRow>`${movementSelect(accountId)}
          ${after ? sql`and (t.created_at, t.id) < (${after.at}, ${after.id})` : sql``}
        order by t.created_at desc, t.id desc limit ${limit + 1}`.execute(sqlOf(tx));
      const items = rows.rows.slice(0, limit).map(toMovement);
      const last = items.at(-1);
      return { items, nextCursor: rows.rows.length > limit && last ? encodeCursor(last.at, last.id) : null };
    },

    async movementsInMonth(tx, accountId, firstDay, afterLastDay, timeZone) {
      const rows = await sql<MovementRow>`${movementSelect(accountId)}
          and (t.created_at at time zone ${timeZone})::date >= ${firstDay}::date and (t.created_at at time zone ${timeZone})::date < ${afterLastDay}::date
        order by t.created_at, t.id`.execute(sqlOf(tx));
      return rows.rows.map(toMovement);
    },

    async conservation(tx) {
      const sum = await sql<{ total: number | null }>`select coalesce(sum(amount), 0) as total from rewards.entries`.execute(sqlOf(tx));
      const accounts = await sql<{ n: number }>`select count(*) as n from rewards.accounts`.execute(sqlOf(tx));
      const mismatched = await sql<{ id: string; kind: string; balance: number; entries: number }>`
        select a.id, a.kind, a.balance, coalesce(e.total, 0) as entries
        from rewards.accounts a left join (select account_id, sum(amount) as total from rewards.entries group by account_id) e on e.account_id = a.id
        where a.balance <> coalesce(e.total, 0) or (not a.may_go_negative and a.balance < 0)`.execute(sqlOf(tx));
      return {
        sumOfEntries: Number(sum.rows[0]?.total ?? 0),
        accounts: Number(accounts.rows[0]?.n ?? 0),
        mismatched: mismatched.rows.map((r) => ({ accountId: r.id, kind: r.kind, balance: Number(r.balance), entries: Number(r.entries) })),
      };
    },
  };
}
