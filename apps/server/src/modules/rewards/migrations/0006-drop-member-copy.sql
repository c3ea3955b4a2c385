-- Who may act for an organisation is asked of identity's module API when it matters (docs/adr/0013-module-apis.md):
-- rewards no longer keeps a copy of the memberships it learnt from identity.member-added.v1.
drop table rewards.members;
