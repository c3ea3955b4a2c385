-- Accounts: a person's sign-in identity. Roles hang off it (citizen always; officer once verified; admin).
create table identity.accounts (
  id                  uuid primary key,
  email               text unique,
  phone               text unique,
  is_admin            boolean not null default false,
  officer_verified_at timestamptz,
  created_at          timestamptz not null default now(),
  deleted_at          timestamptz,
  check (email is not null or phone is not null or deleted_at is not null)
);

-- One-time sign-in codes: only an HMAC of the code is kept (with the key id of the pepper).
create table identity.sign_in_challenges (
  id          uuid primary key,
  channel     text not null check (channel in ('email', 'sms')),
  address     text not null,
  code_mac    text not null,
  key_id      text not null,
  ip          text,
  attempts    integer not null default 0,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  consumed_at timestamptz
);
create index sign_in_challenges_by_address on identity.sign_in_challenges (address, created_at);
create index sign_in_challenges_by_ip on identity.sign_in_challenges (ip, created_at);

-- A session family: one sign-in on one device; its refresh tokens rotate, and reuse of a rotated one revokes it.
create table identity.session_families (
  id             uuid primary key,
  account_id     uuid not null references identity.accounts (id),
  created_at     timestamptz not null default now(),
  last_used_at   timestamptz not null default now(),
  revoked_at     timestamptz,
  revoked_reason text,
  user_agent     text,
  ip             text
);
create index session_families_by_account on identity.session_families (account_id) where revoked_at is null;

-- Refresh tokens, stored as SHA-256 of a 256-bit random token.
create table identity.refresh_tokens (
  token_hash  text primary key,
  family_id   uuid not null references identity.session_families (id),
  issued_at   timestamptz not null default now(),
  expires_at  timestamptz not null,
  rotated_at  timestamptz
);
create index refresh_tokens_by_family on identity.refresh_tokens (family_id);

-- Security-relevant actions, for admins.
create table identity.audit_log (
  id             bigserial primary key,
  at             timestamptz not null default now(),
  actor_id       uuid,
  action         text not null,
  subject_type   text,
  subject_id     text,
  correlation_id text,
  ip             text,
  details        jsonb not null default '{}'
);
create index audit_log_by_time on identity.audit_log (at desc);
