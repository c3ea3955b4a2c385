import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LedgerCheck, Preview, PreviewInput, RewardsSettings, RuleAnswer, RuleDefinition, RuleParams, RulesAnswer, SettingsAnswer } from '@heyblue/contracts/rewards';
import { checkLedger, createRule, editRule, listRules, previewRules, readSettings, ruleVersions, saveSettings } from '../application/manage-rules.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';
import { callerOf } from './caller.ts';

const bearer = [{ bearer: [] }];
const tags = ['rewards (admin)'];
const writes = { rateLimit: { max: 60, timeWindow: 60_000 } };

/** Admins: earning rules (versioned), the preview, settings, and the ledger's audit. */
export function adminRoutes(deps: RewardsDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/rewards/rules', { schema: { tags, summary: 'Every earning rule at its current version', security: bearer, response: { 200: RulesAnswer } } }, async (request) => ({ items: await listRules(deps, callerOf(request)) }));

    app.post('/rewards/rules', { config: writes, schema: { tags, summary: 'Add a rule (version 1)', security: bearer, body: RuleDefinition, response: { 201: RuleAnswer } } }, async (request, reply) =>
      reply.status(201).send({ rule: await createRule(deps, callerOf(request), request.body) }));

    app.put('/rewards/rules/:ruleId', { config: writes, schema: { tags, summary: 'Edit a rule: a new version (awards keep the version that paid them)', security: bearer, params: RuleParams, body: RuleDefinition, response: { 200: RuleAnswer } } }, async (request) =>
      ({ rule: await editRule(deps, callerOf(request), request.params.ruleId, request.body) }));

    app.get('/rewards/rules/:ruleId/versions', { schema: { tags, summary: 'A rule’s versions, newest first', security: bearer, params: RuleParams, response: { 200: RulesAnswer } } }, async (request) =>
      ({ items: await ruleVersions(deps, callerOf(request), request.params.ruleId) }));

    app.post('/rewards/rules/preview', { schema: { tags, summary: 'What a connection would earn under the rules in force (before caps)', security: bearer, body: PreviewInput, response: { 200: Preview } } }, async (request) => {
      const body = request.body;
      return previewRules(deps, callerOf(request), { kind: body.kind, locationVerified: body.locationVerified, madeAt: body.madeAt ?? null, cell: body.cell ?? null, zip: body.zip ?? null, firstEver: body.firstEver ?? false, firstWithThisOfficer: body.firstWithThisOfficer ?? false });
    });

    app.get('/rewards/settings', { schema: { tags, summary: 'Rewards settings', security: bearer, response: { 200: SettingsAnswer } } }, async (request) => ({ settings: await readSettings(deps, callerOf(request)) }));

    app.put('/rewards/settings', { config: writes, schema: { tags, summary: 'Change rewards settings', security: bearer, body: RewardsSettings, response: { 200: SettingsAnswer } } }, async (request) =>
      ({ settings: await saveSettings(deps, callerOf(request), request.body) }));

    app.get('/rewards/ledger/check', { schema: { tags, summary: 'Conservation: the sum of all entries (0) and any account whose balance differs from its entries', security: bearer, response: { 200: LedgerCheck } } }, async (request) => checkLedger(deps, callerOf(request)));
  };
}
