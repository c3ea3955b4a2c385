-- One paid connection per pair per day, and connections nobody's position vouches for paid less
-- (issue 11). A second connection the same day is still made — meeting again is good — but the seeded
-- rules' pair caps now equal their points, so it pays nothing (and both are told why). Seeded rules an
-- admin has not edited get a new version, so the change shows in each rule's history; an edited rule
-- is the admin's and is left as it is.
--   Connection       any kind, verified or not: 10 → 5 each; pair cap 20 → 5
--   Met in person    proximity or QR, location-verified: 5 → 10 each; pair cap 10 → 10
-- A location-verified meeting pays 15 each as before; a QR scan no position vouches for, or a virtual
-- connection, pays 5.
insert into rewards.rule_versions (rule_id, version, definition)
select id, 2, case id
  when '00000000-0000-4000-8000-000000000201' then '{"name":"Connection","active":true,"kinds":["proximity","qr","virtual"],"locationVerified":"any","points":{"citizen":5,"officer":5},"timeWindow":null,"area":null,"bonus":"none","caps":{"perPairPerDay":5,"perUserPerDay":100,"budget":null}}'::jsonb
  else '{"name":"Met in person","active":true,"kinds":["proximity","qr"],"locationVerified":"verified","points":{"citizen":10,"officer":10},"timeWindow":null,"area":null,"bonus":"none","caps":{"perPairPerDay":10,"perUserPerDay":200,"budget":null}}'::jsonb
  end
from rewards.rules
where id in ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000202') and current_version = 1;

update rewards.rules set current_version = 2, updated_at = now()
where id in ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000202') and current_version = 1;

-- The hard limit on connections per pair per day (whether paid or not) was a constant in connections.
alter table rewards.settings add column pair_connections_per_day integer not null default 3
  check (pair_connections_per_day between 1 and 20);
