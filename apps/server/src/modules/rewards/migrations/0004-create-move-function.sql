-- The ledger's move as one function (docs/adr/0011-ledger-hot-path.md). A statement the application
-- sends is parsed and planned on every call, which cost more than running it; a PL/pgSQL function's
-- statements are planned once per connection. Same rules as before: the debit happens only when it
-- leaves the account at or above zero (or the account may go negative, as issuance may), then the
-- credit and the immutable transfer row — or nothing. An account may be named by id (issuance,
-- holding) or by its owner; a debited owner without an account has nothing to spend, a credited one
-- gets its account opened.
-- Answers the two balances after the move, or nulls when the debit was refused.
create function rewards.move(
  p_id uuid, p_from uuid, p_from_kind text, p_from_owner uuid, p_to uuid, p_to_kind text, p_to_owner uuid,
  p_amount bigint, p_kind text, p_reverses_id uuid, p_reference_id uuid, p_at timestamptz,
  out from_balance bigint, out to_balance bigint)
language plpgsql as $$
declare
  v_from uuid := p_from;
  v_to uuid := p_to;
begin
  if v_from is null then
    select id into v_from from rewards.accounts where kind = p_from_kind and owner_id = p_from_owner;
    if v_from is null then
      return;
    end if;
  end if;
  update rewards.accounts set balance = balance - p_amount
    where id = v_from and (may_go_negative or balance >= p_amount) returning balance into from_balance;
  if not found then
    return;
  end if;
  if v_to is null then
    select id into v_to from rewards.accounts where kind = p_to_kind and owner_id = p_to_owner;
    if v_to is null then
      insert into rewards.accounts (id, kind, owner_id) values (gen_random_uuid(), p_to_kind, p_to_owner)
        on conflict (kind, owner_id) where owner_id is not null do update set kind = excluded.kind returning id into v_to;
    end if;
  end if;
  update rewards.accounts set balance = balance + p_amount where id = v_to returning balance into to_balance;
  if not found then
    raise exception 'ledger account % does not exist', v_to;
  end if;
  insert into rewards.transfers (id, debit_account_id, credit_account_id, amount, kind, reverses_id, reference_id, created_at)
    values (p_id, v_from, v_to, p_amount, p_kind, p_reverses_id, p_reference_id, p_at);
end $$;
