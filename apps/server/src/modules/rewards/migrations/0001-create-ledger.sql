-- The points ledger (docs/adr/0010-points-ledger.md). Every movement is one immutable transfer from a
-- debit account to a credit account; an account's balance is kept beside it, in the same transaction,
-- and always equals its credits minus its debits. Only issuance accounts may go negative; there are
-- several of them so awards do not queue on one row.
create table rewards.accounts (
  id             uuid primary key,
  kind           text not null check (kind in ('person', 'organisation', 'issuance', 'holding')),
  owner_id       uuid,
  balance        bigint not null default 0,
  may_go_negative boolean not null default false,
  created_at     timestamptz not null default now(),
  constraint accounts_never_overdrawn check (may_go_negative or balance >= 0),
  constraint accounts_owner_matches_kind check ((kind in ('person', 'organisation')) = (owner_id is not null))
);
create unique index accounts_one_per_owner on rewards.accounts (kind, owner_id) where owner_id is not null;

-- Issuance is split in 16 accounts (awards pick one by the recipient), pending external redemptions
-- hold points in 16 holding accounts.
insert into rewards.accounts (id, kind, may_go_negative)
select ('00000000-0000-4000-8000-00000000000' || to_hex(n))::uuid, 'issuance', true from generate_series(0, 15) as n;
insert into rewards.accounts (id, kind, may_go_negative)
select ('00000000-0000-4000-8000-00000000001' || to_hex(n))::uuid, 'holding', false from generate_series(0, 15) as n;

create table rewards.transfers (
  id                uuid primary key,
  debit_account_id  uuid not null references rewards.accounts (id),
  credit_account_id uuid not null references rewards.accounts (id),
  amount            bigint not null check (amount > 0),
  kind              text not null check (kind in ('award', 'adjustment', 'redemption', 'hold', 'settle-hold', 'refund', 'donation', 'gift')),
  reverses_id       uuid references rewards.transfers (id),
  reference_id      uuid,
  created_at        timestamptz not null default now(),
  constraint transfers_between_two_accounts check (debit_account_id <> credit_account_id)
);
create index transfers_by_debit on rewards.transfers (debit_account_id, created_at desc, id desc);
create index transfers_by_credit on rewards.transfers (credit_account_id, created_at desc, id desc);
create unique index transfers_reversed_once on rewards.transfers (reverses_id) where reverses_id is not null;

-- Transfers are immutable: corrections are new transfers.
create function rewards.refuse_transfer_change() returns trigger language plpgsql as $$
begin
  raise exception 'rewards.transfers is append-only (% refused)', tg_op using errcode = 'P0001';
end $$;
create trigger transfers_append_only before update or delete on rewards.transfers
  for each row execute function rewards.refuse_transfer_change();

-- Why an operator credited someone (transfers of kind 'adjustment').
create table rewards.adjustments (
  transfer_id uuid primary key references rewards.transfers (id),
  reason      text not null check (char_length(reason) between 1 and 200)
);

-- Each transfer seen as its two legs: the sum of all entries is zero.
create view rewards.entries as
  select id as transfer_id, credit_account_id as account_id, amount, created_at from rewards.transfers
  union all
  select id, debit_account_id, -amount, created_at from rewards.transfers;

-- Client-supplied idempotency keys: the first request's outcome, replayed for the same key and body.
create table rewards.idempotency_keys (
  account_id   uuid not null,
  key          text not null,
  operation    text not null,
  request_hash text not null,
  status       integer not null,
  response     jsonb not null,
  created_at   timestamptz not null default now(),
  primary key (account_id, key)
);
create index idempotency_keys_by_age on rewards.idempotency_keys (created_at);
