/** The cause form's values (as typed) and the cause to send; on edit, only what changed. */
import type { Cause, CauseInput, CauseKind, CausePatch } from '../../../api/partner-rewards.ts';

/** Everything the cause form holds. */
export interface CauseFormValues {
  kind: CauseKind;
  title: string;
  description: string;
  /** Empty for no goal. */
  goalPoints: string;
  active: boolean;
}

/** What is wrong with a value. */
export type CauseProblem = 'required' | 'tooLong' | 'wholeNumber';

/** The problems found, by field. */
export type CauseFormErrors = Partial<Record<'title' | 'description' | 'goalPoints', CauseProblem>>;

/** A new cause: open, no goal. */
export function emptyCauseForm(): CauseFormValues {
  return { kind: 'cause', title: '', description: '', goalPoints: '', active: true };
}

/** The form filled in from a saved cause. */
export function causeToForm(cause: Cause): CauseFormValues {
  return { kind: cause.kind, title: cause.title, description: cause.description, goalPoints: cause.goalPoints === null ? '' : String(cause.goalPoints), active: cause.active };
}

/** Checks the form: the cause to send (and whether it is open), or what to fix. */
export function readCauseForm(values: CauseFormValues): { ok: true; input: CauseInput; active: boolean } | { ok: false; errors: CauseFormErrors } {
  const errors: CauseFormErrors = {};
  const title = values.title.trim();
  const description = values.description.trim();
  const goal = values.goalPoints.trim();
  if (title === '') errors.title = 'required';
  else if (title.length > 120) errors.title = 'tooLong';
  if (description.length > 2000) errors.description = 'tooLong';
  if (goal !== '' && !/^[1-9]\d*$/.test(goal)) errors.goalPoints = 'wholeNumber';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { kind: values.kind, title, description, goalPoints: goal === '' ? null : Number(goal) }, active: values.active };
}

/** On edit: the fields whose values differ from the cause's own. */
export function causePatchOf(before: CauseFormValues, after: CauseFormValues, input: CauseInput): CausePatch {
  const patch: CausePatch = {};
  if (before.kind !== after.kind) patch.kind = input.kind;
  if (before.title.trim() !== after.title.trim()) patch.title = input.title;
  if (before.description.trim() !== after.description.trim()) patch.description = input.description;
  if (before.goalPoints.trim() !== after.goalPoints.trim()) patch.goalPoints = input.goalPoints;
  if (before.active !== after.active) patch.active = after.active;
  return patch;
}
