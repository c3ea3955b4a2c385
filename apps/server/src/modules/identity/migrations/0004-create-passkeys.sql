-- Passkeys (WebAuthn credentials) as a second way in.
create table identity.passkeys (
  credential_id text primary key,
  account_id    uuid not null references identity.accounts (id),
  public_key    bytea not null,
  counter       bigint not null default 0,
  transports    text[] not null default '{}',
  name          text not null,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz
);
create index passkeys_by_account on identity.passkeys (account_id);

-- WebAuthn ceremonies in progress: the challenge the browser must sign, once, within 5 minutes.
create table identity.webauthn_ceremonies (
  id         uuid primary key,
  purpose    text not null check (purpose in ('register', 'authenticate')),
  account_id uuid references identity.accounts (id),
  challenge  text not null,
  rp_id      text not null,
  origin     text not null,
  expires_at timestamptz not null,
  used_at    timestamptz
);
