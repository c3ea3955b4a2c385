import type { LedgerCheck, Rule } from '@heyblue/contracts/rewards';
import { AppError } from '../../../platform/errors/app-error.ts';
import { pointsFor, problemsOf, ruleApplies, type ConnectionKind, type Party, type RuleDefinition } from '../domain/earning-rules.ts';
import { localMoment } from '../domain/local-time.ts';
import type { RuleRecord, RewardsSettings } from './ports.ts';
import { isAdmin, type Caller, type RewardsDeps } from './rewards-deps.ts';

function adminOnly(caller: Caller): void {
  if (!isAdmin(caller)) throw new AppError('PLATFORM_FORBIDDEN');
}

/** A rule as the API shows it (the answer's arrays are its own, not the stored definition's). */
export function presentRule(r: RuleRecord): Rule {
  const d = r.definition;
  return {
    ...d, kinds: [...d.kinds], timeWindow: d.timeWindow && { ...d.timeWindow, days: [...d.timeWindow.days] }, area: d.area && { cells: [...d.area.cells], zips: [...d.area.zips] },
    points: { ...d.points }, caps: { ...d.caps }, id: r.id, version: r.version, spentPoints: r.spentPoints, updatedAt: r.updatedAt.toISOString(),
  };
}

function valid(definition: RuleDefinition): RuleDefinition {
  const problems = problemsOf(definition);
  if (problems.length > 0) throw new AppError('REWARDS_RULE_INVALID', `That rule cannot be saved: ${problems.join('; ')}.`, { problems });
  return { ...definition, name: definition.name.trim() };
}

/** Every rule at its current version. */
export async function listRules(deps: RewardsDeps, caller: Caller) {
  adminOnly(caller);
  const paid = await deps.rules.paidSoFar(deps.db);
  return (await deps.rules.current(deps.db)).map((rule) => presentRule({ ...rule, spentPoints: paid.get(rule.id) ?? 0 }));
}

/** Adds a rule at version 1. */
export async function createRule(deps: RewardsDeps, caller: Caller, definition: RuleDefinition) {
  adminOnly(caller);
  const checked = valid(definition);
  const id = crypto.randomUUID();
  await deps.transaction((tx) => deps.rules.create(tx, id, checked, caller.accountId, deps.clock.now()));
  const rule = await deps.rules.one(deps.db, id);
  if (!rule) throw new Error('rule vanished after creation');
  return presentRule(rule);
}

/** Edits a rule: a new version; awards already paid keep the version that paid them. */
export async function editRule(deps: RewardsDeps, caller: Caller, ruleId: string, definition: RuleDefinition) {
  adminOnly(caller);
  const checked = valid(definition);
  return deps.transaction(async (tx) => {
    const current = await deps.rules.one(tx, ruleId, true);
    if (!current) throw new AppError('REWARDS_RULE_NOT_FOUND');
    const now = deps.clock.now();
    await deps.rules.addVersion(tx, ruleId, current.version + 1, checked, caller.accountId, now);
    const edited = await deps.rules.one(tx, ruleId);
    if (!edited) throw new Error('rule vanished while being edited');
    return presentRule(edited);
  });
}

/** A rule's versions, newest first. */
export async function ruleVersions(deps: RewardsDeps, caller: Caller, ruleId: string) {
  adminOnly(caller);
  const versions = await deps.rules.versions(deps.db, ruleId);
  if (versions.length === 0) throw new AppError('REWARDS_RULE_NOT_FOUND');
  return versions.map(presentRule);
}

/** A hypothetical connection for the preview. */
export interface PreviewInput {
  readonly kind: ConnectionKind;
  readonly locationVerified: boolean;
  readonly madeAt: string | null;
  readonly cell: string | null;
  readonly zip: string | null;
  readonly firstEver: boolean;
  readonly firstWithThisOfficer: boolean;
}

/** What each party would earn for a connection under the rules in force (before caps). */
export async function previewRules(deps: RewardsDeps, caller: Caller, input: PreviewInput) {
  adminOnly(caller);
  const rules = await deps.rules.current(deps.db);
  const at = localMoment(input.madeAt ? new Date(input.madeAt) : deps.clock.now(), deps.timeZone);
  const facts = { kind: input.kind, locationVerified: input.locationVerified, cell: input.cell, zip: input.zip, firstEver: { citizen: input.firstEver, officer: input.firstEver }, firstForPair: input.firstWithThisOfficer };
  const lines = (party: Party) => rules.filter((r) => ruleApplies(r.definition, facts, party, at)).map((r) => ({ ruleId: r.id, version: r.version, name: r.definition.name, points: pointsFor(r.definition, party) }));
  const citizen = lines('citizen');
  const officer = lines('officer');
  const sum = (xs: Array<{ points: number }>) => xs.reduce((s, x) => s + x.points, 0);
  return { citizen, officer, totals: { citizen: sum(citizen), officer: sum(officer) } };
}

/** The deployment's rewards settings. */
export async function readSettings(deps: RewardsDeps, caller: Caller) {
  adminOnly(caller);
  return deps.giving.settings(deps.db);
}

/** Saves the deployment's rewards settings. */
export async function saveSettings(deps: RewardsDeps, caller: Caller, settings: RewardsSettings) {
  adminOnly(caller);
  await deps.transaction((tx) => deps.giving.saveSettings(tx, settings));
  return settings;
}

/** The ledger's own audit, for operators. */
export async function checkLedger(deps: RewardsDeps, caller: Caller): Promise<LedgerCheck> {
  adminOnly(caller);
  const check = await deps.ledger.conservation(deps.db);
  return { ...check, mismatched: [...check.mismatched] };
}
