-- Profiles: what a person shows others and what they hide, plus a read model other modules feed
-- through their events. All of it is personal data: the row goes when the account is deleted.
create table profiles.profiles (
  account_id            uuid primary key,
  display_name          text not null check (char_length(display_name) between 1 and 40),
  bio                   text check (char_length(bio) between 1 and 280),
  avatar_updated_at     timestamptz,
  show_display_name     boolean not null default true,
  show_avatar           boolean not null default true,
  show_bio              boolean not null default true,
  show_connection_count boolean not null default true,
  connections_made      integer not null default 0,
  points_earned         integer not null default 0,
  points_spent          integer not null default 0,
  points_donated        integer not null default 0,
  trophies              integer not null default 0,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now()
);

-- Pictures: 256×256 WebP without metadata, apart from the row so profile reads stay small.
create table profiles.avatars (
  account_id uuid primary key references profiles.profiles (account_id) on delete cascade,
  image      bytea not null,
  updated_at timestamptz not null
);

-- Accounts whose profile was deleted: only the id, so a late event or request never brings the profile back.
create table profiles.deleted_accounts (
  account_id uuid primary key,
  deleted_at timestamptz not null
);
