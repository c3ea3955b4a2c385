import { AppError } from '../../../platform/errors/app-error.ts';
import { charityStatementCsv } from '../domain/statement.ts';
import { monthDays } from '../domain/local-time.ts';
import { organisationForMember } from './partner-access.ts';
import type { CauseRecord } from './ports.ts';
import type { Caller, RewardsDeps } from './rewards-deps.ts';
import { presentCause } from './views.ts';

/** What a charity writes about a cause. */
export interface CauseInput {
  readonly kind: 'cause' | 'family';
  readonly title: string;
  readonly description: string;
  readonly goalPoints: number | null;
  readonly active?: boolean;
}

/** A title of only spaces would be stored empty, which the table refuses: it is the field's fault, said as such. */
function titleOf(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw new AppError('PLATFORM_VALIDATION_FAILED', 'A cause needs a title that is not blank.', [{ in: 'body', path: '/title', message: 'must not be blank' }]);
  return trimmed;
}

/** Creates a cause (a family in need is one the charity vouches for). */
export async function createCause(deps: RewardsDeps, caller: Caller, organisationId: string, input: CauseInput) {
  const org = await organisationForMember(deps, caller, organisationId, 'causes');
  return deps.transaction(async (tx) => {
    const cause: CauseRecord = { id: crypto.randomUUID(), organisationId, organisationName: org.name, kind: input.kind, title: titleOf(input.title), description: input.description.trim(), goalPoints: input.goalPoints, receivedPoints: 0, active: input.active ?? true, imageUpdatedAt: null };
    await deps.catalogue.insertCause(tx, cause);
    return presentCause(cause);
  });
}

/** Changes a cause. */
export async function updateCause(deps: RewardsDeps, caller: Caller, organisationId: string, causeId: string, patch: Partial<CauseInput>) {
  await organisationForMember(deps, caller, organisationId, 'causes');
  return deps.transaction(async (tx) => {
    const current = await deps.catalogue.cause(tx, causeId);
    if (!current || current.organisationId !== organisationId) throw new AppError('REWARDS_CAUSE_NOT_FOUND');
    const cause: CauseRecord = {
      ...current, kind: patch.kind ?? current.kind, title: patch.title === undefined ? current.title : titleOf(patch.title), description: patch.description?.trim() ?? current.description,
      goalPoints: patch.goalPoints === undefined ? current.goalPoints : patch.goalPoints, active: patch.active ?? current.active,
    };
    await deps.catalogue.updateCause(tx, cause);
    return presentCause(cause);
  });
}

/** A charity's causes. */
export async function causesOfOrganisation(deps: RewardsDeps, caller: Caller, organisationId: string, limit: number, cursor: string | undefined) {
  await organisationForMember(deps, caller, organisationId, 'causes');
  const page = await deps.catalogue.causesOf(deps.db, organisationId, limit, cursor);
  return { items: page.items.map(presentCause), nextCursor: page.nextCursor };
}

/** Donations a charity received, newest first (donors stay anonymous). */
export async function donationsOfOrganisation(deps: RewardsDeps, caller: Caller, organisationId: string, limit: number, cursor: string | undefined) {
  await organisationForMember(deps, caller, organisationId, 'causes');
  const page = await deps.giving.donationsOf(deps.db, organisationId, limit, cursor);
  return { items: page.items.map((d) => ({ id: d.id, causeId: d.causeId, causeTitle: d.causeTitle, points: d.points, at: d.at.toISOString() })), nextCursor: page.nextCursor };
}

/** A charity's monthly statement (CSV), settled off-system at the points' money rate. */
export async function charityStatement(deps: RewardsDeps, caller: Caller, organisationId: string, month: string): Promise<string> {
  const days = monthDays(month);
  if (!days) throw new AppError('REWARDS_MONTH_INVALID');
  const org = await organisationForMember(deps, caller, organisationId, 'causes');
  const settings = await deps.giving.settings(deps.db);
  const donations = await deps.giving.donationsInMonth(deps.db, organisationId, days.first, days.afterLast);
  return charityStatementCsv({ organisationName: org.name, month, pointValueCents: settings.pointValueCents, donations });
}

/** An organisation's balance and identity in rewards. */
export async function organisationSummary(deps: RewardsDeps, caller: Caller, organisationId: string) {
  const org = await organisationForMember(deps, caller, organisationId);
  const settings = await deps.giving.settings(deps.db);
  return { organisationId: org.id, name: org.name, type: org.type, balance: await deps.ledger.balanceOf(deps.db, 'organisation', org.id), pointValueCents: settings.pointValueCents };
}
