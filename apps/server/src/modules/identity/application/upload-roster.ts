import { parse } from 'csv-parse/sync';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { MAX_ROSTER_ROWS, missingRosterColumns, validateRoster, type RejectedRow } from '../domain/roster.ts';
import { organisationFor, principalOf } from './authorize.ts';
import type { IdentityDeps, RequestContext } from './identity-deps.ts';
import { verifyMatchingOfficers } from './verify-officers.ts';

/** What an upload did, row by row. */
export interface RosterReport {
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: readonly RejectedRow[];
  readonly officersVerified: number;
}

/**
 * A precinct owner (or an admin) uploads a roster CSV (name, email, badge_number, department).
 * Good rows are upserted (uploading the same file twice changes nothing), bad rows are reported with
 * their line number and reason, and accounts the roster matches become verified officers.
 */
export async function uploadRoster(deps: IdentityDeps, actor: Actor, input: { organisationId: string; csv: string }, context: RequestContext): Promise<RosterReport> {
  const rows = parseCsv(input.csv);
  const { accepted, rejected } = validateRoster(rows);
  return deps.unitOfWork({ actorId: actor.accountId, correlationId: context.correlationId, causationId: null }, async (tx, events) => {
    const principal = await principalOf(deps, tx, actor);
    const org = await organisationFor(deps, tx, principal, 'organisation.manage-roster', input.organisationId);
    await deps.organisations.upsertRosterEntries(tx, org.id, accepted);
    const officersVerified = await verifyMatchingOfficers(deps, tx, events, { organisationId: org.id }, context.correlationId);
    await deps.store.audit(tx, { actorId: actor.accountId, action: 'roster.uploaded', subjectType: 'organisation', subjectId: org.id, correlationId: context.correlationId, ip: context.ip, details: { rows: rows.length, accepted: accepted.length, rejected: rejected.length, officersVerified } });
    return { rows: rows.length, accepted: accepted.length, rejected, officersVerified };
  });
}

function parseCsv(csv: string): Array<{ line: number; values: Record<string, string> }> {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    throw new AppError('IDENTITY_ROSTER_NOT_CSV', `The roster is not valid CSV: ${error instanceof Error ? error.message : 'unreadable'}.`);
  }
  const [header, ...body] = records;
  if (!header) throw new AppError('IDENTITY_ROSTER_NOT_CSV', 'The roster is empty.');
  const missing = missingRosterColumns(header);
  if (missing.length > 0) throw new AppError('IDENTITY_ROSTER_NOT_CSV', `The roster's first line must name the columns; missing: ${missing.join(', ')}.`);
  const names = header.map((h) => h.trim().toLowerCase());
  const rows = body
    .map((record, index) => ({ line: index + 2, record }))
    .filter(({ record }) => record.some((cell) => cell.trim() !== ''))
    .map(({ line, record }) => ({ line, values: Object.fromEntries(names.map((name, i) => [name, record[i] ?? ''])) }));
  if (rows.length > MAX_ROSTER_ROWS) throw new AppError('IDENTITY_ROSTER_TOO_LARGE');
  return rows;
}
