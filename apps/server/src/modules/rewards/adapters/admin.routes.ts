import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { checkLedger, createRule, editRule, listRules, previewRules, readSettings, ruleVersions, saveSettings } from '../application/manage-rules.ts';
import type { RewardsSettings } from '../application/ports.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import type { RuleDefinition } from '../domain/earning-rules.ts';
import { callerOf } from './caller.ts';
import { RuleBody, RuleDefinitionBody, SettingsBody } from './rewards-schemas.ts';

const bearer = [{ bearer: [] }];
const tags = ['rewards (admin)'];
const writes = { rateLimit: { max: 60, timeWindow: 60_000 } };

/** Admins: earning rules (versioned), the preview, settings, and the ledger's audit. */
export function adminRoutes(deps: RewardsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/rewards/rules', { schema: { tags, summary: 'Every earning rule at its current version', security: bearer, response: { 200: Type.Object({ items: Type.Array(RuleBody) }) } } }, async (request) => ({ items: await listRules(deps, callerOf(request)) }));

    app.post('/rewards/rules', { config: writes, schema: { tags, summary: 'Add a rule (version 1)', security: bearer, body: RuleDefinitionBody, response: { 201: Type.Object({ rule: RuleBody }) } } }, async (request, reply) =>
      reply.status(201).send({ rule: await createRule(deps, callerOf(request), request.body as RuleDefinition) }));

    app.put('/rewards/rules/:ruleId', { config: writes, schema: { tags, summary: 'Edit a rule: a new version (awards keep the version that paid them)', security: bearer, params: Type.Object({ ruleId: Type.String({ format: 'uuid' }) }), body: RuleDefinitionBody, response: { 200: Type.Object({ rule: RuleBody }) } } }, async (request) => {
      const { ruleId } = request.params as { ruleId: string };
      return { rule: await editRule(deps, callerOf(request), ruleId, request.body as RuleDefinition) };
    });

    app.get('/rewards/rules/:ruleId/versions', { schema: { tags, summary: 'A rule’s versions, newest first', security: bearer, params: Type.Object({ ruleId: Type.String({ format: 'uuid' }) }), response: { 200: Type.Object({ items: Type.Array(RuleBody) }) } } }, async (request) => {
      const { ruleId } = request.params as { ruleId: string };
      return { items: await ruleVersions(deps, callerOf(request), ruleId) };
    });

    app.post('/rewards/rules/preview', {
      schema: {
        tags, summary: 'What a connection would earn under the rules in force (before caps)', security: bearer,
        body: Type.Object({
          kind: Type.Union([Type.Literal('proximity'), Type.Literal('qr'), Type.Literal('virtual')]), locationVerified: Type.Boolean(),
          madeAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])), cell: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
          zip: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])), firstEver: Type.Optional(Type.Boolean()), firstWithThisOfficer: Type.Optional(Type.Boolean()),
        }, { additionalProperties: false }),
      },
    }, async (request) => {
      const body = request.body as { kind: 'proximity' | 'qr' | 'virtual'; locationVerified: boolean; madeAt?: string | null; cell?: string | null; zip?: string | null; firstEver?: boolean; firstWithThisOfficer?: boolean };
      return previewRules(deps, callerOf(request), { kind: body.kind, locationVerified: body.locationVerified, madeAt: body.madeAt ?? null, cell: body.cell ?? null, zip: body.zip ?? null, firstEver: body.firstEver ?? false, firstWithThisOfficer: body.firstWithThisOfficer ?? false });
    });

    app.get('/rewards/settings', { schema: { tags, summary: 'Rewards settings', security: bearer, response: { 200: Type.Object({ settings: SettingsBody }) } } }, async (request) => ({ settings: await readSettings(deps, callerOf(request)) }));

    app.put('/rewards/settings', { config: writes, schema: { tags, summary: 'Change rewards settings', security: bearer, body: SettingsBody, response: { 200: Type.Object({ settings: SettingsBody }) } } }, async (request) =>
      ({ settings: await saveSettings(deps, callerOf(request), request.body as RewardsSettings) }));

    app.get('/rewards/ledger/check', { schema: { tags, summary: 'Conservation: the sum of all entries (0) and any account whose balance differs from its entries', security: bearer } }, async (request) => checkLedger(deps, callerOf(request)));
  };
}
