-- Where to send the browser after an OpenID Connect sign-in (a same-site path).
alter table identity.oidc_flows add column next_path text;
