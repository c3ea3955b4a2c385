-- A verified officer's profile shows their precinct (from identity.officer-verified.v1).
alter table profiles.profiles add column precinct text;
