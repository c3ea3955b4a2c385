-- An officer whose roster entry carries no usable email claims it by badge number and department;
-- badge numbers are no secret, so the precinct confirms the claim before the officer is verified.
create table identity.officer_claims (
  id              uuid primary key,
  organisation_id uuid not null references identity.organisations (id),
  account_id      uuid not null references identity.accounts (id),
  badge_number    text not null,
  department      text not null,
  status          text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected')),
  created_at      timestamptz not null default now(),
  decided_by      uuid references identity.accounts (id),
  decided_at      timestamptz,
  unique (organisation_id, account_id)
);
create index officer_claims_pending on identity.officer_claims (organisation_id) where status = 'pending';
