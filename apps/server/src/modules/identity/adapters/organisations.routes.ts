import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AcceptedInvitation, Invitation, InvitationParams, InvitationSent, InviteMemberBody, MemberList, MyOrganisationList, OfficerClaimBody, OfficerClaimDecisionBody, OfficerClaimList,
  OfficerClaimParams, OfficerClaimSent, OfficerDomainAdded, OfficerDomainBody, OfficerDomainList, Organisation, OrganisationParams, PrecinctList, RequestOrganisationBody, RosterPage,
  RosterQuery, RosterReport,
} from '@heyblue/contracts/identity';
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

const bearer = [{ bearer: [] }];

/** The API form of an organisation. */
export function presentOrganisation(org: OrganisationRecord): Organisation {
  return { id: org.id, type: org.type, name: org.name, status: org.status, createdAt: org.createdAt.toISOString(), decidedAt: org.decidedAt?.toISOString() ?? null, decisionNote: org.decisionNote };
}

/** Partner organisations: request, read, members, invitations, rosters and officer domains. */
export function organisationRoutes(deps: IdentityDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));

    app.post('/organisations', {
      schema: {
        tags: ['organisations'], summary: 'Request a partner organisation (pending until an admin approves; you become its owner)', security: bearer,
        body: RequestOrganisationBody,
        response: { 201: Organisation },
      },
    }, async (request, reply) => {
      const org = await requestOrganisation(deps, requireActor(request), request.body, contextOf(request));
      return reply.status(201).send(presentOrganisation(org));
    });

    app.get('/organisations', {
      schema: { tags: ['organisations'], summary: 'The organisations I belong to, with my role', security: bearer, response: { 200: MyOrganisationList } },
    }, async (request) => {
      const actor = requireActor(request);
      const rows = await deps.transaction((tx) => deps.organisations.listOrganisationsOf(tx, actor.accountId));
      return { organisations: rows.map((o) => ({ ...presentOrganisation(o), role: o.role })) };
    });

    app.get('/organisations/:organisationId', {
      schema: { tags: ['organisations'], summary: 'One organisation (members and admins)', security: bearer, params: OrganisationParams, response: { 200: Organisation } },
    }, async (request) => {
      const { organisationId } = request.params;
      return deps.transaction(async (tx) => presentOrganisation(await organisationFor(deps, tx, await principalOf(deps, tx, requireActor(request)), 'organisation.read', organisationId)));
    });

    app.get('/organisations/:organisationId/members', {
      schema: {
        tags: ['organisations'], summary: 'Members and their roles', security: bearer, params: OrganisationParams,
        response: { 200: MemberList },
      },
    }, async (request) => {
      const { organisationId } = request.params;
      return deps.transaction(async (tx) => {
        const org = await organisationFor(deps, tx, await principalOf(deps, tx, requireActor(request)), 'organisation.read', organisationId);
        const members = await deps.organisations.listMembers(tx, org.id);
        return { members: members.map((m) => ({ ...m, since: m.since.toISOString() })) };
      });
    });

    app.post('/organisations/:organisationId/invitations', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['organisations'], summary: 'Invite someone by email (owners of active organisations)', security: bearer, params: OrganisationParams,
        body: InviteMemberBody,
        response: { 201: InvitationSent },
      },
    }, async (request, reply) => reply.status(201).send(await inviteMember(deps, requireActor(request), { organisationId: request.params.organisationId, ...request.body }, contextOf(request))));

    app.get('/invitations/:token', {
      schema: { tags: ['organisations'], summary: 'What an invitation link is for', params: InvitationParams, response: { 200: Invitation } },
    }, async (request) => {
      const invitation = await readInvitation(deps, request.params.token);
      return { organisationName: invitation.organisationName, email: invitation.email, role: invitation.role, accepted: invitation.acceptedAt !== null };
    });

    app.post('/invitations/:token/accept', {
      schema: { tags: ['organisations'], summary: 'Accept an invitation (signed in with the invited email)', security: bearer, params: InvitationParams, response: { 200: AcceptedInvitation } },
    }, async (request) => acceptInvitation(deps, requireActor(request), request.params.token, contextOf(request)));

    app.post('/organisations/:organisationId/roster', {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['organisations'], summary: 'Upload an officer roster (CSV: name, email, badge_number, department)', description: 'Send the file as `text/csv`. Good rows are upserted; each bad row is reported with its line number and reason.', security: bearer, params: OrganisationParams,
        response: { 200: RosterReport },
      },
    }, async (request) => {
      const { organisationId } = request.params;
      const csv = typeof request.body === 'string' ? request.body : '';
      const report = await uploadRoster(deps, requireActor(request), { organisationId, csv }, contextOf(request));
      return { ...report, rejected: [...report.rejected] };
    });

    app.get('/organisations/:organisationId/roster', {
      schema: {
        tags: ['organisations'], summary: 'The roster, by email, a page at a time', security: bearer, params: OrganisationParams,
        querystring: RosterQuery,
        response: { 200: RosterPage },
      },
    }, async (request) => {
      const { organisationId } = request.params;
      const { limit, after } = request.query;
      return deps.transaction(async (tx) => {
        const org = await organisationFor(deps, tx, await principalOf(deps, tx, requireActor(request)), 'organisation.manage-roster', organisationId);
        const entries = await deps.organisations.listRoster(tx, org.id, { limit, after });
        return { entries, next: entries.length === limit ? (entries.at(-1)?.email ?? null) : null };
      });
    });

    app.post('/organisations/:organisationId/officer-domains', {
      schema: {
        tags: ['organisations'], summary: 'List an email domain of the precinct’s officers (approved by an admin)', security: bearer, params: OrganisationParams,
        body: OfficerDomainBody,
        response: { 200: OfficerDomainAdded },
      },
    }, async (request) => {
      const { organisationId } = request.params;
      return addOfficerDomain(deps, requireActor(request), { organisationId, domain: request.body.domain }, contextOf(request));
    });

    app.get('/precincts', {
      schema: { tags: ['organisations'], summary: 'Active precincts, for officers to name theirs', security: bearer, response: { 200: PrecinctList } },
    }, async (request) => {
      requireActor(request);
      const rows = await deps.transaction((tx) => deps.organisations.listOrganisations(tx, { status: 'active', limit: 1000 }));
      return { precincts: rows.filter((o) => o.type === 'precinct').map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name)) };
    });

    app.post('/officer-claims', {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['organisations'], summary: 'Claim my roster entry by badge number and department (the precinct confirms)', security: bearer,
        body: OfficerClaimBody,
        response: { 201: OfficerClaimSent },
      },
    }, async (request, reply) => reply.status(201).send(await claimOfficerEntry(deps, requireActor(request), request.body, contextOf(request))));

    app.get('/organisations/:organisationId/officer-claims', {
      schema: {
        tags: ['organisations'], summary: 'Pending officer claims, with the roster entry each matches', security: bearer, params: OrganisationParams,
        response: { 200: OfficerClaimList },
      },
    }, async (request) => {
      const { organisationId } = request.params;
      const claims = await listOfficerClaims(deps, requireActor(request), organisationId);
      return { claims: claims.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })) };
    });

    app.post('/organisations/:organisationId/officer-claims/:claimId/decision', {
      schema: {
        tags: ['organisations'], summary: 'Confirm (verifies the officer) or reject a claim', security: bearer,
        params: OfficerClaimParams,
        body: OfficerClaimDecisionBody,
      },
    }, async (request, reply) => {
      await decideOfficerClaim(deps, requireActor(request), { ...request.params, confirm: request.body.confirm }, contextOf(request));
      return reply.status(204).send();
    });

    app.get('/organisations/:organisationId/officer-domains', {
      schema: { tags: ['organisations'], summary: 'The precinct’s officer domains', security: bearer, params: OrganisationParams, response: { 200: OfficerDomainList } },
    }, async (request) => {
      const { organisationId } = request.params;
      return deps.transaction(async (tx) => {
        const org = await organisationFor(deps, tx, await principalOf(deps, tx, requireActor(request)), 'organisation.manage-roster', organisationId);
        return { domains: await deps.organisations.listOfficerDomains(tx, org.id) };
      });
    });
  };
}
