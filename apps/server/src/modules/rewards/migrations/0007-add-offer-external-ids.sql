-- A partner's own id for an offer, so its imports upsert the same offer again (rewards' module API, upsertOffers).
alter table rewards.offers add column external_id text check (char_length(external_id) between 1 and 200);
create unique index offers_by_external_id on rewards.offers (organisation_id, external_id);
