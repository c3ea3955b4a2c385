-- Partner organisations (tenants): requested by a person, active once an admin approves.
create table identity.organisations (
  id            uuid primary key,
  type          text not null check (type in ('retailer', 'charity', 'municipality', 'precinct')),
  name          text not null,
  status        text not null default 'pending' check (status in ('pending', 'active', 'rejected')),
  requested_by  uuid references identity.accounts (id),
  created_at    timestamptz not null default now(),
  decided_by    uuid references identity.accounts (id),
  decided_at    timestamptz,
  decision_note text
);
create index organisations_by_status on identity.organisations (status, created_at);

create table identity.memberships (
  organisation_id uuid not null references identity.organisations (id),
  account_id      uuid not null references identity.accounts (id),
  role            text not null check (role in ('owner', 'staff')),
  created_at      timestamptz not null default now(),
  primary key (organisation_id, account_id)
);
create index memberships_by_account on identity.memberships (account_id);

-- Invitations by email; the link carries a random token stored as its SHA-256.
create table identity.invitations (
  id              uuid primary key,
  organisation_id uuid not null references identity.organisations (id),
  email           text not null,
  role            text not null check (role in ('owner', 'staff')),
  token_hash      text not null unique,
  invited_by      uuid not null references identity.accounts (id),
  created_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  accepted_at     timestamptz,
  accepted_by     uuid references identity.accounts (id)
);

-- A precinct's officer roster: who may become a verified officer of it.
create table identity.roster_entries (
  organisation_id uuid not null references identity.organisations (id),
  email           text not null,
  name            text not null,
  badge_number    text not null,
  department      text not null,
  updated_at      timestamptz not null default now(),
  primary key (organisation_id, email)
);
create index roster_entries_by_email on identity.roster_entries (email);

-- Email domains whose accounts are officers of a precinct, once an admin approves.
create table identity.officer_domains (
  organisation_id uuid not null references identity.organisations (id),
  domain          text not null,
  status          text not null default 'pending' check (status in ('pending', 'approved')),
  requested_by    uuid references identity.accounts (id),
  decided_by      uuid references identity.accounts (id),
  created_at      timestamptz not null default now(),
  primary key (organisation_id, domain)
);
create index officer_domains_by_domain on identity.officer_domains (domain) where status = 'approved';

alter table identity.accounts add column officer_precinct_id uuid references identity.organisations (id);

-- The one-time link that makes the first admin of an embedded development server.
create table identity.bootstrap_links (
  token_hash text primary key,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz
);
