-- The welcome step after a first sign-in (issue 11): a name of one's own, a picture, a language. A
-- profile is onboarded once its person has been through it; the language is the one they read (the
-- messaging issue writes to them in it). Profiles that already carry a name of their own count as
-- onboarded; those still called "Neighbour XXXX" are asked once.
alter table profiles.profiles
  add column onboarded_at timestamptz,
  add column language text check (language in ('en', 'es'));

update profiles.profiles set onboarded_at = updated_at where display_name !~ '^Neighbour [A-Z2-9]{4}$';
