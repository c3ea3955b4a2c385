-- Pictures of offers and causes (issue 11): an 800×500 WebP without metadata each, kept apart from
-- their rows so catalogue reads stay small; the row says when it was last set (its URL's version).
alter table rewards.offers add column image_updated_at timestamptz;
alter table rewards.causes add column image_updated_at timestamptz;

create table rewards.offer_images (
  offer_id   uuid primary key references rewards.offers (id) on delete cascade,
  image      bytea not null,
  updated_at timestamptz not null
);

create table rewards.cause_images (
  cause_id   uuid primary key references rewards.causes (id) on delete cascade,
  image      bytea not null,
  updated_at timestamptz not null
);
