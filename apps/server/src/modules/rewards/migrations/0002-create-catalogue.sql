-- What rewards knows of identity, from its events: approved organisations, their members, verified officers.
create table rewards.organisations (
  id          uuid primary key,
  type        text not null check (type in ('retailer', 'charity', 'municipality', 'precinct')),
  name        text not null,
  approved_at timestamptz not null default now()
);
-- Members arrive before approval (the requester is its owner from the start): no reference to organisations.
create table rewards.members (
  organisation_id uuid not null,
  account_id      uuid not null,
  role            text not null,
  primary key (organisation_id, account_id)
);
create index members_by_account on rewards.members (account_id);
-- People with an account (gift recipients must be one); a deleted account stays, marked, so its ledger lines keep their owner.
create table rewards.people (
  account_id uuid primary key,
  deleted_at timestamptz
);
create table rewards.officers (
  account_id  uuid primary key,
  precinct_id uuid not null
);
create index officers_by_precinct on rewards.officers (precinct_id);

-- Offers (retailers) and schemes (municipalities). stock_left is what can still be redeemed.
create table rewards.offers (
  id                 uuid primary key,
  organisation_id    uuid not null references rewards.organisations (id),
  kind               text not null check (kind in ('offer', 'scheme')),
  title              text not null check (char_length(title) between 1 and 120),
  description        text not null default '' check (char_length(description) <= 2000),
  category           text not null check (char_length(category) between 1 and 40),
  price_points       integer not null check (price_points > 0),
  stock_left         integer not null check (stock_left >= 0),
  per_user_limit     integer check (per_user_limit > 0),
  starts_at          timestamptz not null,
  ends_at            timestamptz,
  locations          jsonb not null default '[]',
  voucher_valid_days integer not null check (voucher_valid_days between 1 and 366),
  issuer_url         text,
  issuer_secret      text,
  status             text not null default 'active' check (status in ('active', 'paused', 'archived')),
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index offers_by_organisation on rewards.offers (organisation_id, created_at desc, id desc);
create index offers_active on rewards.offers (created_at desc, id desc) where status = 'active';

-- Vouchers: the code's SHA-256 for lookup and the code sealed (AES-GCM) for showing it to its holder again,
-- a short code unique within the organisation, and the transfers that paid, settled and refunded it.
create table rewards.vouchers (
  id                 uuid primary key,
  offer_id           uuid not null references rewards.offers (id),
  organisation_id    uuid not null references rewards.organisations (id),
  citizen_id         uuid not null,
  status             text not null check (status in ('pending', 'active', 'used', 'cancelled', 'failed')),
  points             integer not null check (points > 0),
  code_hash          bytea not null unique,
  code_sealed        text not null,
  short_code         text not null,
  external_code      text,
  valid_until        timestamptz not null,
  issued_at          timestamptz not null,
  used_at            timestamptz,
  used_by            uuid,
  cancelled_at       timestamptz,
  failure_reason     text,
  payment_id         uuid not null references rewards.transfers (id),
  settlement_id      uuid references rewards.transfers (id),
  refund_id          uuid references rewards.transfers (id),
  issuer_attempts    integer not null default 0,
  issuer_next_at     timestamptz,
  issuer_last_error  text,
  constraint vouchers_short_code_unique unique (organisation_id, short_code)
);
create index vouchers_by_citizen on rewards.vouchers (citizen_id, issued_at desc, id desc);
create index vouchers_by_offer_citizen on rewards.vouchers (offer_id, citizen_id);
create index vouchers_by_organisation on rewards.vouchers (organisation_id, issued_at desc, id desc);
create index vouchers_awaiting_issuer on rewards.vouchers (issuer_next_at) where status = 'pending';

-- Causes: what a charity collects points for, including families in need it vouches for.
create table rewards.causes (
  id              uuid primary key,
  organisation_id uuid not null references rewards.organisations (id),
  kind            text not null check (kind in ('cause', 'family')),
  title           text not null check (char_length(title) between 1 and 120),
  description     text not null default '' check (char_length(description) <= 2000),
  goal_points     integer check (goal_points > 0),
  received_points bigint not null default 0,
  active          boolean not null default true,
  created_at      timestamptz not null default now()
);
create index causes_by_organisation on rewards.causes (organisation_id, created_at desc, id desc);

create table rewards.donations (
  id              uuid primary key,
  cause_id        uuid not null references rewards.causes (id),
  organisation_id uuid not null references rewards.organisations (id),
  donor_id        uuid not null,
  points          integer not null check (points > 0),
  transfer_id     uuid not null references rewards.transfers (id),
  donated_at      timestamptz not null,
  local_day       date not null
);
create index donations_by_organisation on rewards.donations (organisation_id, donated_at desc, id desc);
create index donations_by_donor_day on rewards.donations (donor_id, local_day);

create table rewards.gifts (
  id           uuid primary key,
  sender_id    uuid not null,
  recipient_id uuid not null,
  points       integer not null check (points > 0),
  message      text check (char_length(message) <= 200),
  transfer_id  uuid not null references rewards.transfers (id),
  sent_at      timestamptz not null,
  local_day    date not null
);
create index gifts_by_sender_day on rewards.gifts (sender_id, local_day);

-- Deployment-wide rewards settings, edited by admins (one row).
create table rewards.settings (
  id                     boolean primary key default true check (id),
  citizen_gifts_enabled  boolean not null default false,
  gift_daily_cap         integer not null default 500 check (gift_daily_cap >= 0),
  donation_daily_cap     integer not null default 5000 check (donation_daily_cap >= 0),
  point_value_cents      integer not null default 1 check (point_value_cents >= 0),
  updated_at             timestamptz not null default now()
);
insert into rewards.settings default values;
