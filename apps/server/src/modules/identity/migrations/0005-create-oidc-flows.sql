-- OpenID Connect sign-ins in progress (state, nonce and PKCE verifier), for 10 minutes, used once.
create table identity.oidc_flows (
  state         text primary key,
  nonce         text not null,
  code_verifier text not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  used_at       timestamptz
);
