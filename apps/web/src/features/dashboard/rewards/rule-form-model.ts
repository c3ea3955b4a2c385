/**
 * The earning-rule form's values (as typed) and their conversion to and from a RuleDefinition:
 * kinds as checkboxes, the time window and area as optional parts, comma lists for cells and ZIP
 * codes, and empty cap fields for "no cap".
 */
import type { ConnectionKind, LocationCheck, Rule, RuleBonus, RuleDefinition } from '../../../api/partner-rewards.ts';

/** Everything the rule form holds. */
export interface RuleFormValues {
  name: string;
  active: boolean;
  kinds: ConnectionKind[];
  locationVerified: LocationCheck;
  citizenPoints: string;
  officerPoints: string;
  /** Whether the rule pays only at some times. */
  windowOn: boolean;
  days: number[];
  from: string;
  to: string;
  /** Comma-separated H3 cells and ZIP codes; both empty means anywhere. */
  cells: string;
  zips: string;
  bonus: RuleBonus;
  capPerPairPerDay: string;
  capPerUserPerDay: string;
  budget: string;
}

/** The fields that can be wrong. */
export type RuleField = 'name' | 'kinds' | 'citizenPoints' | 'officerPoints' | 'days' | 'from' | 'to' | 'cells' | 'zips' | 'capPerPairPerDay' | 'capPerUserPerDay' | 'budget';

/** What is wrong with a value: each has its own sentence in the translations. */
export type RuleProblem = 'required' | 'tooLong' | 'kindsRequired' | 'points' | 'nobodyPaid' | 'wholeNumber' | 'tooLarge' | 'daysRequired' | 'time' | 'sameTimes' | 'cells' | 'zips';

/** Every day of the week, Sunday first (0 = Sunday, as the API counts). */
export const weekDays = [0, 1, 2, 3, 4, 5, 6] as const;

/** The form for a new rule: every kind, any location, 10 points each side. */
export function emptyRuleForm(): RuleFormValues {
  return {
    name: '',
    active: true,
    kinds: ['proximity', 'qr', 'virtual'],
    locationVerified: 'any',
    citizenPoints: '10',
    officerPoints: '10',
    windowOn: false,
    days: [1, 2, 3, 4, 5],
    from: '09:00',
    to: '17:00',
    cells: '',
    zips: '',
    bonus: 'none',
    capPerPairPerDay: '',
    capPerUserPerDay: '',
    budget: '',
  };
}

function capText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** The form filled in from a saved rule. */
export function ruleToForm(rule: RuleDefinition | Rule): RuleFormValues {
  const empty = emptyRuleForm();
  return {
    name: rule.name,
    active: rule.active,
    kinds: [...rule.kinds],
    locationVerified: rule.locationVerified,
    citizenPoints: String(rule.points.citizen),
    officerPoints: String(rule.points.officer),
    windowOn: rule.timeWindow !== null,
    days: rule.timeWindow ? [...rule.timeWindow.days].sort((a, b) => a - b) : empty.days,
    from: rule.timeWindow?.from ?? empty.from,
    to: rule.timeWindow?.to ?? empty.to,
    cells: rule.area?.cells.join(', ') ?? '',
    zips: rule.area?.zips.join(', ') ?? '',
    bonus: rule.bonus,
    capPerPairPerDay: capText(rule.caps.perPairPerDay),
    capPerUserPerDay: capText(rule.caps.perUserPerDay),
    budget: capText(rule.caps.budget),
  };
}

/** "a, b,,c " → ["a", "b", "c"]: commas, spaces or new lines separate; duplicates are dropped. */
export function parseList(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).filter(Boolean))];
}

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An H3 cell index: 15 hexadecimal digits. */
const h3Cell = /^[0-9a-f]{15}$/i;
/** A ZIP code: five digits (the server matches areas on the five-digit code). */
const zipCode = /^\d{5}$/;
/** The most a cap may be, as the server's schema says. */
const capMax = 100_000_000;

function points(value: string): number | RuleProblem {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return 'points';
  const n = Number(trimmed);
  return n > 10_000 ? 'points' : n;
}

/** An empty cap field is no cap; a cap of 0 would pay nothing, so a cap is at least 1. */
function cap(value: string): number | null | RuleProblem {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) return 'wholeNumber';
  return Number(trimmed) > capMax ? 'tooLarge' : Number(trimmed);
}

/** The result of checking the form: the definition to send, or what to fix. */
export type RuleFormResult = { ok: true; definition: RuleDefinition } | { ok: false; errors: Partial<Record<RuleField, RuleProblem>> };

/** Checks the form and builds the rule definition to send. */
export function readRuleForm(values: RuleFormValues): RuleFormResult {
  const errors: Partial<Record<RuleField, RuleProblem>> = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > 80) errors.name = 'tooLong';
  if (values.kinds.length === 0) errors.kinds = 'kindsRequired';
  const citizen = points(values.citizenPoints);
  if (typeof citizen === 'string') errors.citizenPoints = citizen;
  const officer = points(values.officerPoints);
  if (typeof officer === 'string') errors.officerPoints = officer;
  // A rule that pays nobody would match connections and do nothing; the server refuses it too.
  if (citizen === 0 && officer === 0) errors.citizenPoints = 'nobodyPaid';
  if (values.windowOn) {
    if (values.days.length === 0) errors.days = 'daysRequired';
    if (!hhmm.test(values.from)) errors.from = 'time';
    if (!hhmm.test(values.to)) errors.to = 'time';
    else if (values.from === values.to) errors.to = 'sameTimes';
  }
  const cells = parseList(values.cells).map((cell) => cell.toLowerCase());
  if (cells.some((cell) => !h3Cell.test(cell))) errors.cells = 'cells';
  const zips = parseList(values.zips);
  if (zips.some((zip) => !zipCode.test(zip))) errors.zips = 'zips';
  const perPair = cap(values.capPerPairPerDay);
  if (typeof perPair === 'string') errors.capPerPairPerDay = perPair;
  const perUser = cap(values.capPerUserPerDay);
  if (typeof perUser === 'string') errors.capPerUserPerDay = perUser;
  const budget = cap(values.budget);
  if (typeof budget === 'string') errors.budget = budget;

  if (typeof citizen === 'string' || typeof officer === 'string' || typeof perPair === 'string' || typeof perUser === 'string' || typeof budget === 'string' || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  // The order of the checkboxes, whatever order they were ticked in.
  const kinds = (['proximity', 'qr', 'virtual'] as const).filter((kind) => values.kinds.includes(kind));
  return {
    ok: true,
    definition: {
      name,
      active: values.active,
      kinds,
      locationVerified: values.locationVerified,
      points: { citizen, officer },
      timeWindow: values.windowOn ? { days: [...values.days].sort((a, b) => a - b), from: values.from, to: values.to } : null,
      area: cells.length > 0 || zips.length > 0 ? { cells, zips } : null,
      bonus: values.bonus,
      caps: { perPairPerDay: perPair, perUserPerDay: perUser, budget },
    },
  };
}

/** The order the form's fields come in, so focus goes to the first one that is wrong. */
export const ruleFieldOrder: readonly RuleField[] = ['name', 'kinds', 'citizenPoints', 'officerPoints', 'days', 'from', 'to', 'cells', 'zips', 'capPerPairPerDay', 'capPerUserPerDay', 'budget'];
