import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../../platform/http/actor.ts';
import { authorize, principalOf } from '../application/authorize.ts';
import { decideOrganisation } from '../application/decide-organisation.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { contextOf } from './request-context.ts';
import { Organisation, presentOrganisation } from './organisations.routes.ts';

const bearer = [{ bearer: [] }];
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);
const AuditPage = Type.Object({
  entries: Type.Array(Type.Object({
    id: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actorId: Nullable(Type.String({ description: 'who did it; null for the system' })),
    actorEmail: Nullable(Type.String()),
    action: Type.String({ description: 'e.g. sign-in, organisation.approved, roster.uploaded' }),
    subjectType: Nullable(Type.String()),
    subjectId: Nullable(Type.String()),
    correlationId: Nullable(Type.String({ description: 'the request that did it; find its logs and events by it' })),
    ip: Nullable(Type.String()),
    details: Type.Record(Type.String(), Type.Unknown()),
  })),
  next: Type.Union([Type.Integer(), Type.Null()], { description: 'pass as `before` for the next page' }),
});

/** Admin work: organisation approvals and the audit log. */
export function adminRoutes(deps: IdentityDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/admin/organisations', {
      schema: {
        tags: ['admin'], summary: 'Organisations, newest first (filter by status)', security: bearer,
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('rejected')])), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), before: Type.Optional(Type.String({ format: 'date-time' })) }),
        response: { 200: Type.Object({ organisations: Type.Array(Organisation), next: Type.Union([Type.String(), Type.Null()]) }) },
      },
    }, async (request) => {
      const { status, limit, before } = request.query as { status?: string; limit: number; before?: string };
      return deps.db.transaction().execute(async (tx) => {
        authorize(await principalOf(deps, tx, requireActor(request)), 'organisation.decide', { kind: 'platform' });
        const rows = await deps.organisations.listOrganisations(tx, { status, limit, before: before ? new Date(before) : undefined });
        return { organisations: rows.map(presentOrganisation), next: rows.length === limit ? (rows.at(-1)?.createdAt.toISOString() ?? null) : null };
      });
    });

    app.post('/admin/organisations/:organisationId/decision', {
      schema: {
        tags: ['admin'], summary: 'Approve or reject a pending organisation', security: bearer,
        params: Type.Object({ organisationId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
      },
    }, async (request, reply) => {
      const { organisationId } = request.params as { organisationId: string };
      const { approve, note } = request.body as { approve: boolean; note?: string };
      await decideOrganisation(deps, requireActor(request), { organisationId, approve, note: note ?? null }, contextOf(request));
      return reply.status(204).send();
    });

    app.get('/admin/audit', {
      schema: {
        tags: ['admin'], summary: 'The audit log, newest first', security: bearer,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }), before: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: AuditPage },
      },
    }, async (request) => {
      const { limit, before } = request.query as { limit: number; before?: number };
      return deps.db.transaction().execute(async (tx) => {
        authorize(await principalOf(deps, tx, requireActor(request)), 'audit.read', { kind: 'platform' });
        const entries = await deps.organisations.auditPage(tx, { limit, beforeId: before });
        return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })), next: entries.length === limit ? (entries.at(-1)?.id ?? null) : null };
      });
    });
  };
}
