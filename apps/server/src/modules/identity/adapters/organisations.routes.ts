import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../../platform/http/actor.ts';
import { acceptInvitation, readInvitation } from '../application/accept-invitation.ts';
import { organisationFor, principalOf } from '../application/authorize.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { inviteMember } from '../application/invite-member.ts';
import { addOfficerDomain } from '../application/officer-domains.ts';
import { claimOfficerEntry, decideOfficerClaim, listOfficerClaims } from '../application/officer-claims.ts';
import type { OrganisationRecord } from '../application/organisation-ports.ts';
import { requestOrganisation } from '../application/request-organisation.ts';
import { uploadRoster } from '../application/upload-roster.ts';
import { contextOf } from './request-context.ts';

const OrgType = Type.Union([Type.Literal('retailer'), Type.Literal('charity'), Type.Literal('municipality'), Type.Literal('precinct')]);
const MemberRole = Type.Union([Type.Literal('owner'), Type.Literal('staff')]);
/** An organisation as the API shows it. */
export const Organisation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: OrgType,
  name: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('rejected')]),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
});
const OrgId = Type.Object({ organisationId: Type.String({ format: 'uuid' }) });
const bearer = [{ bearer: [] }];

/** The API form of an organisation. */
export function presentOrganisation(org: OrganisationRecord) {
  return { id: org.id, type: org.type, name: org.name, status: org.status, createdAt: org.createdAt.toISOString(), decidedAt: org.decidedAt?.toISOString() ?? null, decisionNote: org.decisionNote };
}

/** Partner organisations: request, read, members, invitations, rosters and officer domains. */
export function organisationRoutes(deps: IdentityDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));

    app.post('/organisations', {
      schema: {
        tags: ['organisations'], summary: 'Request a partner organisation (pending until an admin approves; you become its owner)', security: bearer,
        body: Type.Object({ type: OrgType, name: Type.String({ minLength: 2, maxLength: 120 }) }, { additionalProperties: false }),
        response: { 201: Organisation },
      },
    }, async (request, reply) => {
      const org = await requestOrganisation(deps, requireActor(request), request.body as { type: 'retailer'; name: string }, contextOf(request));
      return reply.status(201).send(presentOrganisation(org));
    });

    app.get('/organisations', {
      schema: { tags: ['organisations'], summary: 'The organisations I belong to, with my role', security: bearer, response: { 200: Type.Object({ organisations: Type.Array(Type.Intersect([Organisation, Type.Object({ role: MemberRole })])) }) } },
    }, async (request) => {
      const actor = requireActor(request);
      const rows = await deps.db.transaction().execute((tx) => deps.organisations.listOrganisationsOf(tx, actor.accountId));
      return { organisations: rows.map((o) => ({ ...presentOrganisation(o), role: o.role })) };
    });

    app.get('/organisations/:organisationId', {
      schema: { tags: ['organisations'], summary: 'One organisation (members and admins)', security: bearer, params: OrgId, response: { 200: Organisation } },
    }, async (request) => {
      const { organisationId } = request.params as { organisationId: string };
      return deps.db.transaction().execute(async (tx) => presentOrganisation(await organisationFor(deps, tx, await principalOf(deps, tx, requireActor(request)), 'organisation.read', organisationId)));
    });

    app.get('/organisations/:organisationId/members', {
      schema: {
        tags: ['organisations'], summary: 'Members and their roles', security: bearer, params: OrgId,
        response: { 200: Type.Object({ members: Type.Array(Type.Object({ accountId: Type.String(), email: Type.Union([Type.String(), Type.Null()]), role: MemberRole, since: Type.String() })) }) },
      },
    }, async (request) => {
      const { organisationId } = request.params as { organisationId: string };
      return deps.db.transaction().execute(async (tx) => {
        const org = await organisationFor(deps, tx, await principalOf(deps, tx, requireActor(request)), 'organisation.read', organisationId);
        const members = await deps.organisations.listMembers(tx, org.id);
        return { members: members.map((m) => ({ ...m, since: m.since.toISOString() })) };
      });
    });

    app.post('/organisations/:organisationId/invitations', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['organisations'], summary: 'Invite someone by email (owners of active organisations)', security: bearer, params: OrgId,
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }), role: MemberRole }, { additionalProperties: false }),
        response: { 201: Type.Object({ invitationId: Type.String(), expiresAt: Type.String() }) },
      },
    }, async (request, reply) => {
      const { organisationId } = request.params as { organisationId: string };
      const body = request.body as { email: string; role: 'owner' | 'staff' };
      return reply.status(201).send(await inviteMember(deps, requireActor(request), { organisationId, ...body }, contextOf(request)));
    });

    app.get('/invitations/:token', {
      schema: { tags: ['organisations'], summary: 'What an invitation link is for', params: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }), response: { 200: Type.Object({ organisationName: Type.String(), email: Type.String(), role: MemberRole, accepted: Type.Boolean() }) } },
    }, async (request) => {
      const invitation = await readInvitation(deps, (request.params as { token: string }).token);
      return { organisationName: invitation.organisationName, email: invitation.email, role: invitation.role, accepted: invitation.acceptedAt !== null };
    });

    app.post('/invitations/:token/accept', {
      schema: { tags: ['organisations'], summary: 'Accept an invitation (signed in with the invited email)', security: bearer, params: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }), response: { 200: Type.Object({ organisationId: Type.String(), role: Type.String() }) } },
    }, async (request) => acceptInvitation(deps, requireActor(request), (request.params as { token: string }).token, contextOf(request)));

    app.post('/organisations/:organisationId/roster', {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['organisations'], summary: 'Upload an officer roster (CSV: name, email, badge_number, department)', description: 'Send the file as `text/csv`. Good rows are upserted; each bad row is reported with its line number and reason.', security: bearer, params: OrgId,
        response: { 200: Type.Object({ rows: Type.Integer(), accepted: Type.Integer(), rejected: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })), officersVerified: Type.Integer() }) },
      },
    }, async (request) => {
      const { organisationId } = request.params as { organisationId: string };
      const csv = typeof request.body === 'string' ? request.body : '';
      return uploadRoster(deps, requireActor(request), { organisationId, csv }, contextOf(request));
    });

    app.get('/organisations/:organisationId/roster', {
      schema: {
        tags: ['organisations'], summary: 'The roster, by email, a page at a time', security: bearer, params: OrgId,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }), after: Type.Optional(Type.String({ maxLength: 254 })) }),
        response: { 200: Type.Object({ entries: Type.Array(Type.Object({ name: Type.String(), email: Type.String(), badgeNumber: Type.String(), department: Type.String() })), next: Type.Union([Type.String(), Type.Null()]) }) },
      },
    }, async (request) => {
      const { organisationId } = request.params as { organisationId: string };
      const { limit, after } = request.query as { limit: number; after?: string };
      return deps.db.transaction().execute(async (tx) => {
        const org = await organisationFor(deps, tx, await principalOf(deps, tx, requireActor(request)), 'organisation.manage-roster', organisationId);
        const entries = await deps.organisations.listRoster(tx, org.id, { limit, after });
        return { entries, next: entries.length === limit ? (entries.at(-1)?.email ?? null) : null };
      });
    });

    app.post('/organisations/:organisationId/officer-domains', {
      schema: {
        tags: ['organisations'], summary: 'List an email domain of the precinct’s officers (approved by an admin)', security: bearer, params: OrgId,
        body: Type.Object({ domain: Type.String({ minLength: 4, maxLength: 253 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ domain: Type.String(), status: Type.String(), officersVerified: Type.Integer() }) },
      },
    }, async (request) => {
      const { organisationId } = request.params as { organisationId: string };
      return addOfficerDomain(deps, requireActor(request), { organisationId, domain: (request.body as { domain: string }).domain }, contextOf(request));
    });

    app.get('/precincts', {
      schema: { tags: ['organisations'], summary: 'Active precincts, for officers to name theirs', security: bearer, response: { 200: Type.Object({ precincts: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) } },
    }, async (request) => {
      requireActor(request);
      const rows = await deps.db.transaction().execute((tx) => deps.organisations.listOrganisations(tx, { status: 'active', limit: 1000 }));
      return { precincts: rows.filter((o) => o.type === 'precinct').map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name)) };
    });

    app.post('/officer-claims', {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['organisations'], summary: 'Claim my roster entry by badge number and department (the precinct confirms)', security: bearer,
        body: Type.Object({ organisationId: Type.String({ format: 'uuid' }), badgeNumber: Type.String({ minLength: 1, maxLength: 32 }), department: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ claimId: Type.String(), status: Type.Literal('pending') }) },
      },
    }, async (request, reply) => reply.status(201).send(await claimOfficerEntry(deps, requireActor(request), request.body as { organisationId: string; badgeNumber: string; department: string }, contextOf(request))));

    app.get('/organisations/:organisationId/officer-claims', {
      schema: {
        tags: ['organisations'], summary: 'Pending officer claims, with the roster entry each matches', security: bearer, params: OrgId,
        response: { 200: Type.Object({ claims: Type.Array(Type.Object({ id: Type.String(), accountId: Type.String(), email: Type.Union([Type.String(), Type.Null()]), badgeNumber: Type.String(), department: Type.String(), rosterName: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String() })) }) },
      },
    }, async (request) => {
      const { organisationId } = request.params as { organisationId: string };
      const claims = await listOfficerClaims(deps, requireActor(request), organisationId);
      return { claims: claims.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })) };
    });

    app.post('/organisations/:organisationId/officer-claims/:claimId/decision', {
      schema: {
        tags: ['organisations'], summary: 'Confirm (verifies the officer) or reject a claim', security: bearer,
        params: Type.Object({ organisationId: Type.String({ format: 'uuid' }), claimId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ confirm: Type.Boolean() }, { additionalProperties: false }),
      },
    }, async (request, reply) => {
      const { organisationId, claimId } = request.params as { organisationId: string; claimId: string };
      await decideOfficerClaim(deps, requireActor(request), { organisationId, claimId, confirm: (request.body as { confirm: boolean }).confirm }, contextOf(request));
      return reply.status(204).send();
    });

    app.get('/organisations/:organisationId/officer-domains', {
      schema: { tags: ['organisations'], summary: 'The precinct’s officer domains', security: bearer, params: OrgId, response: { 200: Type.Object({ domains: Type.Array(Type.Object({ domain: Type.String(), status: Type.String() })) }) } },
    }, async (request) => {
      const { organisationId } = request.params as { organisationId: string };
      return deps.db.transaction().execute(async (tx) => {
        const org = await organisationFor(deps, tx, await principalOf(deps, tx, requireActor(request)), 'organisation.manage-roster', organisationId);
        return { domains: await deps.organisations.listOfficerDomains(tx, org.id) };
      });
    });
  };
}
