-- Connections. Nothing here holds coordinates: live positions stay in memory (see docs/adr/0009).

-- Verified officers and their precinct, from identity.officer-verified.v1.
create table connections.officers (
  account_id    uuid primary key,
  precinct_id   uuid not null,
  precinct_name text not null,
  verified_at   timestamptz not null
);

-- Availability windows: at most one open per officer.
create table connections.windows (
  id          uuid primary key,
  officer_id  uuid not null,
  in_person   boolean not null,
  virtual     boolean not null,
  started_at  timestamptz not null,
  closes_at   timestamptz not null,
  ended_at    timestamptz,
  end_reason  text check (end_reason in ('stopped', 'expired', 'disconnected')),
  check (in_person or virtual)
);
create unique index windows_one_open_per_officer on connections.windows (officer_id) where ended_at is null;
create index windows_open_by_close on connections.windows (closes_at) where ended_at is null;

-- Connection requests: a double tap finds the pending one (unique per pair while pending).
create table connections.requests (
  id          uuid primary key,
  kind        text not null check (kind in ('proximity', 'virtual')),
  citizen_id  uuid not null,
  officer_id  uuid not null,
  band        text check (band in ('within-500m', 'within-1km')),
  status      text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'expired', 'cancelled')),
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  decided_at  timestamptz
);
create unique index requests_one_pending_per_pair on connections.requests (citizen_id, officer_id) where status = 'pending';
create index requests_pending_by_expiry on connections.requests (expires_at) where status = 'pending';
create index requests_by_officer on connections.requests (officer_id, status);
create index requests_by_pair on connections.requests (citizen_id, officer_id, decided_at);

-- QR codes issued: single use is enforced here (used_at set once).
create table connections.qr_codes (
  nonce       text primary key,
  issuer_id   uuid not null,
  issuer_role text not null check (issuer_role in ('officer', 'citizen')),
  short_code  text not null unique,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  used_by     uuid
);
create index qr_codes_by_expiry on connections.qr_codes (expires_at);

-- Connections made. cell is an H3 index at resolution 7; zip a ZIP code; never coordinates.
create table connections.connections (
  id                uuid primary key,
  kind              text not null check (kind in ('proximity', 'qr', 'virtual')),
  officer_id        uuid not null,
  citizen_id        uuid not null,
  request_id        uuid unique references connections.requests (id),
  qr_nonce          text unique references connections.qr_codes (nonce),
  location_verified boolean not null,
  cell              text,
  zip               text,
  made_at           timestamptz not null
);
create index connections_by_officer on connections.connections (officer_id, made_at desc);
create index connections_by_citizen on connections.connections (citizen_id, made_at desc);
create index connections_by_pair on connections.connections (officer_id, citizen_id, made_at);

-- Fraud flags for admins: what looked wrong, never where.
create table connections.fraud_flags (
  id          uuid primary key,
  account_id  uuid not null,
  kind        text not null check (kind in ('impossible-travel', 'teleport')),
  speed_kmh   integer not null,
  distance_km numeric(10, 1) not null,
  flagged_at  timestamptz not null
);
create index fraud_flags_by_time on connections.fraud_flags (flagged_at desc, id desc);
