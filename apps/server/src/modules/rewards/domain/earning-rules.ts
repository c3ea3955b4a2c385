import type { LocalMoment } from './local-time.ts';

/** The kinds of connection a rule can pay for. */
export type ConnectionKind = 'proximity' | 'qr' | 'virtual';
/** A side of a connection. */
export type Party = 'citizen' | 'officer';

/** What an admin writes: conditions, points per party, caps. A rule never changes in place; an edit is a new version. */
export interface RuleDefinition {
  readonly name: string;
  readonly active: boolean;
  readonly kinds: readonly ConnectionKind[];
  readonly locationVerified: 'any' | 'verified' | 'unverified';
  readonly points: { readonly citizen: number; readonly officer: number };
  /** Days 0 = Sunday … 6, `HH:MM` in the deployment's time zone; from later than to spans midnight. */
  readonly timeWindow: { readonly days: readonly number[]; readonly from: string; readonly to: string } | null;
  readonly area: { readonly cells: readonly string[]; readonly zips: readonly string[] } | null;
  readonly bonus: 'none' | 'first-ever' | 'first-with-this-officer';
  readonly caps: { readonly perPairPerDay: number | null; readonly perUserPerDay: number | null; readonly budget: number | null };
}

/** One version of a rule, as awards record it. */
export interface RuleVersion {
  readonly id: string;
  readonly version: number;
  readonly definition: RuleDefinition;
}

/** What the rules look at in a made connection. */
export interface ConnectionFacts {
  readonly kind: ConnectionKind;
  readonly locationVerified: boolean;
  readonly cell: string | null;
  readonly zip: string | null;
  /** This is the party's first connection ever. */
  readonly firstEver: Readonly<Record<Party, boolean>>;
  /** This is the pair's first connection. */
  readonly firstForPair: boolean;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (hhmm: string): number => {
  const match = HHMM.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
};

/** Why a definition cannot be saved (empty when it can). */
export function problemsOf(rule: RuleDefinition): string[] {
  const problems: string[] = [];
  if (rule.name.trim().length === 0) problems.push('a rule needs a name');
  if (rule.kinds.length === 0) problems.push('a rule pays for at least one kind of connection');
  if (rule.points.citizen === 0 && rule.points.officer === 0) problems.push('a rule pays at least one party');
  if (rule.timeWindow) {
    const { days, from, to } = rule.timeWindow;
    if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) problems.push('time window days are 0 (Sunday) to 6');
    if (Number.isNaN(minutesOf(from)) || Number.isNaN(minutesOf(to))) problems.push('time window times are HH:MM');
    else if (from === to) problems.push('a time window cannot start and end at the same minute');
  }
  if (rule.area && rule.area.cells.length === 0 && rule.area.zips.length === 0) problems.push('an area lists at least one cell or ZIP code');
  if (rule.bonus !== 'none' && rule.kinds.length === 0) problems.push('a bonus needs a kind of connection');
  return problems;
}

/** A rule pays a party when it is active, the connection is of its kind and verification, in its window and area, and any bonus condition holds. */
export function ruleApplies(rule: RuleDefinition, facts: ConnectionFacts, party: Party, at: LocalMoment): boolean {
  return rule.active && pointsFor(rule, party) > 0 && matchesKind(rule, facts) && matchesWindow(rule, at) && matchesArea(rule, facts) && matchesBonus(rule, facts, party);
}

/** The points a rule pays a party before caps. */
export function pointsFor(rule: RuleDefinition, party: Party): number {
  return rule.points[party];
}

/** The kind and the location verification match. */
export function matchesKind(rule: RuleDefinition, facts: ConnectionFacts): boolean {
  if (!rule.kinds.includes(facts.kind)) return false;
  if (rule.locationVerified === 'verified') return facts.locationVerified;
  if (rule.locationVerified === 'unverified') return !facts.locationVerified;
  return true;
}

/** The local time falls in the window (any time when there is none). */
export function matchesWindow(rule: RuleDefinition, at: LocalMoment): boolean {
  const window = rule.timeWindow;
  if (!window) return true;
  if (!window.days.includes(at.weekday)) return false;
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return from < to ? at.minutes >= from && at.minutes < to : at.minutes >= from || at.minutes < to;
}

/** The connection happened in the area (anywhere when there is none; never for a connection with no place). */
export function matchesArea(rule: RuleDefinition, facts: ConnectionFacts): boolean {
  const area = rule.area;
  if (!area) return true;
  return (facts.cell !== null && area.cells.includes(facts.cell)) || (facts.zip !== null && area.zips.includes(facts.zip));
}

/** A first-ever bonus pays only a party's first connection; a first-with-this-officer bonus only the pair's first. */
export function matchesBonus(rule: RuleDefinition, facts: ConnectionFacts, party: Party): boolean {
  if (rule.bonus === 'first-ever') return facts.firstEver[party];
  if (rule.bonus === 'first-with-this-officer') return facts.firstForPair;
  return true;
}

/** What a rule has already paid, for its caps. */
export interface CapUsage {
  /** Points this rule paid this recipient today for connections with this counterpart. */
  readonly pairToday: number;
  /** Points this rule paid this recipient today. */
  readonly recipientToday: number;
  /** Points this rule paid anyone, ever. */
  readonly spent: number;
}

/** The points to pay after caps: what is left under each cap, never below zero. */
export function cappedPoints(points: number, caps: RuleDefinition['caps'], usage: CapUsage): number {
  let left = points;
  if (caps.perPairPerDay !== null) left = Math.min(left, caps.perPairPerDay - usage.pairToday);
  if (caps.perUserPerDay !== null) left = Math.min(left, caps.perUserPerDay - usage.recipientToday);
  if (caps.budget !== null) left = Math.min(left, caps.budget - usage.spent);
  return Math.max(0, left);
}
