-- The event history is swept by age (EVENT_RETENTION_DAYS, and a horizon for inbox rows). Rows arrive
-- in time order, so a BRIN index finds the old ones for a few pages of index and costs writes nearly nothing.
create index outbox_occurred_at_brin on platform.outbox using brin (occurred_at);
create index inbox_processed_at_brin on platform.inbox using brin (processed_at);
