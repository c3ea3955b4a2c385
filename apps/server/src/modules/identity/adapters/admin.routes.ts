import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AdminOrganisationsQuery, AuditPage, AuditQuery, OrganisationDecisionBody, OrganisationPage, OrganisationParams } from '@heyblue/contracts/identity';
import { requireActor } from '../../../platform/http/actor.ts';
import { authorize, principalOf } from '../application/authorize.ts';
import { decideOrganisation } from '../application/decide-organisation.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { contextOf } from './request-context.ts';
import { presentOrganisation } from './organisations.routes.ts';

const bearer = [{ bearer: [] }];

/** Admin work: organisation approvals and the audit log. */
export function adminRoutes(deps: IdentityDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/admin/organisations', {
      schema: {
        tags: ['admin'], summary: 'Organisations, newest first (filter by status)', security: bearer,
        querystring: AdminOrganisationsQuery,
        response: { 200: OrganisationPage },
      },
    }, async (request) => {
      const { status, limit, before } = request.query;
      return deps.transaction(async (tx) => {
        authorize(await principalOf(deps, tx, requireActor(request)), 'organisation.decide', { kind: 'platform' });
        const rows = await deps.organisations.listOrganisations(tx, { status, limit, before: before ? new Date(before) : undefined });
        return { organisations: rows.map(presentOrganisation), next: rows.length === limit ? (rows.at(-1)?.createdAt.toISOString() ?? null) : null };
      });
    });

    app.post('/admin/organisations/:organisationId/decision', {
      schema: {
        tags: ['admin'], summary: 'Approve or reject a pending organisation', security: bearer,
        params: OrganisationParams,
        body: OrganisationDecisionBody,
      },
    }, async (request, reply) => {
      const { organisationId } = request.params;
      const { approve, note } = request.body;
      await decideOrganisation(deps, requireActor(request), { organisationId, approve, note: note ?? null }, contextOf(request));
      return reply.status(204).send();
    });

    app.get('/admin/audit', {
      schema: {
        tags: ['admin'], summary: 'The audit log, newest first', security: bearer,
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    }, async (request) => {
      const { limit, before } = request.query;
      return deps.transaction(async (tx) => {
        authorize(await principalOf(deps, tx, requireActor(request)), 'audit.read', { kind: 'platform' });
        const entries = await deps.organisations.auditPage(tx, { limit, beforeId: before });
        return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })), next: entries.length === limit ? (entries.at(-1)?.id ?? null) : null };
      });
    });
  };
}
