-- Events leave through the outbox: written in the same transaction as the state change they describe.
create table platform.outbox (
  seq             bigserial primary key,
  id              uuid not null unique,
  type            text not null,
  occurred_at     timestamptz not null,
  actor_id        text,
  correlation_id  text not null,
  causation_id    text,
  payload         jsonb not null,
  trace_context   jsonb,
  attempts        integer not null default 0,
  last_error      text,
  claimed_until   timestamptz,
  published_at    timestamptz,
  parked_at       timestamptz
);
-- The relay only ever looks at rows still to publish.
create index outbox_pending on platform.outbox (seq) where published_at is null and parked_at is null;

-- Each consumer applies an event's effect once: the inbox row is written in the effect's transaction.
create table platform.inbox (
  consumer     text not null,
  event_id     uuid not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

-- Deliveries a consumer gave up on after its retries, kept for an operator to inspect and replay.
create table platform.dead_letters (
  consumer    text not null,
  event_id    uuid not null,
  type        text not null,
  envelope    jsonb not null,
  error       text not null,
  attempts    integer not null,
  parked_at   timestamptz not null default now(),
  primary key (consumer, event_id)
);
