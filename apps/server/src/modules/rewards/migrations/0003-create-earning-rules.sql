-- Earning rules, versioned: a rule's definition never changes in place; an edit adds a version.
create table rewards.rules (
  id              uuid primary key,
  current_version integer not null,
  spent_points    bigint not null default 0,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create table rewards.rule_versions (
  rule_id    uuid not null references rewards.rules (id),
  version    integer not null check (version > 0),
  definition jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (rule_id, version)
);

-- Connections seen, for first-ever and first-with-this-officer bonuses.
create table rewards.connections_seen (
  connection_id uuid primary key,
  officer_id    uuid not null,
  citizen_id    uuid not null,
  made_at       timestamptz not null
);
create index connections_seen_by_officer on rewards.connections_seen (officer_id, citizen_id);
create index connections_seen_by_citizen on rewards.connections_seen (citizen_id);

-- Awards: at most one per source event, recipient and rule, whatever the redelivery.
create table rewards.awards (
  id            uuid primary key,
  event_id      uuid not null,
  recipient_id  uuid not null,
  rule_id       uuid not null references rewards.rules (id),
  rule_version  integer not null,
  counterpart_id uuid not null,
  points        integer not null check (points > 0),
  local_day     date not null,
  transfer_id   uuid not null references rewards.transfers (id) deferrable initially deferred,
  awarded_at    timestamptz not null,
  constraint awards_once_per_event_recipient_rule unique (event_id, recipient_id, rule_id),
  foreign key (rule_id, rule_version) references rewards.rule_versions (rule_id, version)
);
create index awards_by_rule_recipient_day on rewards.awards (rule_id, recipient_id, local_day);

-- The rules a new deployment starts with; admins edit them in the dashboard.
insert into rewards.rules (id, current_version) values
  ('00000000-0000-4000-8000-000000000201', 1),
  ('00000000-0000-4000-8000-000000000202', 1),
  ('00000000-0000-4000-8000-000000000203', 1);
insert into rewards.rule_versions (rule_id, version, definition) values
  ('00000000-0000-4000-8000-000000000201', 1, '{"name":"Connection","active":true,"kinds":["proximity","qr","virtual"],"locationVerified":"any","points":{"citizen":10,"officer":10},"timeWindow":null,"area":null,"bonus":"none","caps":{"perPairPerDay":20,"perUserPerDay":200,"budget":null}}'),
  ('00000000-0000-4000-8000-000000000202', 1, '{"name":"Met in person","active":true,"kinds":["proximity","qr"],"locationVerified":"verified","points":{"citizen":5,"officer":5},"timeWindow":null,"area":null,"bonus":"none","caps":{"perPairPerDay":10,"perUserPerDay":100,"budget":null}}'),
  ('00000000-0000-4000-8000-000000000203', 1, '{"name":"First connection","active":true,"kinds":["proximity","qr","virtual"],"locationVerified":"any","points":{"citizen":25,"officer":0},"timeWindow":null,"area":null,"bonus":"first-ever","caps":{"perPairPerDay":null,"perUserPerDay":null,"budget":null}}');
