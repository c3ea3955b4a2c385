-- A code is for one purpose; a phone-verification code also names the account that asked for it.
alter table identity.sign_in_challenges add column purpose text not null default 'sign-in' check (purpose in ('sign-in', 'phone-verification'));
alter table identity.sign_in_challenges add column account_id uuid references identity.accounts (id);
